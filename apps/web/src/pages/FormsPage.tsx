import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';
import { SurveyFormsList } from '../modules/surveys/components/SurveyFormsList';
import { useSurveyForms } from '../modules/surveys/hooks/useSurveyForms';
import { invitationToken } from '../modules/surveys/utils/invitation';

/** "Forms you fill in": opened with a personal survey link, or signed in. */
export function FormsPage() {
  const [invitation] = useState(invitationToken);
  const { forms, loading, error } = useSurveyForms(invitation);
  return (
    <div className="page page--narrow stack">
      <h1>Forms you fill in</h1>
      {loading && <LoadingState label="Loading your forms…" />}
      {error && (
        <>
          <ErrorState title="Could not open your forms." error={error} />
          <p>
            Use the latest link you were sent, or <Link to="/sign-in">sign in</Link>.
          </p>
        </>
      )}
      {!loading && !error && <SurveyFormsList forms={forms} />}
    </div>
  );
}
