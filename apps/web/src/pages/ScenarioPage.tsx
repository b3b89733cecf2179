import { Link, useParams } from 'react-router-dom';
import { useIsHrAdmin } from '../modules/account/hooks/useIsHrAdmin';
import { useOwnPositionId } from '../modules/auth/hooks/useOwnPositionId';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { ScenarioView } from '../modules/scenarios/components/ScenarioView';
import { useScenario } from '../modules/scenarios/hooks/useScenario';
import { newerSnapshotThan } from '../modules/scenarios/utils/scenario-list';
import { ReportDownloads } from '../modules/shared/components/ReportDownloads';

export function ScenarioPage() {
  const { orgId, snapshots, linkTo } = useOrg();
  const { scenarioId = '' } = useParams();
  const controls = useScenario(scenarioId);
  const isHrAdmin = useIsHrAdmin(orgId);
  const scenario = controls.score.data?.scenarioScore.scenario;
  // A leader's plan is drawn from their own post down; HR sees the chart from the top.
  const ownPositionId = useOwnPositionId(orgId, scenario?.snapshotId ?? null);
  return (
    <div className="stack">
      <p>
        <Link to={linkTo(`/org/${orgId}/scenarios`)}>← All scenarios</Link>
      </p>
      <ScenarioView
        key={scenarioId}
        controls={controls}
        isHrAdmin={isHrAdmin}
        snapshots={snapshots}
        rebaseOnto={(score) =>
          score.scenario.status === 'APPROVED' ? null : newerSnapshotThan(score.scenario.snapshotId, snapshots)
        }
        chartRootPositionId={scenario?.scopeEmployeeId ? ownPositionId : null}
        reportLinks={(id) =>
          scenario ? (
            <ReportDownloads
              organizationId={orgId}
              snapshotId={scenario.snapshotId}
              kind="plan"
              scope={{ scenarioId: id }}
              label="Plan report"
            />
          ) : null
        }
      />
    </div>
  );
}
