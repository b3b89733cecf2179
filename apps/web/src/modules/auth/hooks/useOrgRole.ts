import type { OrganizationRole } from '../../../gql/graphql';
import { useMe } from './useMe';

/** The signed-in account's role in the organization (the owner is an HR admin everywhere); null while unknown. */
export function useOrgRole(organizationId: string): OrganizationRole | null {
  const { me } = useMe();
  if (!me) return null;
  if (me.owner) return 'HR_ADMIN';
  return me.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}
