import { useLazyQuery } from '@apollo/client/react';
import { FindingHistoryDocument } from '../graphql/review.graphql';

/** A finding's decisions, actions and suggested plan, asked for only when someone opens them. */
export function useFindingHistory(snapshotId: string, key: string) {
  const [load, result] = useLazyQuery(FindingHistoryDocument, { fetchPolicy: 'network-only' });
  return { load: () => load({ variables: { snapshotId, key } }), ...result };
}
