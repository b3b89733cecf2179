import { DEFAULT_LOCKOUT, afterFailedSignIn, afterSuccessfulSignIn, lockoutRefusal } from './sign-in-lockout';

describe('sign-in lock-out', () => {
  const now = new Date('2026-12-02T08:00:00Z');
  const failTimes = (count: number) => {
    let state = afterSuccessfulSignIn();
    for (let i = 0; i < count; i++) state = afterFailedSignIn(state, now);
    return state;
  };

  it('lets four failures through and locks on the fifth for 15 minutes, with a clear message', () => {
    expect(lockoutRefusal(failTimes(4), now)).toBeNull();
    const locked = failTimes(5);
    expect(locked.lockedUntil).toEqual(new Date('2026-12-02T08:15:00Z'));
    expect(lockoutRefusal(locked, now)).toBe(
      'This account is locked after 5 failed sign-ins. Try again in 15 minutes (at 08:15 UTC), or ask an HR admin to unlock it.',
    );
    expect(lockoutRefusal(locked, new Date('2026-12-02T08:15:00Z'))).toBeNull();
  });

  it('doubles the lock for every further five failures, up to a day', () => {
    expect(failTimes(10).lockedUntil).toEqual(new Date('2026-12-02T08:30:00Z'));
    expect(failTimes(15).lockedUntil).toEqual(new Date('2026-12-02T09:00:00Z'));
    expect(failTimes(100).lockedUntil!.getTime() - now.getTime()).toBe(DEFAULT_LOCKOUT.maxLockMs);
  });

  it('clears on a successful sign-in', () => {
    expect(afterSuccessfulSignIn()).toEqual({ failedCount: 0, lockedUntil: null });
  });
});
