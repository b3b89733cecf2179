import { useMe } from '../../auth/hooks/useMe';

/** Whether the signed-in account is an HR admin of the organization (the owner is one everywhere). */
export function useIsHrAdmin(organizationId: string): boolean {
  const { me } = useMe();
  if (!me) return false;
  return me.owner || me.memberships.some((m) => m.organizationId === organizationId && m.role === 'HR_ADMIN');
}
