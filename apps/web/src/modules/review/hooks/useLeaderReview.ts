import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { FindingKind, ReviewStatus } from '../../../gql/graphql';
import { OrgChartLeadersDocument } from '../../overview/graphql/overview.graphql';
import { useLazyChart } from '../../shared/hooks/useLazyChart';
import { LeaderFindingsDocument } from '../graphql/review.graphql';
import { sortLeaders } from '../utils/leaders';

type Filters = { status: ReviewStatus | null; kind: FindingKind | null };

/** Levels of the leader's team the review opens with (the leader and their reports). */
export const REVIEW_DEPTH = 1;

export function useLeaderReview(snapshotId: string, leaderId: string | null, filters: Filters) {
  const leaderList = useQuery(OrgChartLeadersDocument, { variables: { snapshotId }, fetchPolicy: 'no-cache' });
  const apiLeaders = leaderList.data?.orgChartLeaders;
  const leaders = useMemo(() => sortLeaders(apiLeaders ?? []), [apiLeaders]);
  const leaderInList = !!leaderId && leaders.some((leader) => leader.id === leaderId);
  // The team of a position that is not a leader of this snapshot is never asked for.
  const team = useLazyChart(snapshotId, REVIEW_DEPTH, leaderId, !leaderInList);
  const subtree = team.nodes;

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
  const teamSize = subtree.length > 0 ? (subtree[0].descendantCount ?? 0) + 1 : 0;

  return {
    leaderList,
    team,
    leaders,
    subtree,
    teamSize,
    findings,
    flaggedIds,
    leaderKnown: !leaderId || !leaderList.data || leaderInList,
  };
}
