import { useQuery } from '@apollo/client/react';
import type { DottedLineFieldsFragment } from '../../../gql/graphql';
import { LeaderDottedLineReportsDocument } from '../graphql/review.graphql';

const NONE: DottedLineFieldsFragment[] = [];

/** The posts that answer to the leader on a dotted line, outside the team the review is about. */
export function useDottedLineReports(leaderId: string | null) {
  const { data, error } = useQuery(LeaderDottedLineReportsDocument, {
    variables: { positionId: leaderId ?? '' },
    skip: !leaderId,
  });
  return { reports: data?.position.dottedLineReports ?? NONE, error };
}
