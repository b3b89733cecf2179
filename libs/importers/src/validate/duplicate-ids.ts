import type { IssueCollector } from '../issues/issue-collector';
import { isNotGiven } from '../values/markers';
import type { PersonDraft } from './people-rows';

/**
 * Keeps one person per employee id. A post held by two different people with the same
 * title and manager is a job share (MoD's "as a job share" post 00000609): both are
 * kept, the second as "<id>#2", with a warning. Anything else sharing an id is a
 * DUPLICATE_ID error naming every row; only the first row is kept.
 */
export function resolveDuplicateIds(drafts: PersonDraft[], issues: IssueCollector, employeeIdHeader: string): PersonDraft[] {
  const rowsById = new Map<string, PersonDraft[]>();
  for (const draft of drafts) {
    const list = rowsById.get(draft.record.employeeId);
    if (list) list.push(draft);
    else rowsById.set(draft.record.employeeId, [draft]);
  }
  const kept: PersonDraft[] = [];
  const dropped = new Set<PersonDraft>();
  for (const [id, group] of rowsById) {
    if (group.length === 1) continue;
    const rows = group.map((draft) => draft.record.rowNumber);
    if (isJobShare(group) && group.slice(1).every((_, index) => !rowsById.has(`${id}#${index + 2}`))) {
      group.slice(1).forEach((draft, index) => {
        draft.record.employeeId = `${id}#${index + 2}`;
      });
      issues.warning(
        'JOB_SHARE',
        { row: rows[1], column: employeeIdHeader, value: id },
        `Post "${id}" is held by ${group.length} people (${issues.atRows(rows)}: ${group.map((draft) => draft.record.name).join(', ')}), read as a job share; the others are imported as ${group
          .slice(1)
          .map((draft) => `"${draft.record.employeeId}"`)
          .join(', ')}.`,
      );
      continue;
    }
    issues.error(
      'DUPLICATE_ID',
      { row: rows[1], column: employeeIdHeader, value: id },
      `Employee id "${id}" appears on ${issues.atRows(rows)}; each person needs their own id.`,
    );
    for (const draft of group.slice(1)) dropped.add(draft);
  }
  for (const draft of drafts) if (!dropped.has(draft)) kept.push(draft);
  return kept;
}

function isJobShare(group: PersonDraft[]): boolean {
  const [first] = group;
  const names = new Set(group.map((draft) => draft.record.name.trim().toLowerCase()));
  return (
    names.size === group.length &&
    group.every((draft) => !draft.record.vacant && draft.record.name !== '' && !isNotGiven(draft.record.name)) &&
    group.every((draft) => draft.record.title === first.record.title && draft.managerReference === first.managerReference)
  );
}
