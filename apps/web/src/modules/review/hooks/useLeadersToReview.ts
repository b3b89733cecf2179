import { useQuery } from '@apollo/client/react';
import { LeadersToReviewDocument } from '../graphql/review.graphql';

/** Leaders the landing list shows. */
export const LEADERS_TO_REVIEW = 50;

export function useLeadersToReview(snapshotId: string, skip: boolean) {
  return useQuery(LeadersToReviewDocument, {
    variables: { snapshotId, first: LEADERS_TO_REVIEW },
    skip,
    fetchPolicy: 'cache-and-network',
  });
}
