import { DomainError, type OrganizationRole } from '@rolemap/domain';

/** An account's role in one organization and, when known, who they are in its chart. */
export interface Membership {
  organizationId: string;
  role: OrganizationRole;
  /** The HRIS employee id of the account's person: a leader's subtree root, an employee's own role. */
  personExternalId: string | null;
}

/**
 * Who is asking. Every service method that reads or changes an organization takes the caller,
 * so access control lives in one place. The API's guard builds it per request from a session
 * cookie or an API token; the CLI on a local database is the local operator (the owner).
 */
export interface Caller {
  /** Account id; null for the local operator. */
  id: string | null;
  displayName: string;
  /**
   * The tenant the account belongs to, in which all its requests run (row-level security). The
   * local operator has none of its own: the CLI acts in ROLEMAP_TENANT (default: the default tenant).
   */
  tenantId?: string;
  /** 'ALL' for the owner and the local operator, who are HR admins of every organization of their tenant. */
  organizationIds: 'ALL' | readonly string[];
  memberships: readonly Membership[];
  /** How the caller proved who they are. */
  via: 'local' | 'session' | 'api-token';
  /** The request's address and user agent, when there is a request (for the audit log). */
  ip?: string | null;
  userAgent?: string | null;
}

export const LOCAL_OPERATOR: Caller = Object.freeze({
  id: null,
  displayName: 'local operator',
  organizationIds: 'ALL',
  memberships: Object.freeze([]),
  via: 'local',
});

export function canAccess(caller: Caller, organizationId: string): boolean {
  return caller.organizationIds === 'ALL' || caller.organizationIds.includes(organizationId);
}

/** The caller's role in the organization; the owner and the local operator are HR admins everywhere. */
export function roleIn(caller: Caller, organizationId: string): OrganizationRole | null {
  if (caller.organizationIds === 'ALL') return 'HR_ADMIN';
  return caller.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}

export function membershipIn(caller: Caller, organizationId: string): Membership | null {
  return caller.memberships.find((membership) => membership.organizationId === organizationId) ?? null;
}

/** The owner or the local operator: may add organizations and accounts. */
export function isOwner(caller: Caller): boolean {
  return caller.organizationIds === 'ALL';
}

export class ForbiddenOrganizationError extends DomainError {
  constructor(organizationId: string) {
    super('FORBIDDEN', `You do not have access to organization ${organizationId}`);
  }
}

export function assertCanAccess(caller: Caller, organizationId: string): void {
  if (!canAccess(caller, organizationId)) throw new ForbiddenOrganizationError(organizationId);
}

/** Refuses unless the caller holds one of `roles` in the organization. */
export function assertRole(caller: Caller, organizationId: string, roles: readonly OrganizationRole[]): OrganizationRole {
  const role = roleIn(caller, organizationId);
  if (!role) throw new ForbiddenOrganizationError(organizationId);
  if (!roles.includes(role)) {
    throw new DomainError('FORBIDDEN', `This needs the role ${roles.join(' or ')} in the organization; you are ${role}`);
  }
  return role;
}
