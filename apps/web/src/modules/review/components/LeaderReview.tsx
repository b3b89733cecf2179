import { OrgChartView, type OrgChartViewHandle } from '@rolemap/web-org-chart';
import { useEffect, useRef, useState } from 'react';
import { useRevealInChart } from '../../shared/hooks/useRevealInChart';
import { ErrorState } from '../../shared/components/ErrorState';
import { ReportDownloads } from '../../shared/components/ReportDownloads';
import { CoveragePanel } from '../../coverage/components/CoveragePanel';
import { LoadingState } from '../../shared/components/LoadingState';
import { plural } from '../../shared/utils/format';
import { useDelegationChains } from '../hooks/useDelegationChains';
import { useLeaderReview } from '../hooks/useLeaderReview';
import { useReviewFilters } from '../hooks/useReviewFilters';
import { useReviewFinding } from '../hooks/useReviewFinding';
import { FindingReviewList } from './FindingReviewList';
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
  const [focusedPositionId, setFocusedPositionId] = useState<string | null>(null);
  const chartRef = useRef<OrgChartViewHandle>(null);
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
      {!leaderId && <p className="muted">Choose a leader to review the findings in their team.</p>}
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
              <FindingReviewList findings={list.nodes} chains={chains} focusedPositionId={focusedPositionId} onReview={review} />
            )}
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
          </section>
        </div>
      )}
    </div>
  );
}
