import type { PeopleRecord } from '@rolemap/domain';
import type { IssueCollector } from '../issues/issue-collector';
import { capital } from './people-rows';

/** People shown in a cycle message before the rest are counted. */
const MAX_CYCLE_STEPS_SHOWN = 12;

const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

export interface HierarchyOptions {
  allowMultipleRoots: boolean;
  managerHeader: string | null;
  /** False when the file has no manager column at all, so the message can say so. */
  hasManagerColumn: boolean;
  /** People whose manager reference failed; already reported, so not counted as tops. */
  unresolved: ReadonlySet<PeopleRecord>;
}

/**
 * Checks the reporting lines once managers are resolved: every cycle is reported once,
 * naming the whole loop, and more than one top person is an error unless a forest is
 * allowed. Iterative and linear: each person is walked once, so 100k-deep chains are fine.
 */
export function checkHierarchy(records: PeopleRecord[], issues: IssueCollector, options: HierarchyOptions): void {
  const indexById = new Map<string, number>();
  records.forEach((record, index) => indexById.set(record.employeeId, index));
  const parent = records.map((record) => (record.managerId === null ? -1 : (indexById.get(record.managerId) ?? -1)));

  const state = new Uint8Array(records.length);
  const path: number[] = [];
  for (let start = 0; start < records.length; start++) {
    if (state[start] !== UNSEEN) continue;
    let node = start;
    while (node !== -1 && state[node] === UNSEEN) {
      state[node] = ON_PATH;
      path.push(node);
      node = parent[node];
    }
    if (node !== -1 && state[node] === ON_PATH)
      reportCycle(path.slice(path.lastIndexOf(node)), records, issues, options.managerHeader);
    for (const visited of path) state[visited] = DONE;
    path.length = 0;
  }

  const roots = records.filter((record) => record.managerId === null && !options.unresolved.has(record));
  if (roots.length > 1 && !options.allowMultipleRoots) {
    const rows = roots.map((record) => record.rowNumber);
    const reason = options.hasManagerColumn
      ? `${roots.length} people have no manager (${issues.atRows(rows)})`
      : `The file has no manager column, so all ${roots.length} people are at the top (${issues.atRows(rows)})`;
    const fix = options.hasManagerColumn
      ? `Give each of them a manager, or, if the file is a forest of separate trees, ${issues.fix('allowMultipleRoots')}.`
      : `${capital(issues.mapColumn('manager_id', false, 'the manager'))}; or, to import them as separate trees, ${issues.fix('allowMultipleRoots')}.`;
    issues.error(
      'MULTIPLE_ROOTS',
      { column: options.managerHeader, value: String(roots.length), rows },
      `${reason}; an org chart has one top. ${fix}`,
    );
  }
}

/** Starts at the earliest row so the same cycle always reads the same way. */
function reportCycle(cycle: number[], records: PeopleRecord[], issues: IssueCollector, managerHeader: string | null): void {
  let first = 0;
  for (let index = 1; index < cycle.length; index++) {
    if (records[cycle[index]].rowNumber < records[cycle[first]].rowNumber) first = index;
  }
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first)].map((index) => records[index]);
  const step = (record: PeopleRecord) => `${record.employeeId} (${issues.at(record.rowNumber)})`;
  const shown = ordered.slice(0, MAX_CYCLE_STEPS_SHOWN).map(step);
  if (ordered.length > MAX_CYCLE_STEPS_SHOWN) shown.push(`… ${ordered.length - MAX_CYCLE_STEPS_SHOWN} more`);
  const loop = [...shown, ordered[0].employeeId].join(' → ');
  const start = ordered[0];
  issues.error(
    'CYCLE',
    { row: start.rowNumber, column: managerHeader, value: start.managerId, rows: ordered.map((record) => record.rowNumber) },
    `Reporting lines go round in a circle of ${ordered.length}: ${loop}. Someone in it must report outside the circle.`,
  );
}
