import { graphql } from '../../../gql';

export const ApiTokensDocument = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

export const CreateApiTokenDocument = graphql(`
  mutation CreateApiToken($name: String!, $days: Int) {
    createApiToken(name: $name, days: $days) {
      token
      apiToken {
        id
        name
        expiresAt
      }
    }
  }
`);

export const RevokeApiTokenDocument = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const MembersDocument = graphql(`
  query Members($organizationId: ID!) {
    members(organizationId: $organizationId) {
      accountId
      email
      displayName
      role
      personExternalId
      hasPassword
      singleSignOn
      disabled
    }
  }
`);

export const AddMemberDocument = graphql(`
  mutation AddMember(
    $organizationId: ID!
    $email: String!
    $displayName: String
    $role: OrganizationRole!
    $personExternalId: String
  ) {
    addMember(
      organizationId: $organizationId
      email: $email
      displayName: $displayName
      role: $role
      personExternalId: $personExternalId
    ) {
      accountId
    }
  }
`);

export const SetMemberRoleDocument = graphql(`
  mutation SetMemberRole($organizationId: ID!, $accountId: ID!, $role: OrganizationRole!, $personExternalId: String) {
    setMemberRole(organizationId: $organizationId, accountId: $accountId, role: $role, personExternalId: $personExternalId) {
      accountId
      role
      personExternalId
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($organizationId: ID!, $accountId: ID!) {
    removeMember(organizationId: $organizationId, accountId: $accountId)
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($organizationId: ID!, $filter: AuditLogFilterInput, $first: Int!, $offset: Int!) {
    auditLog(organizationId: $organizationId, filter: $filter, first: $first, offset: $offset) {
      totalCount
      entries {
        id
        at
        action
        actorName
        target
        details
        ip
      }
    }
  }
`);
