import type { IssueCollector } from '../issues/issue-collector';
import { capital, type PersonDraft } from './people-rows';

/**
 * Checks every row's dotted-line managers once the solid-line managers are resolved, and keeps
 * the good ones on the record. A dotted line is extra information, never a reason to refuse the
 * file: an id nobody in the file has, the row itself, or the row's own solid-line manager is a
 * warning naming the row and column, and only that line is dropped.
 */
export function resolveDottedLines(drafts: readonly PersonDraft[], issues: IssueCollector, header: string | null): void {
  if (!drafts.some((draft) => draft.dottedLineReferences.length > 0)) return;
  const column = header ?? 'dotted_line_manager_id';
  const ids = new Set(drafts.map((draft) => draft.record.employeeId));
  for (const { record, dottedLineReferences } of drafts) {
    if (dottedLineReferences.length === 0) continue;
    const kept: string[] = [];
    for (const reference of dottedLineReferences) {
      const location = { row: record.rowNumber, column, value: reference };
      const where = () => capital(issues.at(record.rowNumber));
      if (reference === record.employeeId) {
        issues.warning(
          'DOTTED_LINE_SELF',
          location,
          `${where()}: "${reference}" is its own dotted-line manager; that dotted line is left out.`,
        );
      } else if (!ids.has(reference)) {
        issues.warning(
          'UNKNOWN_DOTTED_LINE_MANAGER',
          location,
          `${where()}: dotted-line manager "${reference}" is not the employee id of anyone in this file; that dotted line is left out.`,
        );
      } else if (reference === record.managerId) {
        issues.warning(
          'DOTTED_LINE_IS_MANAGER',
          location,
          `${where()}: "${reference}" is already the manager; a dotted line to the same person is left out.`,
        );
      } else {
        kept.push(reference);
      }
    }
    if (kept.length > 0) record.dottedLineManagerIds = kept;
  }
}
