/**
 * Stable key of one person's responsibility across snapshots and re-imports: level overrides
 * and finding reviews are stored against it. Case and spacing differences between two
 * exports of the same HR file must not break the link, so the title is lower-cased and its
 * whitespace collapsed; the employee id is only trimmed (HRIS ids are identifiers).
 */
export function responsibilityKey(employeeId: string, title: string): string {
  return `${employeeId.trim()}:${title.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}
