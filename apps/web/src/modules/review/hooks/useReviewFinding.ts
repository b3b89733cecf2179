import { useMutation } from '@apollo/client/react';
import type { ActionPlanInput, ReviewStatus } from '../../../gql/graphql';
import { ReviewFindingDocument } from '../graphql/review.graphql';

export function useReviewFinding(snapshotId: string) {
  const [mutate, { loading, error }] = useMutation(ReviewFindingDocument, {
    // Lists filtered by status, the counts, the landing list and the actions must move the finding too.
    refetchQueries: ['LeaderFindings', 'AnalysisSummary', 'LeadersToReview', 'Actions'],
    awaitRefetchQueries: true,
  });
  const review = (key: string, status: ReviewStatus, note: string, action?: ActionPlanInput) =>
    mutate({ variables: { snapshotId, key, status, note: note.trim() || null, action: action ?? null } });
  return { review, loading, error };
}
