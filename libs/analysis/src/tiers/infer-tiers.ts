import { type Tier, type TierSource, tierRank } from '@rolemap/domain';
import { inferTierFromTitle, type TitleTierMatch } from './infer-tier-from-title';

export interface TierInput {
  id: string;
  /** Overrides may be keyed by this (the employee id) as well as by the position id. */
  externalId?: string;
  title: string;
  reportsToId: string | null;
}

export interface TierInference {
  tier: Tier;
  source: TierSource;
  /** What the title matched, or null when the title said nothing (plain IC title). */
  titleMatch: TitleTierMatch | null;
  directReports: number;
  /** One line for HR: why this tier. */
  reason: string;
}

/**
 * Tier of every position: the title first, then the structure (anyone with direct reports
 * manages people, whatever the title says, so they are at least MANAGER), then HR's
 * override, which always wins. Titles repeat a lot, so each distinct title is read once.
 */
export function inferTiers(positions: readonly TierInput[], overrides?: ReadonlyMap<string, Tier>): Map<string, TierInference> {
  const directReports = new Map<string, number>();
  for (const position of positions) {
    if (position.reportsToId !== null && position.reportsToId !== position.id) {
      directReports.set(position.reportsToId, (directReports.get(position.reportsToId) ?? 0) + 1);
    }
  }

  const titleCache = new Map<string, TitleReading>();
  const result = new Map<string, TierInference>();
  for (const position of positions) {
    let reading = titleCache.get(position.title);
    if (reading === undefined) {
      reading = readTitle(position.title);
      titleCache.set(position.title, reading);
    }
    const reports = directReports.get(position.id) ?? 0;
    result.set(position.id, tierFor(position, reading, reports, overrides));
  }
  return result;
}

interface TitleReading {
  match: TitleTierMatch | null;
  reason: string;
}

function readTitle(title: string): TitleReading {
  const match = inferTierFromTitle(title);
  return { match, reason: match ? `title says "${match.matched}": ${match.why}` : 'no leadership word in the title' };
}

function tierFor(
  position: TierInput,
  { match: titleMatch, reason: titleReason }: TitleReading,
  directReports: number,
  overrides: ReadonlyMap<string, Tier> | undefined,
): TierInference {
  const override =
    overrides?.get(position.id) ?? (position.externalId !== undefined ? overrides?.get(position.externalId) : undefined);
  if (override !== undefined) {
    return { tier: override, source: 'OVERRIDE', titleMatch, directReports, reason: 'set by HR' };
  }
  const titleTier: Tier = titleMatch?.tier ?? 'IC';
  if (directReports > 0 && tierRank(titleTier) < tierRank('MANAGER')) {
    return {
      tier: 'MANAGER',
      source: 'STRUCTURE',
      titleMatch,
      directReports,
      reason: `has ${directReports} direct report${directReports === 1 ? '' : 's'}`,
    };
  }
  return {
    tier: titleTier,
    source: 'TITLE',
    titleMatch,
    directReports,
    reason: titleReason,
  };
}
