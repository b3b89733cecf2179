import { useQuery } from '@apollo/client/react';
import { useLazyChart } from '../../shared/hooks/useLazyChart';
import { AnalysisSummaryDocument } from '../graphql/overview.graphql';

/** Levels of the chart the overview opens with. */
export const OVERVIEW_DEPTH = 2;

export function useOverviewData(snapshotId: string) {
  const summary = useQuery(AnalysisSummaryDocument, { variables: { snapshotId } });
  const chart = useLazyChart(snapshotId, OVERVIEW_DEPTH);
  return { summary, chart, nodes: chart.nodes };
}
