import type { Tier } from './tier';

/** A grade scheme rolemap knows, so common grades have a tier before HR maps anything. */
export interface GradeReading {
  tier: Tier;
  /** The scheme the grade belongs to, shown to HR ("UK Senior Civil Service"). */
  scheme: string;
}

/** Grade values are compared like this: "SCS 1", "scs1" and "SCS-1" are one grade. */
export function gradeKey(grade: string): string {
  return grade
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
}

const NUMBERED: readonly { pattern: RegExp; scheme: string; tierOf: (n: number) => Tier | null }[] = [
  // UK Senior Civil Service: SCS1 deputy director, SCS2 director, SCS3 director general, SCS4 permanent secretary.
  {
    pattern: /^scs(?:pb)?([1-4])a?$/,
    scheme: 'UK Senior Civil Service',
    tierOf: (n) => (n >= 3 ? 'EXECUTIVE' : 'DIRECTOR'),
  },
  // NATO officer ranks, as UK defence organograms give military posts: OF-6 ≈ SCS1 … OF-9 ≈ SCS4.
  {
    pattern: /^of([1-9]|10)$/,
    scheme: 'NATO officer rank',
    tierOf: (n) => (n >= 8 ? 'EXECUTIVE' : n >= 6 ? 'DIRECTOR' : n >= 3 ? 'MANAGER' : 'IC'),
  },
  // Radford-style career levels: P professional, S support, M management, E executive.
  { pattern: /^[ps]([1-9])$/, scheme: 'Radford professional/support level', tierOf: () => 'IC' },
  { pattern: /^ic([1-9])$/, scheme: 'individual contributor level', tierOf: () => 'IC' },
  {
    pattern: /^m([1-6])$/,
    scheme: 'Radford management level',
    tierOf: (n) => (n >= 5 ? 'EXECUTIVE' : n >= 3 ? 'DIRECTOR' : 'MANAGER'),
  },
  { pattern: /^e([1-6])$/, scheme: 'Radford executive level', tierOf: () => 'EXECUTIVE' },
  // Job levels 1-5 (IBM's JobLevel and many HRIS exports): 1-2 staff, 3 manager, 4 director, 5 executive.
  {
    pattern: /^(?:level|joblevel|l)?([1-5])$/,
    scheme: 'job level 1-5',
    tierOf: (n) => (n === 5 ? 'EXECUTIVE' : n === 4 ? 'DIRECTOR' : n === 3 ? 'MANAGER' : 'IC'),
  },
];

/** Workday's Management_Level values and their like, by the words they use. */
const NAMED: readonly { words: RegExp; tier: Tier }[] = [
  {
    words:
      /^(?:chief executive|ceo|executive|senior executive|executive vice president|senior vice president|vice president|c level|board)/,
    tier: 'EXECUTIVE',
  },
  { words: /^(?:senior director|director|head)/, tier: 'DIRECTOR' },
  { words: /^(?:senior manager|manager|supervisor|team lead|first line manager)/, tier: 'MANAGER' },
  { words: /^(?:individual contributor|professional|associate|staff|specialist|entry level|intern)/, tier: 'IC' },
];
const WORKDAY = 'management level';

/**
 * The tier a grade implies in a scheme rolemap knows, or null (then HR maps it, or the title
 * and the structure decide). Numbers on their own are read as job levels 1-5 only: a grade
 * "7" in another scheme means something else, which is why HR's mapping always wins.
 */
export function defaultTierForGrade(grade: string): GradeReading | null {
  const key = gradeKey(grade);
  if (key === '') return null;
  for (const { pattern, scheme, tierOf } of NUMBERED) {
    const match = pattern.exec(key);
    if (!match) continue;
    const tier = tierOf(Number(match[1]));
    if (tier) return { tier, scheme };
  }
  // "5 - Vice President", "Manager (M2)": the words decide.
  const words = grade
    .trim()
    .toLowerCase()
    .replace(/^[0-9]+\s*[-–:.)]\s*/, '')
    .replace(/[_]+/g, ' ');
  for (const { words: pattern, tier } of NAMED) if (pattern.test(words)) return { tier, scheme: WORKDAY };
  return null;
}
