/** Position tiers, lowest first. A position's tier sets the value-level mix expected of it. */
export const TIERS = ['IC', 'MANAGER', 'DIRECTOR', 'EXECUTIVE'] as const;
export type Tier = (typeof TIERS)[number];

/** Where a position's tier came from, so HR can see why and override it. */
export const TIER_SOURCES = ['TITLE', 'STRUCTURE', 'OVERRIDE', 'GRADE'] as const;
export type TierSource = (typeof TIER_SOURCES)[number];

export const TIER_LABELS: Record<Tier, string> = {
  IC: 'Individual contributor',
  MANAGER: 'Manager',
  DIRECTOR: 'Director',
  EXECUTIVE: 'Executive',
};

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export function higherTier(a: Tier, b: Tier): Tier {
  return tierRank(a) >= tierRank(b) ? a : b;
}
