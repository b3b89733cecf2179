import { OrgChartView, type OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useOrgRole } from '../../auth/hooks/useOrgRole';
import { useRevealInChart } from '../../shared/hooks/useRevealInChart';
import { ErrorState } from '../../shared/components/ErrorState';
import { ReportDownloads } from '../../shared/components/ReportDownloads';
import { CoveragePanel } from '../../coverage/components/CoveragePanel';
import { LoadingState } from '../../shared/components/LoadingState';
import { plural } from '../../shared/utils/format';
import { DottedLineList } from '../../shared/components/DottedLineList';
import { useDelegationChains } from '../hooks/useDelegationChains';
import { useDottedLineReports } from '../hooks/useDottedLineReports';
import { useLeaderReview } from '../hooks/useLeaderReview';
import { useReviewFilters } from '../hooks/useReviewFilters';
import { useReviewFinding } from '../hooks/useReviewFinding';
import { useActionStatus } from '../hooks/useActionStatus';
import { useActions } from '../hooks/useActions';
import { useLeadersToReview } from '../hooks/useLeadersToReview';
import { ActionList } from './ActionList';
import { FindingReviewList } from './FindingReviewList';
import { LeadersToReview } from './LeadersToReview';
import { newestByFinding } from '../utils/actions';
import { LeaderPicker } from './LeaderPicker';
import { ReviewFilters } from './ReviewFilters';

type Props = {
  organizationId: string;
  snapshotId: string;
  leaderId: string | null;
  onLeaderChange: (positionId: string) => void;
};

const CHART_OPTIONS = { animationMs: 200 };

export function LeaderReview({ organizationId, snapshotId, leaderId, onLeaderChange }: Props) {
  const filters = useReviewFilters();
  const { leaderList, leaders, selectedLeader, setLeaderQuery, team, subtree, teamSize, findings, flaggedIds, leaderKnown } =
    useLeaderReview(snapshotId, leaderId, filters);
  const { review } = useReviewFinding(snapshotId);
  const chains = useDelegationChains(snapshotId, leaderId);
  const dotted = useDottedLineReports(leaderId && leaderKnown ? leaderId : null);
  const setActionStatus = useActionStatus();
  const landing = useLeadersToReview(snapshotId, leaderId !== null);
  const teamActions = useActions(snapshotId, leaderId, null);
  const actionsByKey = useMemo(() => newestByFinding(teamActions.data?.actions.nodes ?? []), [teamActions.data]);
  const [focusedPositionId, setFocusedPositionId] = useState<string | null>(null);
  const chartRef = useRef<OrgChartViewHandle>(null);
  const role = useOrgRole(organizationId);
  const canPlan = role === 'HR_ADMIN' || role === 'LEADER';
  useRevealInChart(chartRef, subtree, flaggedIds, team.reveal);

  useEffect(() => setFocusedPositionId(null), [leaderId]);
  // Clicking a card in the chart brings that person's findings into view.
  useEffect(() => {
    if (!focusedPositionId) return;
    document
      .querySelector(`[data-position-id="${CSS.escape(focusedPositionId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focusedPositionId]);

  if (leaderList.loading && !leaderList.data && !leaderList.previousData) return <LoadingState label="Loading leaders…" />;
  if (leaderList.error)
    return <ErrorState title="Could not load the leaders." error={leaderList.error} onRetry={() => void leaderList.refetch()} />;

  const list = findings.data?.findings;
  return (
    <div className="review">
      <div className="review__picker">
        <LeaderPicker
          leaders={leaders}
          selected={selectedLeader}
          selectedId={leaderId}
          onSelect={onLeaderChange}
          onQueryChange={setLeaderQuery}
        />
      </div>
      {!leaderId && landing.loading && !landing.data && <LoadingState label="Loading the leaders with open findings…" />}
      {!leaderId && landing.error && (
        <ErrorState
          title="Could not load the leaders with open findings."
          error={landing.error}
          onRetry={() => void landing.refetch()}
        />
      )}
      {!leaderId && landing.data && (
        <LeadersToReview
          leaders={landing.data.leadersToReview}
          hrefOf={(positionId) => `/org/${organizationId}/review/${positionId}`}
        />
      )}
      {leaderId && !leaderKnown && (
        <ErrorState title="This position is not in the selected snapshot. Choose a leader from the list." error={null} />
      )}
      {leaderId && leaderKnown && (
        <div className="review__layout">
          <section aria-labelledby="review-findings-heading" className="review__findings">
            <div className="review__findings-head">
              <h2 id="review-findings-heading" className="section-title">
                Findings in this team {list && <span className="muted">· {list.totalCount}</span>}
              </h2>
              <ReportDownloads
                organizationId={organizationId}
                snapshotId={snapshotId}
                kind="delegation"
                scope={{ positionId: leaderId }}
                label="Delegation review"
              />
              <ReviewFilters
                status={filters.status}
                kind={filters.kind}
                onStatusChange={filters.setStatus}
                onKindChange={filters.setKind}
              />
            </div>
            <CoveragePanel
              snapshotId={snapshotId}
              leaderPositionId={leaderId}
              needsReviewHref={`/org/${organizationId}/needs-review?snapshot=${encodeURIComponent(snapshotId)}`}
            />
            {findings.loading && !list && <LoadingState label="Loading findings…" />}
            {findings.error && (
              <ErrorState title="Could not load the findings." error={findings.error} onRetry={() => void findings.refetch()} />
            )}
            {list && list.nodes.length === 0 && <p className="muted">No findings match these filters.</p>}
            {list && list.nodes.length > 0 && (
              <FindingReviewList
                snapshotId={snapshotId}
                findings={list.nodes}
                actions={actionsByKey}
                chains={chains}
                focusedPositionId={focusedPositionId}
                onReview={review}
                onActionStatus={setActionStatus}
                planHrefOf={canPlan ? (id) => `/org/${organizationId}/scenarios/${id}` : null}
              />
            )}
            <section aria-labelledby="review-actions-heading" className="review__actions">
              <h2 id="review-actions-heading" className="section-title">
                Actions in this team
              </h2>
              {teamActions.error && (
                <ErrorState
                  title="Could not load the actions."
                  error={teamActions.error}
                  onRetry={() => void teamActions.refetch()}
                />
              )}
              {teamActions.data && (
                <ActionList
                  actions={teamActions.data.actions}
                  onStatus={setActionStatus}
                  label="Actions in this team"
                  reviewHrefOf={(positionId) => `/org/${organizationId}/review/${positionId}`}
                />
              )}
            </section>
          </section>
          <section aria-labelledby="review-chart-heading" className="review__chart">
            <h2 id="review-chart-heading" className="section-title">
              Team{' '}
              <span className="muted">
                · {plural(teamSize, 'position')}, {flaggedIds.length} with findings (highlighted)
              </span>
            </h2>
            <div className="chart-frame">
              <OrgChartView
                ref={chartRef}
                nodes={subtree}
                loadChildren={team.loadChildren}
                highlightedIds={flaggedIds}
                onSelect={(node) => setFocusedPositionId(node?.id ?? null)}
                options={CHART_OPTIONS}
                depth={1}
                height={560}
              />
            </div>
            {dotted.reports.length > 0 && (
              <section aria-labelledby="review-dotted-heading" className="review__dotted">
                <h3 id="review-dotted-heading">
                  Dotted-line reports <span className="muted">· {dotted.reports.length}</span>
                </h3>
                <p className="muted small">
                  They also answer to this leader on a dotted line. Only those inside the team above can be reviewed here; the
                  others are listed read-only, without findings or ratings.
                </p>
                <DottedLineList lines={dotted.reports} onOpen={setFocusedPositionId} />
              </section>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
