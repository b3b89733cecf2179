/**
 * Finding a person's identifiers inside free text (audit targets and details) without touching
 * longer identifiers that merely contain them: erasing employee "E1" must leave "E10" alone.
 */
const BOUNDARY = '[\\p{L}\\p{N}_-]';

export function mentionPattern(terms: readonly string[]): RegExp | null {
  const usable = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))];
  if (usable.length === 0) return null;
  // Longest first, so "Ann Lee" is replaced whole rather than as "Ann".
  usable.sort((a, b) => b.length - a.length);
  const alternatives = usable.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<!${BOUNDARY})(?:${alternatives})(?!${BOUNDARY})`, 'giu');
}

export const ERASED = '[erased]';

/** The value with every mention replaced, strings inside objects and arrays (keys too) included. */
export function redactMentions<T>(value: T, pattern: RegExp): T {
  if (typeof value === 'string') return value.replace(pattern, ERASED) as T;
  if (Array.isArray(value)) return value.map((item) => redactMentions(item, pattern)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.replace(pattern, ERASED), redactMentions(item, pattern)]),
    ) as T;
  }
  return value;
}

export function mentions(value: unknown, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(typeof value === 'string' ? value : JSON.stringify(value));
  pattern.lastIndex = 0;
  return found;
}
