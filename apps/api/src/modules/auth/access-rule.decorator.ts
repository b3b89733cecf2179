import { SetMetadata } from '@nestjs/common';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@rolemap/domain';
import type { OrganizationReference } from '@rolemap/server-core';

export const ACCESS_RULE = 'rolemap:access-rule';

/**
 * Who may call an operation. `roles` are checked in the organization the arguments name
 * (`organizationFrom` maps argument names to what they identify); SIGNED_IN lets any account
 * through and leaves the filtering to the service; PUBLIC needs no credentials at all.
 */
export type AccessRule =
  | { kind: 'PUBLIC' }
  | { kind: 'SIGNED_IN' }
  | { kind: 'ROLES'; roles: readonly OrganizationRole[]; organizationFrom: Readonly<Record<string, OrganizationReference>> };

/** No credentials needed: signing in, health checks. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'PUBLIC' } satisfies AccessRule);

/** Any signed-in account; the service shows only the organizations it belongs to. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'SIGNED_IN' } satisfies AccessRule);

/**
 * Only callers holding one of `roles` in the organization named by the arguments, e.g.
 * `@RequireRole(['HR_ADMIN'], { organizationId: 'organization' })` or `{ snapshotId: 'snapshot' }`.
 */
export const RequireRole = (roles: readonly OrganizationRole[], organizationFrom: Record<string, OrganizationReference>) =>
  SetMetadata(ACCESS_RULE, { kind: 'ROLES', roles, organizationFrom } satisfies AccessRule);

export const EVERY_ROLE: readonly OrganizationRole[] = ORGANIZATION_ROLES;
/** HR admins and leaders: the people who work on findings (leaders within their own subtree). */
export const HR_AND_LEADERS: readonly OrganizationRole[] = ['HR_ADMIN', 'LEADER'];
export const HR_ONLY: readonly OrganizationRole[] = ['HR_ADMIN'];
