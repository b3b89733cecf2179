import { type Tier, type ValueLevel, VALUE_LEVEL_LABELS } from '@rolemap/domain';
import type { LevelToTakeOn, MixLine } from './report-types';

/** A level counts as under-covered when the role spends at least this many points less on it than its tier expects. */
export const TAKE_ON_MIN_SHORTFALL_POINTS = 10;

/** Concrete work per level, as a job description would list it. */
export const WORK_AT_LEVEL: Record<ValueLevel, string> = {
  IMPLEMENTATION: 'hands-on delivery: building, fixing and producing the work itself',
  UNIFICATION: 'coordination: planning the team’s work, running its cadence, resolving dependencies',
  COMMUNICATION: 'alignment: reporting upward, aligning peers and stakeholders, representing the team',
  LEADERSHIP: 'direction, strategy, developing leaders',
};

const TIER_NOUNS: Record<Tier, string> = {
  IC: 'an individual contributor',
  MANAGER: 'a manager',
  DIRECTOR: 'a director',
  EXECUTIVE: 'an executive',
};

/**
 * Levels where the role does clearly less than its tier calls for, with wording a job
 * description can take over. Amounts are rounded to 5 points: the shares people give are
 * estimates, and "about 20%" is what a leader can act on. Roles without any described work
 * get nothing here: every level would look short, which says nothing about the role.
 */
export function levelsToTakeOn(mix: readonly MixLine[], tier: Tier, allocatedPct: number): LevelToTakeOn[] {
  if (allocatedPct <= 0) return [];
  return mix
    .filter((line) => line.expectedPct - line.actualPct >= TAKE_ON_MIN_SHORTFALL_POINTS)
    .map((line) => {
      const shortfallPoints = Math.round((line.expectedPct - line.actualPct) * 100) / 100;
      const about = Math.max(TAKE_ON_MIN_SHORTFALL_POINTS, Math.round(shortfallPoints / 5) * 5);
      const label = VALUE_LEVEL_LABELS[line.level];
      return {
        level: line.level,
        label,
        actualPct: line.actualPct,
        expectedPct: line.expectedPct,
        shortfallPoints,
        advice:
          `Take on about ${about}% more ${label.toLowerCase()} work: ${WORK_AT_LEVEL[line.level]} ` +
          `(now ${formatPct(line.actualPct)} of the time; ${formatPct(line.expectedPct)} is expected of ${TIER_NOUNS[tier]}).`,
      };
    });
}

/** 45 → "45%", 12.5 → "12.5%". */
export function formatPct(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}%`;
}
