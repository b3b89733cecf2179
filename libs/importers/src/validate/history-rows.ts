import type { IsoDate } from '@rolemap/domain';
import type { IssueCollector } from '../issues/issue-collector';
import { isNotGiven } from '../values/markers';
import type { PersonDraft } from './people-rows';

export interface HistoryOptions {
  /** The date the chart describes: a row is current when its period includes it. */
  asOf: IsoDate;
  employeeIdHeader: string;
  /** "StartDate / EndDate", for the message; empty when the file has no period columns. */
  periodHeaders: string;
}

/**
 * History exports (slowly changing dimensions, effective-dated HRIS rows) hold one row per
 * period of a person. Only the rows whose period includes the as-of date make the chart; the
 * others are skipped with one warning that counts them. A reference to a skipped row of a
 * manager (an old key of someone who is still here) is moved to that person's current row:
 * the same id, else the same e-mail, else the same name.
 */
export function skipHistoryRows(drafts: PersonDraft[], issues: IssueCollector, options: HistoryOptions): PersonDraft[] {
  if (!options.periodHeaders) return drafts;
  const { asOf } = options;
  const isCurrent = (draft: PersonDraft) =>
    (draft.validFrom === null || draft.validFrom <= asOf) && (draft.validTo === null || draft.validTo >= asOf);
  const current = drafts.filter(isCurrent);
  if (current.length === drafts.length) return drafts;
  const history = drafts.filter((draft) => !isCurrent(draft));

  const currentIds = new Set(current.map((draft) => draft.record.employeeId));
  const byEmail = uniqueIndex(current, (draft) => draft.record.email?.trim().toLowerCase() || null);
  const byName = uniqueIndex(current, (draft) =>
    draft.record.vacant || isNotGiven(draft.record.name) ? null : draft.record.name.trim().toLowerCase() || null,
  );
  const successor = new Map<string, string>();
  for (const draft of history) {
    const id = draft.record.employeeId;
    if (currentIds.has(id)) continue;
    const email = draft.record.email?.trim().toLowerCase();
    const name = draft.record.name.trim().toLowerCase();
    const next = (email ? byEmail.get(email) : undefined) ?? (name ? byName.get(name) : undefined);
    if (next) successor.set(id, next.record.employeeId);
  }
  let moved = 0;
  for (const draft of current) {
    const reference = draft.managerReference;
    if (reference === null || currentIds.has(reference)) continue;
    const next = successor.get(reference);
    if (next) {
      draft.managerReference = next;
      moved++;
    }
  }

  const rows = history.map((draft) => draft.record.rowNumber);
  const people = new Set(history.map((draft) => successor.get(draft.record.employeeId) ?? draft.record.employeeId)).size;
  const movedNote =
    moved > 0
      ? ` ${moved} ${moved === 1 ? 'row reports' : 'rows report'} to an earlier row of their manager; they now report to the manager's current row.`
      : '';
  issues.warning(
    'HISTORY_ROWS',
    { row: rows[0], column: options.periodHeaders, rows },
    `Skipped ${history.length} history ${history.length === 1 ? 'row' : 'rows'} (${issues.atRows(rows)}) of ${people} ${people === 1 ? 'person' : 'people'}: their ${options.periodHeaders} do not include the chart's date ${asOf}, so the current row of each person is imported.${movedNote}`,
  );
  return current;
}

/** Key → the one draft with it; keys two current rows share are dropped (they identify nobody). */
function uniqueIndex(drafts: PersonDraft[], keyOf: (draft: PersonDraft) => string | null): Map<string, PersonDraft> {
  const index = new Map<string, PersonDraft>();
  const shared = new Set<string>();
  for (const draft of drafts) {
    const key = keyOf(draft);
    if (key === null || shared.has(key)) continue;
    if (index.has(key)) {
      index.delete(key);
      shared.add(key);
    } else index.set(key, draft);
  }
  return index;
}
