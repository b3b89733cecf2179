import type { OrganizationRole } from '@rolemap/domain';
import type { Caller } from '../common/caller';
import type { RequestOrigin } from './accounts.service';

/**
 * Told about every sign-in, every refused one and every role change (the audit log listens here).
 * Provide it under SIGN_IN_OBSERVER; without one, sign-in works the same and nothing is recorded.
 */
export interface SignInObserver {
  signedIn(caller: Caller, method: SignInMethod, origin: RequestOrigin, details?: Record<string, unknown>): Promise<void> | void;
  signInRefused(
    email: string | null,
    reason: SignInRefusal,
    origin: RequestOrigin,
    /** Why, in words, when the reason alone does not say (a refused single sign-on). */
    detail?: string,
  ): Promise<void> | void;
  roleChanged(
    caller: Caller,
    email: string,
    organizationId: string,
    role: OrganizationRole,
    personExternalId: string | null,
  ): Promise<void> | void;
  /** "Sign out everywhere": the account ended its sessions. */
  sessionsRevoked?(caller: Caller, count: number): Promise<void> | void;
}

export type SignInMethod = 'password' | 'link' | 'sso';
export type SignInRefusal = 'wrong-credentials' | 'locked' | 'link-refused' | 'sso-refused';

export const SIGN_IN_OBSERVER = Symbol('SIGN_IN_OBSERVER');
