import { useMutation } from '@apollo/client/react';
import type { ReviewStatus } from '../../../gql/graphql';
import { ReviewFindingDocument } from '../graphql/review.graphql';

export function useReviewFinding(snapshotId: string) {
  const [mutate, { loading, error }] = useMutation(ReviewFindingDocument, {
    // Lists filtered by status and the counts must move the finding too.
    refetchQueries: ['LeaderFindings', 'AnalysisSummary'],
    awaitRefetchQueries: true,
  });
  const review = (key: string, status: ReviewStatus, note: string) =>
    mutate({ variables: { snapshotId, key, status, note: note.trim() || null } });
  return { review, loading, error };
}
