import { graphql } from '../../../gql';

export const ClassificationQueueDocument = graphql(`
  query ClassificationQueue($snapshotId: ID!, $first: Int!, $offset: Int!) {
    classificationQueue(snapshotId: $snapshotId, first: $first, offset: $offset) {
      snapshotId
      responsibilityCount
      unclassifiedCount
      lowConfidenceCount
      groupCount
      groups {
        key
        text
        description
        count
        vacantCount
        totalSharePct
        level
        suggestedLevel
        confidence
        runnerUp
        runnerUpConfidence
        decidingWords
        reason
        reasonText
        samplePositions {
          positionId
          employeeId
          name
          title
          department
          sharePct
        }
      }
    }
  }
`);

export const ConfirmValueLevelsDocument = graphql(`
  mutation ConfirmValueLevels($snapshotId: ID!, $confirmations: [ValueLevelConfirmationInput!]!) {
    confirmValueLevels(snapshotId: $snapshotId, confirmations: $confirmations) {
      confirmed
      overrides
      remaining
    }
  }
`);
