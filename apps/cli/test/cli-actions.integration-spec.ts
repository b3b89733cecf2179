import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-actions-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ORG = ['--org', 'Actions Co'];
const HEADER = 'employee_id,name,title,manager_id,department\n';
const TOP =
  'A1,Rosa Park,Chief Executive Officer,,Board\nA2,Tom Ito,Head of Sales,A1,Sales\nA3,Mia Roy,Account Executive,A2,Sales\n';

interface Finding {
  key: string;
  kind: string;
  employeeId: string;
}

describe('rolemap actions against PostgreSQL', () => {
  let spanOfSales: Finding;
  let spanOfCeo: Finding;

  beforeAll(() => {
    // Each leader has a single report: two spans too narrow.
    const imported = runCli(['import', write('v1.csv', HEADER + TOP), ...ORG, '--as-of', '2026-01-01', '--json']);
    expect(imported.stderr).toBe('');
    const findings: Finding[] = JSON.parse(runCli(['analyze', ...ORG, '--json']).stdout).findings;
    spanOfSales = findings.find((finding) => finding.kind === 'SPAN_OF_CONTROL' && finding.employeeId === 'A2')!;
    spanOfCeo = findings.find((finding) => finding.kind === 'SPAN_OF_CONTROL' && finding.employeeId === 'A1')!;
    expect(spanOfSales && spanOfCeo).toBeTruthy();
  });

  it('accepts a finding with a plan, lists it overdue, and moves it on by its short id', () => {
    const added = runCli([
      'actions',
      'add',
      spanOfSales.key,
      ...ORG,
      '--step',
      'delegate',
      '--delegate-to',
      'Mia Roy',
      '--due',
      '2020-01-31',
      '--note',
      'Mia leads the new accounts',
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(
      /^Accepted SPAN_OF_CONTROL:A2; action [0-9a-f]{8} opened: delegate to Mia Roy, owner Tom Ito, due 2020-01-31\./,
    );
    const suggested = JSON.parse(runCli(['actions', 'add', spanOfCeo.key, ...ORG, '--json']).stdout);
    expect(suggested.action).toMatchObject({ owner: 'Rosa Park', step: 'STOP_DOING', status: 'OPEN' });

    const listed = runCli(['actions', ...ORG]);
    expect(listed.stdout).toMatch(/^Actions Co, snapshot v1: 2 actions, 1 overdue\n/);
    expect(listed.stdout).toMatch(
      /OPEN +due 2020-01-31 {2}OVERDUE\n +Span of control: Tom Ito — delegate to Mia Roy, owner Tom Ito\n +note: Mia leads/,
    );
    const team = JSON.parse(runCli(['actions', 'list', ...ORG, '--leader', 'A2', '--json']).stdout);
    expect(team.actions.map((action: { findingKey: string }) => action.findingKey)).toEqual([spanOfSales.key]);

    const id = (JSON.parse(runCli(['actions', ...ORG, '--overdue', '--json']).stdout).actions[0].id as string).slice(0, 8);
    const set = runCli(['actions', 'set', id, 'in-progress', ...ORG]);
    expect(set.stderr).toBe('');
    expect(set.stdout).toBe(`Action ${id} (${spanOfSales.key}) is now IN_PROGRESS.\n`);
  });

  it('refuses what it cannot do, saying why, with exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['actions', 'set', 'abc', 'done', ...ORG], /at least the first 8 characters/],
      [['actions', 'set', 'ffffffff', 'done', ...ORG], /no action with id ffffffff/],
      [['actions', 'set', 'ffffffff', 'finished', ...ORG], /status must be one of OPEN, IN_PROGRESS, DONE, CANCELLED/],
      [['actions', 'add', spanOfSales.key, ...ORG, '--step', 'promote'], /--step must be one of DELEGATE, STOP_DOING, HIRE/],
      [['actions', 'add', spanOfSales.key, ...ORG, '--due', '2026-02-30'], /action\.dueOn must be a date written YYYY-MM-DD/],
      [['actions', 'add', 'SPAN_OF_CONTROL:NOBODY', ...ORG], /No finding with key SPAN_OF_CONTROL:NOBODY/],
      [['actions', ...ORG, '--leader', 'Z9'], /--leader: nobody with employee id Z9/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      expect(run.stderr).toMatch(message);
      expect(run.status).toBe(2);
    }
  });

  it('marks done, on the next import, the action whose finding is gone', () => {
    // Tom Ito now has two reports; the chief executive still has one.
    const next = runCli([
      'import',
      write('v2.csv', HEADER + TOP + 'A4,Ian Fox,Account Executive,A2,Sales\n'),
      ...ORG,
      '--as-of',
      '2026-06-01',
      '--json',
    ]);
    expect(next.stderr).toBe('');
    const actions = JSON.parse(runCli(['actions', ...ORG, '--json']).stdout).actions as { findingKey: string; status: string }[];
    expect(actions.find((action) => action.findingKey === spanOfSales.key)?.status).toBe('DONE');
    expect(actions.find((action) => action.findingKey === spanOfCeo.key)?.status).toBe('OPEN');
  });
});
