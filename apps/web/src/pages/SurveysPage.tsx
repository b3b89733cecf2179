import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { LoadingState } from '../modules/shared/components/LoadingState';
import { CreateCampaignForm } from '../modules/surveys/components/CreateCampaignForm';
import { useCampaigns } from '../modules/surveys/hooks/useCampaigns';
import { formatDate } from '../modules/shared/utils/format';

const PHASES: Record<string, string> = { SCHEDULED: 'Not open yet', OPEN: 'Open', ENDED: 'Window over', CLOSED: 'Closed' };

/** HR: the organization's time-allocation surveys, and a new one. */
export function SurveysPage() {
  const { orgId, snapshots, snapshotId, linkTo } = useOrg();
  const { list, create, creating } = useCampaigns(orgId);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const campaigns = list.data?.surveyCampaigns.nodes ?? [];
  return (
    <div className="stack">
      <section aria-labelledby="surveys-title">
        <h2 id="surveys-title" className="section-title">
          Time-allocation surveys
        </h2>
        {list.loading && !list.data && <LoadingState label="Loading surveys…" />}
        {list.error && <ErrorState title="Could not load the surveys." error={list.error} />}
        {list.data && campaigns.length === 0 && <p className="field-hint">No survey yet.</p>}
        {campaigns.length > 0 && (
          <ul className="survey-campaigns" aria-label="Surveys">
            {campaigns.map((campaign) => (
              <li key={campaign.id} className="card">
                <Link to={linkTo(`/org/${orgId}/surveys/${campaign.id}`)}>{campaign.name}</Link>
                <p className="field-hint">
                  {PHASES[campaign.phase]} · {campaign.participantCount} people · snapshot v{campaign.baseSnapshotVersion}
                  {campaign.resultSnapshotVersion ? ` → v${campaign.resultSnapshotVersion}` : ''} · closes{' '}
                  {formatDate(campaign.closesAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <CreateCampaignForm
        organizationId={orgId}
        snapshots={snapshots}
        defaultSnapshotId={snapshotId}
        busy={creating}
        onCreate={async (input) => {
          setError(null);
          try {
            const created = await create(input);
            if (created) navigate(linkTo(`/org/${orgId}/surveys/${created.id}`));
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure));
          }
        }}
      />
    </div>
  );
}
