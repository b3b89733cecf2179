import type { OrganizationRole } from '@rolemap/domain';
import type { Caller } from '../common/caller';
import type { RequestOrigin } from './accounts.service';

/**
 * Told about every sign-in, every refused one and every role change (the audit log listens here).
 * Provide it under SIGN_IN_OBSERVER; without one, sign-in works the same and nothing is recorded.
 */
export interface SignInObserver {
  signedIn(caller: Caller, method: 'password' | 'link', origin: RequestOrigin): Promise<void> | void;
  signInRefused(
    email: string | null,
    reason: 'wrong-credentials' | 'locked' | 'link-refused',
    origin: RequestOrigin,
  ): Promise<void> | void;
  roleChanged(
    caller: Caller,
    email: string,
    organizationId: string,
    role: OrganizationRole,
    personExternalId: string | null,
  ): Promise<void> | void;
}

export const SIGN_IN_OBSERVER = Symbol('SIGN_IN_OBSERVER');
