import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { AnalysisSummaryDocument, OrgChartDocument } from '../graphql/overview.graphql';
import { toChartNodes } from '../utils/chart-nodes';

export function useOverviewData(snapshotId: string) {
  const summary = useQuery(AnalysisSummaryDocument, { variables: { snapshotId } });
  const chart = useQuery(OrgChartDocument, { variables: { snapshotId } });
  const apiNodes = chart.data?.orgChart;
  const nodes = useMemo(() => (apiNodes ? toChartNodes(apiNodes) : []), [apiNodes]);
  return { summary, chart, nodes };
}
