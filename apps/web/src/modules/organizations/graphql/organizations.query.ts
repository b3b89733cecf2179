import { gql, type TypedDocumentNode } from '@apollo/client';

export interface OrganizationSummary {
  id: string;
  name: string;
  latestSnapshot: { id: string; version: number; asOf: string; peopleCount: number; importedAt: string } | null;
}

export const ORGANIZATIONS_QUERY: TypedDocumentNode<{ organizations: OrganizationSummary[] }> = gql`
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
`;
