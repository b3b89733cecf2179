import type { ValueLevel } from '@rolemap/domain';

/** The three levels of the tree: a function holds processes, a process holds activities. */
export const DICTIONARY_KINDS = ['FUNCTION', 'PROCESS', 'ACTIVITY'] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/** CONFIRMED: HR (or the starter dictionary) chose the level; SUGGESTED: the classifier did, for HR to confirm. */
export const LEVEL_SOURCES = ['CONFIRMED', 'SUGGESTED'] as const;
export type LevelSource = (typeof LEVEL_SOURCES)[number];

/** One node of an activity dictionary. Only activities carry a value level. */
export interface DictionaryEntry {
  /** The id in files and across versions (`ENG-02-05`); unique within a dictionary. */
  key: string;
  parentKey: string | null;
  kind: DictionaryKind;
  label: string;
  description: string | null;
  valueLevel: ValueLevel | null;
  levelSource: LevelSource | null;
}

export const DICTIONARY_LIMITS = {
  /** Entries in one dictionary (functions, processes and activities together). */
  entries: 10_000,
  keyLength: 100,
  labelLength: 300,
  descriptionLength: 2_000,
} as const;

/** The kind a node has at `depth` (0 for a function); null below activities. */
export function kindAtDepth(depth: number): DictionaryKind | null {
  return DICTIONARY_KINDS[depth] ?? null;
}
