import { ABBREVIATIONS } from './synonyms';

/**
 * Case-, accent- and punctuation-insensitive key: "Employee_ID", "employeeId" and
 * "Employee ID" all become "employeeid". "#" and "%" carry meaning in headers
 * ("Employee #", "FTE %"), so they become words first.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/#/g, ' number ')
    .replace(/%/g, ' percent ')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Words of a header, splitting camelCase and snake_case: "mgrEmpNo" → ["mgr", "emp", "no"]. */
export function headerWords(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/#/g, ' number ')
    .replace(/%/g, ' percent ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Normalised key after expanding abbreviations ("Mgr Emp No" → "manageremployeenumber"). */
export function expandedHeaderKey(header: string): string {
  return headerWords(header)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join('');
}

/** Edit distance counting a swap of two neighbours as one typo ("Titel"), with an early exit past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
