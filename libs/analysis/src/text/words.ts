/**
 * Word handling shared by tier inference, the classifier and title similarity.
 * Deliberately small and predictable: HR must be able to see why two titles matched.
 */

/**
 * Lower-cases and splits text into words. Dots are dropped (so "C.E.O." reads "ceo" and
 * "Sr." reads "sr"), apostrophes vanish ("team's" → "teams") and any other punctuation,
 * hyphens included, separates words ("Vice-President" → "vice president").
 */
export function wordsOf(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return cleaned === '' ? [] : cleaned.split(' ');
}

/** Words that carry no meaning for classification or similarity. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'for',
  'with',
  'in',
  'at',
  'by',
  'from',
  'into',
  'onto',
  'per',
  'as',
  'via',
  'our',
  'their',
  'his',
  'her',
  'its',
  'my',
  'your',
  'any',
  'each',
  'every',
  'other',
  'be',
  'is',
  'are',
  'was',
  'were',
  'this',
  'that',
  'these',
  'those',
  'it',
  'we',
  'they',
  'who',
  'which',
  'etc',
  'eg',
  'ie',
  'incl',
  'including',
  'plus',
  'across',
  'within',
  'about',
  'over',
  'under',
  'when',
  'needed',
  'required',
  'ongoing',
  'regular',
  'regularly',
  'various',
  'new',
  'own',
]);

// Words the suffix rules would damage ("succession" must not become "success").
const KEEP_AS_IS: ReadonlySet<string> = new Set([
  'succession',
  'business',
  'process',
  'access',
  'status',
  'bus',
  'news',
  'sales',
  'analysis',
  'always',
  'ops',
]);
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['wrote', 'write'],
  ['written', 'write'],
  ['built', 'build'],
  ['ran', 'run'],
  ['running', 'run'],
  ['set', 'set'],
  ['setting', 'set'],
  ['led', 'lead'],
  ['leading', 'lead'],
  ['analyse', 'analyze'],
  ['analysing', 'analyze'],
  ['analysed', 'analyze'],
  ['prioritise', 'prioritize'],
  ['prioritising', 'prioritize'],
  ['organise', 'organize'],
  ['organising', 'organize'],
  ['organisation', 'organization'],
  ['people', 'person'],
  ['hands', 'hand'],
  ['reconciliation', 'reconcile'],
  ['reconciliations', 'reconcile'],
]);

// Tried longest first; each needs a stem of at least MIN_STEM letters left.
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['ment', ''],
  ['ing', ''],
  ['ion', ''],
  ['ly', ''],
  ['ed', ''],
  ['es', ''],
  ['at', ''],
  ['s', ''],
  ['e', ''],
];
const MIN_STEM = 3;
// Only letters English doubles before -ing/-ed (plan → planning); "call", "staff", "miss" keep theirs.
const DOUBLED = /([bdgmnprt])\1$/;

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * Light stemming so "coordinate", "coordinating", "coordinated" and "coordination" meet on
 * one stem ("coordin"). Suffixes are stripped repeatedly ("presentations" → "presentation"
 * → "presentat" → "present"); a doubled final consonant is undoubled ("planning" → "plan").
 * It is not linguistics: stems only need to agree between the vocabulary and the text,
 * and both go through this same function.
 */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = computeStem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

function computeStem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular === word ? word : computeStem(irregular);
  if (KEEP_AS_IS.has(word) || /\d/.test(word)) return word;
  let stem = word;
  for (let pass = 0; pass < 4; pass++) {
    const next = stripOneSuffix(stem);
    if (next === stem) break;
    stem = next;
  }
  return stem;
}

function stripOneSuffix(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length);
    // A plain plural may leave two letters ("ups" → "up"); other suffixes need a real stem.
    if (base.length < (suffix === 's' ? 2 : MIN_STEM)) continue;
    // "process", "class", "boss": a double s is part of the word, not a plural.
    if (suffix === 's' && (base.endsWith('s') || base.endsWith('u') || base.endsWith('i'))) continue;
    const stripped = base + replacement;
    if (replacement === '' && DOUBLED.test(stripped) && stripped.length > MIN_STEM) return stripped.slice(0, -1);
    return stripped;
  }
  return word;
}

/** Stems of the meaningful words of a text, in order (stopwords removed). */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of wordsOf(text)) {
    if (STOPWORDS.has(word)) continue;
    stems.push(stemWord(word));
  }
  return stems;
}

/**
 * Order-free fingerprint of a title: "Code reviews", "Reviewing code" and "code review"
 * all give "code review". Two responsibilities with the same signature count as the same work.
 */
export function titleSignature(title: string): string {
  const unique = Array.from(new Set(contentStems(title)));
  unique.sort();
  return unique.join(' ');
}

/** Number of stems two titles share (each stem counted once). */
export function sharedStemCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const stem of small) if (large.has(stem)) shared++;
  return shared;
}
