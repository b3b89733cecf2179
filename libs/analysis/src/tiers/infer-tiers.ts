import { type Tier, type TierSource, defaultTierForGrade, gradeKey, tierRank } from '@rolemap/domain';
import { inferTierFromTitle, type TitleTierMatch } from './infer-tier-from-title';

export interface TierInput {
  id: string;
  /** Overrides may be keyed by this (the employee id) as well as by the position id. */
  externalId?: string;
  title: string;
  /** Grade or job level as imported; read before the title when it maps to a tier. */
  grade?: string | null;
  reportsToId: string | null;
}

/** HR's grade → tier table of an organization, keyed by gradeKey(grade). */
export type GradeTiers = ReadonlyMap<string, Tier>;

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
 * Tier of every position: the grade first (HR's table for the organization, else a scheme
 * rolemap knows such as SCS1-4 or job levels 1-5), then the title, then the structure (anyone
 * with direct reports manages people, whatever grade or title say, so they are at least
 * MANAGER), and HR's override of the position always wins. `source` and `reason` say which
 * decided. Titles and grades repeat a lot, so each distinct one is read once.
 */
export function inferTiers(
  positions: readonly TierInput[],
  overrides?: ReadonlyMap<string, Tier>,
  gradeTiers?: GradeTiers,
): Map<string, TierInference> {
  const directReports = new Map<string, number>();
  for (const position of positions) {
    if (position.reportsToId !== null && position.reportsToId !== position.id) {
      directReports.set(position.reportsToId, (directReports.get(position.reportsToId) ?? 0) + 1);
    }
  }

  const titleCache = new Map<string, TitleReading>();
  const gradeCache = new Map<string, GradeTierReading | null>();
  const result = new Map<string, TierInference>();
  for (const position of positions) {
    let reading = titleCache.get(position.title);
    if (reading === undefined) {
      reading = readTitle(position.title);
      titleCache.set(position.title, reading);
    }
    let grade: GradeTierReading | null = null;
    if (position.grade) {
      const cached = gradeCache.get(position.grade);
      grade = cached !== undefined ? cached : readGrade(position.grade, gradeTiers);
      gradeCache.set(position.grade, grade);
    }
    const reports = directReports.get(position.id) ?? 0;
    result.set(position.id, tierFor(position, reading, grade, reports, overrides));
  }
  return result;
}

interface GradeTierReading {
  tier: Tier;
  reason: string;
}

function readGrade(grade: string, gradeTiers: GradeTiers | undefined): GradeTierReading | null {
  const mapped = gradeTiers?.get(gradeKey(grade));
  if (mapped) return { tier: mapped, reason: `grade "${grade}", mapped by HR` };
  const known = defaultTierForGrade(grade);
  return known ? { tier: known.tier, reason: `grade "${grade}" (${known.scheme})` } : null;
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
  grade: GradeTierReading | null,
  directReports: number,
  overrides: ReadonlyMap<string, Tier> | undefined,
): TierInference {
  const override =
    overrides?.get(position.id) ?? (position.externalId !== undefined ? overrides?.get(position.externalId) : undefined);
  if (override !== undefined) {
    return { tier: override, source: 'OVERRIDE', titleMatch, directReports, reason: 'set by HR' };
  }
  const titleTier: Tier = grade?.tier ?? titleMatch?.tier ?? 'IC';
  if (directReports > 0 && tierRank(titleTier) < tierRank('MANAGER')) {
    return {
      tier: 'MANAGER',
      source: 'STRUCTURE',
      titleMatch,
      directReports,
      reason: `has ${directReports} direct report${directReports === 1 ? '' : 's'}`,
    };
  }
  if (grade) return { tier: grade.tier, source: 'GRADE', titleMatch, directReports, reason: grade.reason };
  return {
    tier: titleTier,
    source: 'TITLE',
    titleMatch,
    directReports,
    reason: titleReason,
  };
}
