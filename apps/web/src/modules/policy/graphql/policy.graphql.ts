import { graphql } from '../../../gql';

export const PolicyFieldsFragment = graphql(`
  fragment PolicyFields on Policy {
    expectedMix {
      tier
      mix {
        implementation
        unification
        communication
        leadership
      }
    }
    thresholds {
      promotionWindowMonths
      implementationExcessPoints
      carriedOverSharePct
      delegationMinSharePct
      managerImplementationExcessPoints
      pigeonholeMinRating
      pigeonholeMinYearsInRole
      pigeonholeMinImplementationPct
      spanMin
      spanMax
      maxLayers
    }
  }
`);

export const PolicyDocument = graphql(`
  query Policy($organizationId: ID!) {
    policy(organizationId: $organizationId) {
      ...PolicyFields
    }
  }
`);

export const UpdatePolicyDocument = graphql(`
  mutation UpdatePolicy($organizationId: ID!, $policy: PolicyInput!) {
    updatePolicy(organizationId: $organizationId, policy: $policy) {
      ...PolicyFields
    }
  }
`);

export const FindingCountsDocument = graphql(`
  query FindingCounts($snapshotId: ID!) {
    analysisSummary(snapshotId: $snapshotId) {
      findingCount
      byKind {
        kind
        count
      }
    }
  }
`);
