/** The four value levels of work, from doing the work to giving it direction. */
export const VALUE_LEVELS = ['IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'] as const;
export type ValueLevel = (typeof VALUE_LEVELS)[number];

export const VALUE_LEVEL_LABELS: Record<ValueLevel, string> = {
  IMPLEMENTATION: 'Implementation',
  UNIFICATION: 'Unification',
  COMMUNICATION: 'Communication',
  LEADERSHIP: 'Leadership',
};

export const VALUE_LEVEL_DESCRIPTIONS: Record<ValueLevel, string> = {
  IMPLEMENTATION: 'doing the work itself',
  UNIFICATION: 'coordinating people and work',
  COMMUNICATION: 'aligning, reporting and representing',
  LEADERSHIP: 'setting direction and strategy, building leaders',
};

/**
 * A responsibility the classifier could not place with enough confidence ("needs review"). It is
 * not a fifth value level: mixes and findings leave it out and count it, and HR settles it by
 * confirming a level.
 */
export const UNCLASSIFIED = 'UNCLASSIFIED';
export type Unclassified = typeof UNCLASSIFIED;
export const UNCLASSIFIED_LABEL = 'Needs review';

/** The level a responsibility carries: one of the four, or UNCLASSIFIED while it awaits review. */
export type ResponsibilityLevel = ValueLevel | Unclassified;
export const RESPONSIBILITY_LEVELS = [...VALUE_LEVELS, UNCLASSIFIED] as const;

export function isResponsibilityLevel(value: unknown): value is ResponsibilityLevel {
  return value === UNCLASSIFIED || isValueLevel(value);
}

/** Percent of time per value level; the four values add up to 100 when the role is fully described. */
export type ValueMix = Record<ValueLevel, number>;

export function emptyMix(): ValueMix {
  return { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
}

export function isValueLevel(value: unknown): value is ValueLevel {
  return typeof value === 'string' && (VALUE_LEVELS as readonly string[]).includes(value);
}

/** Rank 1 (implementation) to 4 (leadership); HR files often carry the level as this number. */
export function valueLevelRank(level: ValueLevel): number {
  return VALUE_LEVELS.indexOf(level) + 1;
}

/**
 * Reads a value level the way people write it in a spreadsheet: the name in any case,
 * a prefix such as "impl", or the rank 1-4. Returns undefined when it cannot tell.
 */
export function parseValueLevel(raw: string | number | null | undefined): ValueLevel | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw).trim().toUpperCase();
  if (text === '') return undefined;
  if (/^[1-4]$/.test(text)) return VALUE_LEVELS[Number(text) - 1];
  if (text.length < 3) return undefined;
  return VALUE_LEVELS.find((level) => level.startsWith(text) || text.startsWith(level));
}
