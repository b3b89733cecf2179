import { DomainError } from '@rolemap/domain';

/**
 * Who is asking. Every service method that reads or changes an organization takes the caller,
 * so access control can be added in one place (`canAccess`) without touching resolvers.
 * Until sign-in exists every caller is the local operator with access to all organizations.
 */
export interface Caller {
  id: string | null;
  displayName: string;
  organizationIds: 'ALL' | readonly string[];
}

export const LOCAL_OPERATOR: Caller = Object.freeze({ id: null, displayName: 'local operator', organizationIds: 'ALL' });

export function canAccess(caller: Caller, organizationId: string): boolean {
  return caller.organizationIds === 'ALL' || caller.organizationIds.includes(organizationId);
}

export class ForbiddenOrganizationError extends DomainError {
  constructor(organizationId: string) {
    super('FORBIDDEN', `You do not have access to organization ${organizationId}`);
  }
}

export function assertCanAccess(caller: Caller, organizationId: string): void {
  if (!canAccess(caller, organizationId)) throw new ForbiddenOrganizationError(organizationId);
}
