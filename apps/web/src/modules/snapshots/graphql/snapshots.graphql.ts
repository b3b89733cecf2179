import { graphql } from '../../../gql';

export const SnapshotDiffDocument = graphql(`
  query SnapshotDiff($fromSnapshotId: ID!, $toSnapshotId: ID!) {
    snapshotDiff(fromSnapshotId: $fromSnapshotId, toSnapshotId: $toSnapshotId) {
      previousSnapshotId
      previousAsOf
      nextSnapshotId
      nextAsOf
      joiners {
        employeeId
        name
        title
        tier
        department
      }
      leavers {
        employeeId
        name
        title
        tier
        department
      }
      moves {
        employeeId
        name
        fromDepartment
        toDepartment
        fromManager
        toManager
        fromManagerName
        toManagerName
        departmentChanged
        managerChanged
      }
      promotions {
        employeeId
        positionId
        name
        fromTitle
        toTitle
        fromTier
        toTier
        reason
      }
    }
  }
`);
