import { graphql } from '../../../gql';

export const OrganizationsDocument = graphql(`
  query Organizations {
    organizations {
      id
      name
      latestSnapshot {
        id
        version
        asOf
        peopleCount
        importedAt
      }
    }
  }
`);

export const OrganizationSnapshotsDocument = graphql(`
  query OrganizationSnapshots($id: ID!) {
    organization(id: $id) {
      id
      name
      latestSnapshot {
        id
      }
      snapshots {
        id
        version
        asOf
        importedAt
        label
        sourceFileName
        peopleCount
        positionCount
        responsibilityCount
      }
    }
  }
`);
