/**
 * After this many wrong passwords in a row an account is locked for a while: long enough to make
 * guessing hopeless, short enough that its owner waits rather than calls for help.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** When the account locks after its `failedSignIns`-th wrong password in a row, or null while it may try again. */
export function lockedUntilAfter(failedSignIns: number, now: Date): Date | null {
  return failedSignIns >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : null;
}

export function lockoutMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many wrong passwords: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${lockedUntil.toISOString()}). Ask an HR admin for a sign-in link if you cannot wait.`;
}
