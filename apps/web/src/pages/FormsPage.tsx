import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';
import { useMe } from '../modules/auth/hooks/useMe';
import { OwnTeamTemplates } from '../modules/surveys/components/OwnTeamTemplates';
import { SurveyFormsList } from '../modules/surveys/components/SurveyFormsList';
import { useSurveyForms } from '../modules/surveys/hooks/useSurveyForms';
import { invitationToken } from '../modules/surveys/utils/invitation';
import { ownTeamTemplates } from '../modules/surveys/utils/own-team-templates';

/** "Forms you fill in": opened with a personal survey link, or signed in. */
export function FormsPage() {
  const [invitation] = useState(invitationToken);
  const { forms, loading, error } = useSurveyForms(invitation);
  const { me } = useMe();
  // The template is a signed-in download: a personal link alone does not open it.
  const templates = invitation ? [] : ownTeamTemplates(forms, me);
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
      {!loading && !error && <OwnTeamTemplates templates={templates} />}
    </div>
  );
}
