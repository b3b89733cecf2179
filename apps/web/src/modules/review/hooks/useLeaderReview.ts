import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import type { FindingKind, ReviewStatus } from '../../../gql/graphql';
import { OrgChartLeadersDocument } from '../../overview/graphql/overview.graphql';
import { useLazyChart } from '../../shared/hooks/useLazyChart';
import { LeaderFindingsDocument } from '../graphql/review.graphql';
import { type LeaderOption, toLeaderOptions } from '../utils/leaders';

type Filters = { status: ReviewStatus | null; kind: FindingKind | null };

/** Levels of the leader's team the review opens with (the leader and their reports). */
export const REVIEW_DEPTH = 1;
/** Leaders the picker lists for what is typed (the server matches; a large organization has thousands). */
const PICKER_PAGE = 50;

export function useLeaderReview(snapshotId: string, leaderId: string | null, filters: Filters) {
  const [leaderQuery, setLeaderQuery] = useState('');
  const leaderList = useQuery(OrgChartLeadersDocument, {
    variables: { snapshotId, query: leaderQuery, first: PICKER_PAGE },
    fetchPolicy: 'no-cache',
  });
  // The previous matches stay listed while the next ones are on their way.
  const apiLeaders = (leaderList.data ?? leaderList.previousData)?.orgChartLeaders;
  const leaders = useMemo(() => toLeaderOptions(apiLeaders ?? []), [apiLeaders]);
  const team = useLazyChart(snapshotId, REVIEW_DEPTH, leaderId, !leaderId);
  const subtree = team.nodes;
  const root = subtree[0];
  const selectedLeader: LeaderOption | null = useMemo(
    () =>
      root && root.id === leaderId
        ? {
            id: root.id,
            name: root.vacant ? `Vacant (${root.title})` : root.name,
            title: root.title,
            tier: root.tier,
            department: root.department ?? null,
          }
        : null,
    [root, leaderId],
  );

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
    leaders,
    selectedLeader,
    setLeaderQuery,
    team,
    subtree,
    teamSize,
    findings,
    flaggedIds,
    // A position that is not in this snapshot: the server says so instead of sending a team.
    leaderKnown: !leaderId || !team.top.error,
  };
}
