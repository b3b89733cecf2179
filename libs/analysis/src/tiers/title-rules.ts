import type { Tier } from '@rolemap/domain';

/**
 * One rule of title → tier inference. Phrases are whole words, already lower-case and
 * written the way `wordsOf` splits titles ("vice president", "head of").
 */
export interface TitleRule {
  phrase: string;
  tier: Tier;
  /** KEYWORD: the word names a level of leadership. EXCEPTION: a title that looks like one but is not. */
  kind: 'KEYWORD' | 'EXCEPTION';
  /** Shown to HR next to the inferred tier. */
  why: string;
}

const C_LEVEL_ACRONYMS = [
  'ceo',
  'cfo',
  'cto',
  'coo',
  'cio',
  'cmo',
  'chro',
  'cpo',
  'cso',
  'cro',
  'cdo',
  'cco',
  'ciso',
  'cao',
  'clo',
  'cxo',
];

export const TITLE_KEYWORDS: readonly TitleRule[] = [
  { phrase: 'chief', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a chief officer title' },
  ...C_LEVEL_ACRONYMS.map(
    (acronym): TitleRule => ({
      phrase: acronym,
      tier: 'EXECUTIVE',
      kind: 'KEYWORD',
      why: 'a C-level acronym',
    }),
  ),
  { phrase: 'president', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a president title' },
  { phrase: 'vice president', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a vice president title' },
  { phrase: 'vp', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a vice president title' },
  { phrase: 'svp', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a senior vice president title' },
  { phrase: 'evp', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'an executive vice president title' },
  { phrase: 'founder', tier: 'EXECUTIVE', kind: 'KEYWORD', why: 'a company founder' },
  // Public administration: the official who runs a ministry, and the heads of its groups.
  ...['permanent secretary', 'permanent under secretary', 'cabinet secretary', 'secretary general'].map(
    (phrase): TitleRule => ({
      phrase,
      tier: 'EXECUTIVE',
      kind: 'KEYWORD',
      why: 'the most senior official of a government department',
    }),
  ),
  {
    phrase: 'director general',
    tier: 'EXECUTIVE',
    kind: 'KEYWORD',
    why: 'heads a group of directorates and sits on the department’s board',
  },
  {
    phrase: 'deputy director general',
    tier: 'DIRECTOR',
    kind: 'KEYWORD',
    why: 'a director title (deputises for a director general)',
  },
  { phrase: 'director', tier: 'DIRECTOR', kind: 'KEYWORD', why: 'a director title' },
  {
    phrase: 'assistant director',
    tier: 'DIRECTOR',
    kind: 'KEYWORD',
    why: 'a director title (assistant directors run a function)',
  },
  { phrase: 'deputy director', tier: 'DIRECTOR', kind: 'KEYWORD', why: 'a director title (deputy directors run a function)' },
  { phrase: 'associate director', tier: 'DIRECTOR', kind: 'KEYWORD', why: 'a director title' },
  { phrase: 'head of', tier: 'DIRECTOR', kind: 'KEYWORD', why: 'heads a function' },
  ...['department head', 'division head', 'function head', 'practice head'].map(
    (phrase): TitleRule => ({
      phrase,
      tier: 'DIRECTOR',
      kind: 'KEYWORD',
      why: 'heads a function',
    }),
  ),
  { phrase: 'manager', tier: 'MANAGER', kind: 'KEYWORD', why: 'a manager title' },
  { phrase: 'mgr', tier: 'MANAGER', kind: 'KEYWORD', why: 'a manager title' },
  { phrase: 'lead', tier: 'MANAGER', kind: 'KEYWORD', why: 'leads a team' },
  { phrase: 'leader', tier: 'MANAGER', kind: 'KEYWORD', why: 'leads a team' },
  { phrase: 'supervisor', tier: 'MANAGER', kind: 'KEYWORD', why: 'supervises a team' },
];

/**
 * Titles that contain a leadership word but are not that tier. Each needs a reason an HR
 * person would accept; anything else ambiguous is left to the structure rule or an override.
 */
export const TITLE_EXCEPTIONS: readonly TitleRule[] = [
  ...[
    'product manager',
    'project manager',
    'program manager',
    'programme manager',
    'account manager',
    'key account manager',
    'customer success manager',
    'relationship manager',
    'case manager',
    'community manager',
    'social media manager',
    'content manager',
    'brand manager',
    'territory manager',
    'release manager',
    'campaign manager',
    'category manager',
  ].map(
    (phrase): TitleRule => ({
      phrase,
      tier: 'IC',
      kind: 'EXCEPTION',
      why: 'manages a product, project or account, not people',
    }),
  ),
  { phrase: 'group product manager', tier: 'MANAGER', kind: 'EXCEPTION', why: 'manages a group of product managers' },
  { phrase: 'lead generation', tier: 'IC', kind: 'EXCEPTION', why: '"lead" here means a sales prospect' },
  { phrase: 'lead gen', tier: 'IC', kind: 'EXCEPTION', why: '"lead" here means a sales prospect' },
  { phrase: 'lead qualification', tier: 'IC', kind: 'EXCEPTION', why: '"lead" here means a sales prospect' },
  { phrase: 'executive assistant', tier: 'IC', kind: 'EXCEPTION', why: 'supports an executive; does not lead' },
  { phrase: 'personal assistant', tier: 'IC', kind: 'EXCEPTION', why: 'supports a leader; does not lead' },
  { phrase: 'administrative assistant', tier: 'IC', kind: 'EXCEPTION', why: 'supports a leader; does not lead' },
  { phrase: 'art director', tier: 'IC', kind: 'EXCEPTION', why: 'a creative craft title, usually without reports' },
  { phrase: 'chief of staff', tier: 'DIRECTOR', kind: 'EXCEPTION', why: 'a senior advisor to an executive, not an officer' },
  {
    phrase: 'assistant vice president',
    tier: 'MANAGER',
    kind: 'EXCEPTION',
    why: 'a mid-level banking title below vice president',
  },
  { phrase: 'avp', tier: 'MANAGER', kind: 'EXCEPTION', why: 'a mid-level banking title below vice president' },
  { phrase: 'managing director', tier: 'EXECUTIVE', kind: 'EXCEPTION', why: 'runs the company or a business unit' },
];

/**
 * Words that name the person someone supports in "Assistant to the CEO" or "Advisor to the
 * VP": the tier word describes the boss, so the clause is dropped before matching.
 */
export const SUPPORTED_LEADER_WORDS: ReadonlySet<string> = new Set([
  ...C_LEVEL_ACRONYMS,
  'chief',
  'president',
  'vice',
  'vp',
  'svp',
  'evp',
  'director',
  'directors',
  'head',
  'manager',
  'managers',
  'founder',
  'founders',
  'board',
  'executive',
  'executives',
  'leadership',
  'partner',
  'partners',
]);
