import { graphql } from '../../../gql';

export const LeaderFindingsDocument = graphql(`
  query LeaderFindings($snapshotId: ID!, $filter: FindingFilter, $first: Int!) {
    findings(snapshotId: $snapshotId, filter: $filter, first: $first) {
      totalCount
      nodes {
        ...FindingFields
      }
    }
  }
`);

export const ReviewFindingDocument = graphql(`
  mutation ReviewFinding($snapshotId: ID!, $key: String!, $status: ReviewStatus!, $note: String) {
    reviewFinding(snapshotId: $snapshotId, key: $key, status: $status, note: $note) {
      ...FindingFields
    }
  }
`);
