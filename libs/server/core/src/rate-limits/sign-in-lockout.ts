/**
 * Lock-out after repeated failed sign-ins, as pure functions over an account's two columns
 * (failed sign-in count, locked until), so the accounts service applies it inside its own
 * transaction. Per-IP and per-account request rates are limited separately, before the request
 * is read (the API's rate-limits middleware); this stops slow guessing of one account's password.
 */
export interface LockoutState {
  failedCount: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Failed sign-ins in a row before the account is locked. */
  maxFailures: number;
  /** The first lock; each further run of maxFailures doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000, maxLockMs: 24 * 3_600_000 };

export function afterFailedSignIn(state: LockoutState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LockoutState {
  const failedCount = state.failedCount + 1;
  if (failedCount < policy.maxFailures) return { failedCount, lockedUntil: state.lockedUntil };
  const doublings = Math.floor(failedCount / policy.maxFailures) - 1;
  const lockMs = Math.min(policy.maxLockMs, policy.lockMs * 2 ** doublings);
  return {
    failedCount,
    lockedUntil: failedCount % policy.maxFailures === 0 ? new Date(now.getTime() + lockMs) : state.lockedUntil,
  };
}

export function afterSuccessfulSignIn(): LockoutState {
  return { failedCount: 0, lockedUntil: null };
}

/** The message a locked account's sign-in gets (checked before the password), or null when it may try. */
export function lockoutRefusal(state: LockoutState, now: Date): string | null {
  if (!state.lockedUntil || state.lockedUntil <= now) return null;
  const minutes = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000);
  return (
    `This account is locked after ${state.failedCount} failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} ` +
    `(at ${state.lockedUntil.toISOString().slice(11, 16)} UTC), or ask an HR admin to unlock it.`
  );
}
