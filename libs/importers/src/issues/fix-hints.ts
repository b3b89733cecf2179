/**
 * How a message tells the user to fix something: the CLI names its flags, the web wizard names
 * what to click. The importer is the same for both; only this wording differs.
 */
export type HintStyle = 'cli' | 'web';

export type FixHint = 'allowMultipleRoots' | 'jobShares';

const HINTS: Record<FixHint, Record<HintStyle, string>> = {
  allowMultipleRoots: {
    cli: 'allow several tops (--allow-multiple-roots)',
    web: 'tick "Allow several top posts" and check again',
  },
  jobShares: {
    cli: 'read different names on one id as a job share (--job-shares)',
    web: 'tick "Same id, different names is a job share" and check again',
  },
};

export function fixHint(hint: FixHint, style: HintStyle): string {
  return HINTS[hint][style];
}

/** "map the column that holds it (…)" in the words of the surface. */
export function mapColumnHint(style: HintStyle, field: string, headerless: boolean, what = 'it'): string {
  if (style === 'web') {
    return `in the column mapping, choose "${field}" for the column that holds ${what}, then check again`;
  }
  return headerless
    ? `map ${what} by position (e.g. --map "3=${field}")`
    : `map the column that holds ${what} (e.g. --map "Your Header=${field}")`;
}
