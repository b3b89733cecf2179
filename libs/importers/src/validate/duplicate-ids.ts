import type { IssueCollector } from '../issues/issue-collector';
import { isNotGiven } from '../values/markers';
import type { PersonDraft } from './people-rows';

export interface DuplicateIdOptions {
  /** HR said that one id on rows with different names is a job share. */
  jobShares: boolean;
}

/**
 * Keeps one person per employee id. Anything sharing an id is an error naming every row; only
 * the first row is kept. "Same id, different names" may be a job share (MoD's
 * "as a job share" post 00000609) or two people given one id by mistake: nothing in the file
 * tells them apart, so that is its own error (SHARED_ID), and only when HR says so
 * (`jobShares`) are the holders of a post with the same title and manager all kept, the later ones as "<id>#2", with a warning.
 */
export function resolveDuplicateIds(
  drafts: PersonDraft[],
  issues: IssueCollector,
  employeeIdHeader: string,
  options: DuplicateIdOptions,
): PersonDraft[] {
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
    const shareable = isJobShare(group) && group.slice(1).every((_, index) => !rowsById.has(`${id}#${index + 2}`));
    if (options.jobShares && shareable) {
      group.slice(1).forEach((draft, index) => {
        draft.record.employeeId = `${id}#${index + 2}`;
      });
      issues.warning(
        'JOB_SHARE',
        { row: rows[1], column: employeeIdHeader, value: id, rows },
        `Post "${id}" is held by ${group.length} people (${issues.atRows(rows)}: ${group.map((draft) => draft.record.name).join(', ')}), read as a job share; the others are imported as ${group
          .slice(1)
          .map((draft) => `"${draft.record.employeeId}"`)
          .join(', ')}.`,
      );
      continue;
    }
    const names = group.map((draft) => `"${draft.record.name}"`).join(', ');
    // SHARED_ID: what HR may declare a job share; DUPLICATE_ID: nothing to choose, fix the file.
    issues.error(
      shareable ? 'SHARED_ID' : 'DUPLICATE_ID',
      { row: rows[1], column: employeeIdHeader, value: id, rows },
      shareable
        ? `Employee id "${id}" appears on ${issues.atRows(rows)} with different names (${names}) and the same title and manager; give each person their own id, or if the post is a job share, ${issues.fix('jobShares')}.`
        : `Employee id "${id}" appears on ${issues.atRows(rows)}; each person needs their own id.`,
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
