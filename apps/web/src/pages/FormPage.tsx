import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SurveyFormEditor } from '../modules/surveys/components/SurveyFormEditor';
import { invitationToken } from '../modules/surveys/utils/invitation';

export function FormPage() {
  const { responseId = '' } = useParams();
  const [invitation] = useState(invitationToken);
  const navigate = useNavigate();
  return (
    <div className="page page--narrow stack">
      <p>
        <Link to="/forms">All your forms</Link>
      </p>
      <SurveyFormEditor key={responseId} responseId={responseId} invitation={invitation} onDone={() => navigate('/forms')} />
    </div>
  );
}
