import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { FindingKind, ReviewStatus } from '../../../gql/graphql';
import { OrgChartDocument } from '../../overview/graphql/overview.graphql';
import { subtreeOf, toChartNodes } from '../../overview/utils/chart-nodes';
import { LeaderFindingsDocument } from '../graphql/review.graphql';
import { leadersOf } from '../utils/leaders';

type Filters = { status: ReviewStatus | null; kind: FindingKind | null };

export function useLeaderReview(snapshotId: string, leaderId: string | null, filters: Filters) {
  const chart = useQuery(OrgChartDocument, { variables: { snapshotId } });
  const apiNodes = chart.data?.orgChart;
  const allNodes = useMemo(() => (apiNodes ? toChartNodes(apiNodes) : []), [apiNodes]);
  const leaders = useMemo(() => leadersOf(allNodes), [allNodes]);
  const subtree = useMemo(() => (leaderId ? subtreeOf(allNodes, leaderId) : []), [allNodes, leaderId]);

  const findings = useQuery(LeaderFindingsDocument, {
    variables: {
      snapshotId,
      first: 1000,
      filter: {
        leaderPositionId: leaderId,
        statuses: filters.status ? [filters.status] : null,
        kinds: filters.kind ? [filters.kind] : null,
      },
    },
    skip: !leaderId,
  });
  const nodes = findings.data?.findings.nodes;
  const flaggedIds = useMemo(() => [...new Set((nodes ?? []).map((finding) => finding.positionId))], [nodes]);

  return { chart, leaders, subtree, findings, flaggedIds, leaderKnown: !leaderId || subtree.length > 0 };
}
