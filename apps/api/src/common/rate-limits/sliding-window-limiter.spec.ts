import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  let now = 0;
  const limiter = () => new SlidingWindowLimiter({ limit: 3, windowMs: 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows the limit within the window, then says when the oldest request leaves it', () => {
    const counter = limiter();
    for (let i = 0; i < 3; i++) {
      expect(counter.take(['ip:a']).allowed).toBe(true);
      now += 10_000;
    }
    expect(counter.take(['ip:a'])).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_000;
    expect(counter.take(['ip:a']).allowed).toBe(true);
  });

  it('slides: no burst of twice the limit across a window edge', () => {
    const counter = limiter();
    now += 59_000;
    for (let i = 0; i < 3; i++) expect(counter.take(['ip:a']).allowed).toBe(true);
    now += 2_000;
    expect(counter.take(['ip:a']).allowed).toBe(false);
  });

  it('counts each address apart, and an account across addresses', () => {
    const counter = limiter();
    for (let i = 0; i < 3; i++) expect(counter.take([`ip:${i}`, 'account:x']).allowed).toBe(true);
    expect(counter.take(['ip:other', 'account:x']).allowed).toBe(false);
    expect(counter.take(['ip:other']).allowed).toBe(true);
  });

  it('does not count refused requests', () => {
    const counter = limiter();
    for (let i = 0; i < 3; i++) counter.take(['ip:a']);
    for (let i = 0; i < 10; i++) expect(counter.take(['ip:a']).allowed).toBe(false);
    now += 60_001;
    expect(counter.take(['ip:a']).allowed).toBe(true);
  });
});
