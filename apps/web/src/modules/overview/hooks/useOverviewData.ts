import { useQuery } from '@apollo/client/react';
import { type ChartTopFromLink, useLazyChart } from '../../shared/hooks/useLazyChart';
import { AnalysisSummaryDocument } from '../graphql/overview.graphql';
import { OVERVIEW_DEPTH } from '../utils/overview-depth';

/** `fromLink`: the chart's first levels are asked for as the link names them, so they can be prefetched. */
export function useOverviewData(snapshotId: string, fromLink?: ChartTopFromLink) {
  const summary = useQuery(AnalysisSummaryDocument, { variables: { snapshotId } });
  const chart = useLazyChart(snapshotId, OVERVIEW_DEPTH, null, false, fromLink);
  return { summary, chart, nodes: chart.nodes };
}
