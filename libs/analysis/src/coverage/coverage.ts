import type { ImportIssue, PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import type { PositionMix } from '../mix/position-mix';

/** How many positions have any responsibilities recorded: the share of the chart the findings can see. */
export interface Coverage {
  positions: number;
  /** Positions with at least one responsibility recorded. */
  withData: number;
  withoutData: number;
  /** withData / positions in percent (one decimal); null without positions. */
  pct: number | null;
}

export interface DepartmentCoverage extends Coverage {
  /** Null for positions without a department. */
  department: string | null;
}

export function coverage(positions: number, withData: number): Coverage {
  return {
    positions,
    withData,
    withoutData: positions - withData,
    pct: positions > 0 ? Math.round((withData / positions) * 1000) / 10 : null,
  };
}

/** Coverage of the given positions (their own data, not their teams'). */
export function coverageOf(mixes: readonly PositionMix[]): Coverage {
  let withData = 0;
  for (const mix of mixes) if (mix.hasData) withData++;
  return coverage(mixes.length, withData);
}

/** Coverage of a leader's whole team, the leader included (from the mix's subtree counts). */
export function subtreeCoverageOf(mix: PositionMix): Coverage {
  return coverage(mix.subtreeSize, mix.subtreeWithData);
}

/** Per department, least covered first (then the biggest, then by name), so gaps in the data show first. */
export function coverageByDepartment(mixes: readonly PositionMix[]): DepartmentCoverage[] {
  const counts = new Map<string | null, { positions: number; withData: number }>();
  for (const mix of mixes) {
    let count = counts.get(mix.department);
    if (!count) {
      count = { positions: 0, withData: 0 };
      counts.set(mix.department, count);
    }
    count.positions++;
    if (mix.hasData) count.withData++;
  }
  return Array.from(counts, ([department, count]) => ({ department, ...coverage(count.positions, count.withData) })).sort(
    (a, b) =>
      (a.pct ?? 0) - (b.pct ?? 0) ||
      b.positions - a.positions ||
      byName(a.department, b.department),
  );
}

function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Coverage of import records, before a snapshot exists. */
export interface RecordCoverage extends Coverage {
  /** Employee ids (or post references) of the first positions without responsibilities, at most RECORD_COVERAGE_EXAMPLES. */
  examples: string[];
}

export const RECORD_COVERAGE_EXAMPLES = 5;
export const NO_RESPONSIBILITIES_CODE = 'POSITIONS_WITHOUT_RESPONSIBILITIES';

export function recordCoverage(
  people: readonly Pick<PeopleRecord, 'employeeId'>[],
  responsibilities: readonly Pick<ResponsibilityRecord, 'employeeId'>[],
): RecordCoverage {
  const described = new Set<string>();
  for (const record of responsibilities) described.add(record.employeeId);
  let withData = 0;
  const examples: string[] = [];
  for (const person of people) {
    if (described.has(person.employeeId)) withData++;
    else if (examples.length < RECORD_COVERAGE_EXAMPLES) examples.push(person.employeeId);
  }
  return { ...coverage(people.length, withData), examples };
}

/**
 * The warning an import gives when positions have no responsibilities (null when every one has
 * some): the analysis treats their work as unknown, so HR should know how much of the chart that is.
 * `file` names the responsibilities file (or the people file when there is none).
 */
export function missingResponsibilitiesWarning(
  people: readonly Pick<PeopleRecord, 'employeeId'>[],
  responsibilities: readonly Pick<ResponsibilityRecord, 'employeeId'>[],
  file: string,
): ImportIssue | null {
  const found = recordCoverage(people, responsibilities);
  if (found.withoutData === 0) return null;
  const consequence =
    'Their work is treated as unknown: they are never suggested as delegates or said to have free time, ' +
    'and findings that need their work are reported as not checked.';
  const message =
    found.withData === 0
      ? `None of the ${count(found.positions)} positions has responsibilities recorded. ${consequence}`
      : `${count(found.withoutData)} of ${count(found.positions)} positions (${formatPct((found.withoutData / found.positions) * 100)}) have no responsibilities recorded, ` +
        `for example ${listOf(found.examples)}. ${consequence}`;
  return { file, row: null, column: null, value: null, message, code: NO_RESPONSIBILITIES_CODE };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function formatPct(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}%`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
