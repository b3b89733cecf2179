/** Manager values meaning "reports to nobody" (UK organograms use XX, SQL dumps NULL). */
const ROOT_MARKERS = new Set(['', 'null', 'xx', 'none', 'n/a', '#n/a', '-']);

/** Optional values meaning "not given"; N/D is the UK organograms' "not disclosed". */
const NOT_GIVEN_MARKERS = new Set(['', 'null', 'none', 'n/a', '#n/a', 'na', 'n/d', '-', '--']);

/** Names that mean the post has nobody in it. */
const VACANT_NAMES = new Set(['vacant', 'vacancy', 'vacant post', 'open position', 'to be hired', 'tbh', 'eliminated']);

export function isRootMarker(value: string): boolean {
  return ROOT_MARKERS.has(value.trim().toLowerCase());
}

export function isNotGiven(value: string): boolean {
  return NOT_GIVEN_MARKERS.has(value.trim().toLowerCase());
}

export function isVacantName(value: string): boolean {
  return VACANT_NAMES.has(
    value
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' '),
  );
}
