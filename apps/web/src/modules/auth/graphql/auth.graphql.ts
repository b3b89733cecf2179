import { graphql } from '../../../gql';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      displayName
      email
      owner
      memberships {
        organizationId
        organizationName
        role
        personExternalId
      }
    }
  }
`);

export const OwnPositionDocument = graphql(`
  query OwnPosition($snapshotId: ID!, $employeeId: String!) {
    person(snapshotId: $snapshotId, employeeId: $employeeId) {
      id
      position {
        id
      }
    }
  }
`);
