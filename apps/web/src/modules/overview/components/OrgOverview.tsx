import { OrgChartLegend, OrgChartView } from '@rolemap/web-org-chart';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { findingKindLabel, formatNumber, plural } from '../../shared/utils/format';
import { useChartControls } from '../hooks/useChartControls';
import { useRevealInChart } from '../../shared/hooks/useRevealInChart';
import { useKindHighlight } from '../hooks/useKindHighlight';
import { useOverviewData } from '../hooks/useOverviewData';
import { usePositionParam } from '../hooks/usePositionParam';
import { exportFileStem } from '../utils/download';
import { ChartToolbar } from './ChartToolbar';
import { FindingKindCards } from './FindingKindCards';
import { LeaderLoadCard } from './LeaderLoadCard';
import { ReportDownloads } from '../../shared/components/ReportDownloads';
import { CoveragePanel } from '../../coverage/components/CoveragePanel';
import { PositionPanel } from './PositionPanel';
import { WorstSubtrees } from './WorstSubtrees';

type Props = {
  organizationId: string;
  snapshotId: string;
  organizationName: string;
  snapshotVersion: number | undefined;
  /** The snapshot the page's link names (null: the latest): the chart's first levels are asked for by it. */
  linkSnapshotId?: string | null;
  reviewLink: (positionId: string) => string;
};

const CHART_OPTIONS = { animationMs: 250 };
const NO_NODES: never[] = [];

export function OrgOverview({
  organizationId,
  snapshotId,
  organizationName,
  snapshotVersion,
  linkSnapshotId = null,
  reviewLink,
}: Props) {
  const { summary, chart, nodes } = useOverviewData(snapshotId, { organizationId, linkSnapshotId });
  const controls = useChartControls(exportFileStem(organizationName, snapshotVersion), chart);
  const highlight = useKindHighlight(snapshotId);
  const [selectedId, setSelectedId] = usePositionParam();
  const [loadError, setLoadError] = useState<string | null>(null);

  const { chartRef } = controls;
  useRevealInChart(chartRef, highlight.positionIds.length > 0 ? nodes : NO_NODES, highlight.positionIds, chart.reveal);
  // The panel narrows the chart, and new data (after an override) resets its view: keep the chosen card in view.
  // New data is the top levels again: fetch the way back to a card chosen deeper down.
  const { reveal } = chart;
  useEffect(() => {
    if (!selectedId) return undefined;
    let cancelled = false;
    const frame = requestAnimationFrame(() => {
      const view = chartRef.current?.chart();
      if (!view || view.getNode(selectedId)) {
        chartRef.current?.centerOn(selectedId);
        return;
      }
      void reveal([selectedId])
        .then((path) => {
          if (cancelled) return;
          view.addNodes(path).select(selectedId, { notify: false });
          view.centerOn(selectedId);
        })
        .catch(() => undefined);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [chartRef, selectedId, nodes, reveal]);

  const stats = summary.data?.analysisSummary;
  return (
    <div className="overview">
      <section aria-labelledby="summary-heading" className="overview__summary">
        <h2 id="summary-heading" className="section-title">
          Findings {stats && <span className="muted">· {plural(stats.findingCount, 'finding')} in total</span>}
        </h2>
        <div className="overview__downloads">
          <ReportDownloads organizationId={organizationId} snapshotId={snapshotId} kind="summary" label="Organization summary" />
          <ReportDownloads
            organizationId={organizationId}
            snapshotId={snapshotId}
            kind="role"
            scope={{ all: true }}
            label="All role definitions"
          />
        </div>
        {summary.loading && !stats && <LoadingState label="Loading the analysis…" />}
        {summary.error && (
          <ErrorState title="Could not load the analysis." error={summary.error} onRetry={() => void summary.refetch()} />
        )}
        {stats && (
          <>
            <FindingKindCards counts={stats.byKind} selectedKind={highlight.kind} onToggle={highlight.toggle} />
            <div className="overview__cards">
              <LeaderLoadCard
                leaderCount={stats.leaderCount}
                tacticalLoadPct={stats.leaderTacticalLoadPct}
                timeBelowLevelPct={stats.leaderTimeBelowLevelPct}
                positionCount={stats.positionCount}
                vacantCount={stats.vacantCount}
              />
              <WorstSubtrees subtrees={stats.worstSubtrees} reviewLink={reviewLink} />
              <CoveragePanel
                snapshotId={snapshotId}
                needsReviewHref={`/org/${organizationId}/needs-review?snapshot=${encodeURIComponent(snapshotId)}`}
              />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="chart-heading" className="overview__chart">
        <h2 id="chart-heading" className="section-title">
          Org chart
        </h2>
        <ChartToolbar
          search={controls.search}
          searchError={controls.searchError}
          onSearch={(query) => void controls.runSearch(query)}
          onFit={controls.fit}
          onExpandAll={() => void controls.expandAll()}
          onExportSvg={controls.exportSvg}
          onExportPng={() => void controls.exportPng()}
          exporting={controls.exporting}
          exportError={controls.exportError}
        />
        {stats && stats.coverage.withoutData > 0 && (
          <p className="small muted chart-coverage">
            {formatNumber(stats.coverage.withData)} of {plural(stats.coverage.positions, 'position')}{' '}
            {stats.coverage.withData === 1 ? 'has' : 'have'} responsibilities recorded; the other{' '}
            {formatNumber(stats.coverage.withoutData)} show as grey &ldquo;no data&rdquo; cards.
          </p>
        )}
        {highlight.kind && (
          <p className="notice" role="status">
            Highlighting {highlight.loading ? '…' : plural(highlight.positionIds.length, 'position')} with{' '}
            <strong>{findingKindLabel(highlight.kind)}</strong>.{' '}
            <button type="button" className="link-button" onClick={highlight.clear}>
              Clear
            </button>
          </p>
        )}
        {highlight.error && <ErrorState title="Could not load the positions for this kind." error={highlight.error} />}
        {chart.top.loading && nodes.length === 0 && <LoadingState label="Loading the org chart…" />}
        {chart.top.error && (
          <ErrorState title="Could not load the org chart." error={chart.top.error} onRetry={() => void chart.top.refetch()} />
        )}
        {loadError && (
          <p role="alert" className="toolbar__error">
            Could not open that team: {loadError}
          </p>
        )}
        {nodes.length > 0 && (
          <div className={selectedId ? 'chart-layout chart-layout--with-panel' : 'chart-layout'}>
            <div className="chart-frame">
              <OrgChartView
                ref={controls.chartRef}
                nodes={nodes}
                loadChildren={chart.loadChildren}
                onLoadError={(_id, error) => setLoadError(error instanceof Error ? error.message : String(error))}
                selectedId={selectedId}
                onSelect={(node) => setSelectedId(node?.id ?? null)}
                highlightedIds={controls.search ? controls.search.matches.map((match) => match.id) : highlight.positionIds}
                options={CHART_OPTIONS}
                height={620}
              />
            </div>
            {selectedId && (
              <PositionPanel
                organizationId={organizationId}
                snapshotId={snapshotId}
                positionId={selectedId}
                reviewLink={reviewLink}
                onClose={() => setSelectedId(null)}
                onOpenPosition={setSelectedId}
              />
            )}
          </div>
        )}
        {chart.top.data && nodes.length === 0 && <p className="muted">This snapshot has no positions.</p>}
        <details className="legend" open>
          <summary>How to read the chart</summary>
          <OrgChartLegend />
        </details>
      </section>
    </div>
  );
}
