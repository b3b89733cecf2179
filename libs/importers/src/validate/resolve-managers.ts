import type { PeopleRecord } from '@rolemap/domain';
import { detectManagerReference, emailKey, nameKey, type PeopleIndex } from '../detect/manager-reference';
import type { IssueCollector } from '../issues/issue-collector';
import type { ManagerReferenceKind } from '../types';
import { isNotGiven } from '../values/markers';
import { capital, type PersonDraft } from './people-rows';

export interface ManagerResolution {
  kind: ManagerReferenceKind | null;
  /** People whose manager could not be found; they are not tops of the chart. */
  unresolved: ReadonlySet<PeopleRecord>;
}

const KIND_WORDS: Record<ManagerReferenceKind, string> = {
  employee_id: 'employee id',
  email: 'e-mail',
  name: 'name',
};

/**
 * Turns every manager reference into the manager's employee id. Whether the column holds
 * ids, e-mails or names is decided from the values; a name two people share cannot be
 * resolved and is an error naming both. Reporting to oneself is read as having no
 * manager, with a warning.
 */
export function resolveManagers(
  drafts: PersonDraft[],
  issues: IssueCollector,
  managerHeader: string | null,
  hint: ManagerReferenceKind,
  fromTree: boolean,
): ManagerResolution {
  const unresolved = new Set<PeopleRecord>();
  if (!drafts.some((draft) => draft.managerReference !== null)) {
    return { kind: managerHeader === null && !fromTree ? null : hint, unresolved };
  }

  const byId = new Map(drafts.map((draft) => [draft.record.employeeId, draft.record]));
  // Most files reference managers by id: when every reference is an id, the e-mail and name
  // indexes (a normalisation per person) are never needed.
  const allIds = fromTree || everyReferenceIsAnId(drafts, byId);
  const index = allIds ? null : buildIndex(drafts.map((draft) => draft.record));
  const kind = index ? detectManagerReference(referencesOf(drafts), index, hint) : 'employee_id';
  const rowToRecord = new Map(drafts.map((draft) => [draft.record.rowNumber, draft.record]));

  for (const draft of drafts) {
    const reference = draft.managerReference;
    if (reference === null) continue;
    const { record } = draft;
    const location = { row: record.rowNumber, column: managerHeader, value: reference };
    // Built only when a message needs it: most rows are valid.
    const where = () => capital(issues.at(record.rowNumber));
    let manager: PeopleRecord | undefined;
    if (kind === 'employee_id') {
      manager = byId.get(reference);
    } else {
      const lookup = index as PeopleIndex;
      const rows = (kind === 'email' ? lookup.emails.get(emailKey(reference)) : lookup.names.get(nameKey(reference))) ?? [];
      if (rows.length > 1) {
        issues.error(
          'AMBIGUOUS_MANAGER',
          { ...location, rows: [record.rowNumber, ...rows] },
          `${where()}: manager "${reference}" matches more than one person (${issues.atRows(rows)}); use the manager's employee id instead.`,
        );
        unresolved.add(record);
        continue;
      }
      manager = rows.length === 1 ? rowToRecord.get(rows[0]) : undefined;
    }
    if (!manager) {
      issues.error(
        'UNKNOWN_MANAGER',
        location,
        `${where()}: manager "${reference}" is not the ${KIND_WORDS[kind]} of anyone in this file.`,
      );
      unresolved.add(record);
      continue;
    }
    if (manager === record) {
      issues.warning(
        'SELF_REFERENCE',
        location,
        `${where()}: "${reference}" reports to itself; read as having no manager (a top of the chart).`,
      );
      continue;
    }
    record.managerId = manager.employeeId;
  }
  return { kind, unresolved };
}

function everyReferenceIsAnId(drafts: PersonDraft[], byId: ReadonlyMap<string, PeopleRecord>): boolean {
  for (const draft of drafts) if (draft.managerReference !== null && !byId.has(draft.managerReference)) return false;
  return true;
}

function* referencesOf(drafts: PersonDraft[]): Generator<string> {
  for (const draft of drafts) if (draft.managerReference !== null) yield draft.managerReference;
}

/** Vacant posts and undisclosed names cannot be anyone's manager by name. */
function buildIndex(records: PeopleRecord[]): PeopleIndex {
  const ids = new Set<string>();
  const emails = new Map<string, number[]>();
  const names = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, row: number) => {
    const rows = map.get(key);
    if (rows) rows.push(row);
    else map.set(key, [row]);
  };
  for (const record of records) {
    ids.add(record.employeeId);
    if (record.email) add(emails, emailKey(record.email), record.rowNumber);
    if (!record.vacant && record.name !== '' && !isNotGiven(record.name)) add(names, nameKey(record.name), record.rowNumber);
  }
  return { ids, emails, names };
}
