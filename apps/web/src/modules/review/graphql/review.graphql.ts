import { graphql } from '../../../gql';

/** How a delegation gap can be closed: best fit, the knock-on hand-offs, what to do next. */
export const DelegationChainFieldsFragment = graphql(`
  fragment DelegationChainFields on Finding {
    outcome
    bestFitEmployeeId
    bestFitPositionId
    bestFitName
    nextStep
    handOffs {
      fromName
      fromEmployeeId
      responsibility
      sharePct
      toName
      toEmployeeId
    }
  }
`);

export const LeaderFindingsDocument = graphql(`
  query LeaderFindings($snapshotId: ID!, $filter: FindingFilter, $first: Int!) {
    findings(snapshotId: $snapshotId, filter: $filter, first: $first) {
      totalCount
      nodes {
        ...FindingFields
        ...DelegationChainFields
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
