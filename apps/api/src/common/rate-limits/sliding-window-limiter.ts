import type { RateLimit } from '@rolemap/server-core';

export interface LimitCheck {
  allowed: boolean;
  /** When a refused request may be tried again. */
  retryAfterMs: number;
}

/** Keys remembered at most; past it the longest-idle keys are forgotten (many addresses at once). */
const MAX_KEYS = 50_000;

/**
 * Counts requests per key over the last `windowMs` (a sliding window: no burst of twice the limit
 * across a window's edge). Keeps one timestamp per counted request, so memory is bounded by
 * MAX_KEYS × limit; the limits it serves are small.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether every key may make one more request; counted against all of them only when so. */
  take(keys: readonly string[]): LimitCheck {
    const now = this.now();
    let retryAfterMs = 0;
    const windows = keys.map((key) => {
      const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.rule.windowMs);
      if (recent.length >= this.rule.limit) {
        retryAfterMs = Math.max(retryAfterMs, recent[recent.length - this.rule.limit] + this.rule.windowMs - now);
      }
      return { key, recent };
    });
    const allowed = retryAfterMs === 0;
    for (const { key, recent } of windows) {
      if (allowed) recent.push(now);
      // Re-inserted, so the Map's order is least recently used first.
      this.hits.delete(key);
      if (recent.length > 0) this.hits.set(key, recent);
    }
    while (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
    return { allowed, retryAfterMs };
  }
}
