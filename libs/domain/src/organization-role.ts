/**
 * What an account may do in one organization. HR admins everything; leaders their own subtree;
 * employees their own role; viewers the chart without ratings, findings or pigeonholing flags.
 */
export const ORGANIZATION_ROLES = ['HR_ADMIN', 'LEADER', 'EMPLOYEE', 'VIEWER'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export function isOrganizationRole(value: unknown): value is OrganizationRole {
  return typeof value === 'string' && (ORGANIZATION_ROLES as readonly string[]).includes(value);
}

/** Roles that may read performance ratings, findings, review notes and pigeonholing flags. */
export const SENSITIVE_READERS: readonly OrganizationRole[] = ['HR_ADMIN', 'LEADER'];
