import { useQuery } from '@apollo/client/react';
import type { ActionStatus } from '../../../gql/graphql';
import { ActionsDocument } from '../graphql/review.graphql';

/** Actions listed at once; past this the list says how many more there are. */
export const ACTIONS_PAGE_SIZE = 500;

/** A leader's team's actions (or everyone's for HR), overdue first. */
export function useActions(
  snapshotId: string,
  leaderPositionId: string | null,
  statuses: ActionStatus[] | null,
  overdueOnly = false,
) {
  return useQuery(ActionsDocument, {
    variables: { snapshotId, leaderPositionId, statuses, overdueOnly, first: ACTIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
}
