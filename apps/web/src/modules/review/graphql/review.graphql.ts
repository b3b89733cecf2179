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
      }
    }
  }
`);

/**
 * The delegation gaps' chains, asked apart from the findings list: hand-offs are a list per
 * finding, and with them a 1,000-finding page would pass the request's cost budget.
 */
export const LeaderDelegationChainsDocument = graphql(`
  query LeaderDelegationChains($snapshotId: ID!, $leaderPositionId: ID!, $first: Int!) {
    findings(snapshotId: $snapshotId, filter: { leaderPositionId: $leaderPositionId, kinds: [DELEGATION_GAP] }, first: $first) {
      nodes {
        key
        positionId
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
