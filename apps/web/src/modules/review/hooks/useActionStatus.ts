import { useMutation } from '@apollo/client/react';
import type { ActionStatus } from '../../../gql/graphql';
import { SetActionStatusDocument } from '../graphql/review.graphql';

/** Moves an action on; the lists and the findings beside them show the change. */
export function useActionStatus() {
  const [mutate] = useMutation(SetActionStatusDocument, {
    refetchQueries: ['Actions', 'LeaderFindings', 'FindingHistory'],
    awaitRefetchQueries: true,
  });
  return (id: string, status: ActionStatus) => mutate({ variables: { id, status } });
}
