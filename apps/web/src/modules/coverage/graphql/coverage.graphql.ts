import { graphql } from '../../../gql';

export const CoverageSummaryDocument = graphql(`
  query CoverageSummary($snapshotId: ID!, $leaderPositionId: ID) {
    analysisSummary(snapshotId: $snapshotId, leaderPositionId: $leaderPositionId) {
      unclassifiedCount
      coverage {
        positions
        withData
        withoutData
        pct
      }
      coverageByDepartment {
        department
        positions
        withData
        withoutData
        pct
      }
      notChecked {
        count
        positions
        byKind {
          kind
          count
        }
        byReason {
          reason
          reasonText
          count
        }
      }
    }
  }
`);
