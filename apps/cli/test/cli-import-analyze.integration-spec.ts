import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-import-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rolemap import and analyze against PostgreSQL', () => {
  const people = write(
    'people.csv',
    '\uFEFFEmployee ID,Name,Job Title,Reports To,Department,Last Promotion Date,Performance Rating\r\n' +
      'P1,Priya Shah,Chief Executive Officer,,Leadership,2018-01-01,5\r\n' +
      'P2,"Lee, Sam",Director of Engineering,P1,Engineering,2026-03-01,4\r\n' +
      'P3,Ana Lima,Software Engineer,P2,Engineering,,4\r\n' +
      'P4,Bo Chen,Software Engineer,P2,Engineering,,3\r\n',
  );
  const responsibilities = write(
    'responsibilities.csv',
    'employee_id;responsibility;value_level;share;since\n' +
      'P1;Set the three-year strategy;LEADERSHIP;60;2018-01-01\n' +
      'P2;Write code for the payments service;;50;2020-01-01\n' +
      'P2;Run the engineering leadership meeting;UNIFICATION;20;2026-03-01\n' +
      'P3;Build the mobile app;IMPLEMENTATION;60;2022-01-01\n',
  );

  it('imports with --json and prints the documented success object', () => {
    const result = runCli([
      'import',
      people,
      '--responsibilities',
      responsibilities,
      '--org',
      'CLI Co',
      '--as-of',
      '2026-11-01',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      organization: 'CLI Co',
      snapshot: 1,
      people: 4,
      positions: 4,
      responsibilities: 4,
    });
    // Bo Chen (P4) has no responsibilities recorded: the import says so, and what it means.
    expect(output.warnings).toEqual([
      expect.objectContaining({ file: 'responsibilities.csv', code: 'POSITIONS_WITHOUT_RESPONSIBILITIES', row: null }),
    ]);
    expect(output.warnings[0].message).toMatch(
      /^1 of 4 positions \(25%\) have no responsibilities recorded, for example P4\. .*never suggested as delegates/,
    );
  });

  it('warns in text too how many positions have no responsibilities', () => {
    const result = runCli(['import', people, '--responsibilities', responsibilities, '--org', 'CLI Co', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 warning\(s\):\n.*1 of 4 positions \(25%\) have no responsibilities recorded/);
  });

  it('fails with --json errors naming file, row, column and value, exit code 2, nothing written', () => {
    const bad = write(
      'bad.csv',
      'employee_id,name,title,manager_id,performance_rating\nB1,Boss,CEO,,5\nB2,Worker,Engineer,B1,9\n',
    );
    const result = runCli(['import', bad, '--org', 'CLI Co', '--json']);
    expect(result.status).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['errors']);
    expect(output.errors).toEqual([
      expect.objectContaining({ file: 'bad.csv', row: 3, column: 'performance_rating', value: '9', code: 'RATING_OUT_OF_RANGE' }),
    ]);
    const analyze = JSON.parse(runCli(['analyze', '--org', 'CLI Co', '--json']).stdout);
    expect(analyze.snapshot).toBe(1);
  });

  it('keeps half-point ratings, and refuses a date that does not exist', () => {
    const halves = write(
      'halves.csv',
      'employee_id,name,title,manager_id,performance_rating\nH1,Boss,CEO,,4.5\nH2,Worker,Engineer,H1,3.5\n',
    );
    expect(runCli(['import', halves, '--org', 'Halves Co', '--json']).status).toBe(0);
    const badDate = runCli(['import', halves, '--org', 'Halves Co', '--as-of', '2026-02-30', '--json']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--as-of must be a real date/);
  });

  it('prints readable errors without --json', () => {
    const bad = write('cycle.csv', 'employee_id,name,title,manager_id\nC1,One,Manager,C2\nC2,Two,Manager,C1\n');
    const result = runCli(['import', bad, '--org', 'Cycle Co']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cycle\.csv, row \d, column "manager_id": .*C1.*C2/);
    expect(result.stderr).toMatch(/nothing was imported/);
  });

  it('analyzes with --json: findings with kind fields and a summary', () => {
    const result = runCli(['analyze', '--org', 'CLI Co', '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.summary.positionCount).toBe(4);
    const tactical = output.findings.find((finding: { kind: string }) => finding.kind === 'PROMOTED_STILL_TACTICAL');
    expect(tactical).toMatchObject({ employeeId: 'P2', name: 'Lee, Sam', status: 'OPEN' });
    expect(tactical.explanation).toMatch(/promoted to Director of Engineering on 2026-03-01/);
    const gap = output.findings.find((finding: { kind: string }) => finding.kind === 'DELEGATION_GAP');
    expect(gap).toMatchObject({ employeeId: 'P2', responsibility: 'Write code for the payments service', sharePct: 50 });
    // Nobody in Sam's fully described team has the time: the best fit is named, with what to do next.
    expect(gap).toMatchObject({ outcome: 'NO_ROOM', bestFitName: 'Ana Lima', handOffs: [] });
    expect(gap.nextStep).toMatch(/^Hire or re-scope: Ana Lima/);
    // Bo Chen (P4) has no responsibilities: coverage counts it, and what could not be checked is listed.
    expect(output.summary.coverage).toEqual({ positions: 4, withData: 3, withoutData: 1, pct: 75 });
    expect(output.summary.coverageByDepartment[0]).toMatchObject({ department: 'Engineering', positions: 3, withData: 2 });
    expect(output.notChecked).toEqual([
      expect.objectContaining({ kind: 'PIGEONHOLING_RISK', employeeId: 'P3', name: 'Ana Lima', reason: 'NO_ROLE_DATES' }),
    ]);
    expect(output.summary.notChecked).toMatchObject({ count: 1, positions: 1 });
  });

  it('analyzes with a what-if policy file without saving it, and rejects an invalid one', () => {
    const lenient = write('lenient.json', JSON.stringify({ thresholds: { delegationMinSharePct: 60 } }));
    const whatIf = JSON.parse(runCli(['analyze', '--org', 'CLI Co', '--policy', lenient, '--json']).stdout);
    expect(whatIf.findings.some((finding: { kind: string }) => finding.kind === 'DELEGATION_GAP')).toBe(false);
    const saved = JSON.parse(runCli(['analyze', '--org', 'CLI Co', '--json']).stdout);
    expect(saved.findings.some((finding: { kind: string }) => finding.kind === 'DELEGATION_GAP')).toBe(true);
    const invalid = write('invalid.json', JSON.stringify({ expectedMix: { IC: { IMPLEMENTATION: 95 } } }));
    const result = runCli(['analyze', '--org', 'CLI Co', '--policy', invalid]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/IC mix adds up to 125/);
  });

  it('prints a readable table without --json', () => {
    const result = runCli(['analyze', '--org', 'CLI Co']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/SEVERITY\s+KIND\s+EMPLOYEE\s+NAME/);
    expect(result.stdout).toMatch(
      /Coverage: responsibilities recorded for 3 of 4 positions \(75%\)\n {4}least covered: Engineering 2\/3\n/,
    );
    expect(result.stdout).toMatch(
      /Could not be checked for lack of data: Pigeonholing risk for 1 person: no role start or promotion date \(1\)/,
    );
    expect(result.stdout).toMatch(/Promoted, still tactical\s+P2\s+Lee, Sam/);
  });

  it('diffs two versions: a joiner, a promotion and a move', () => {
    const v2 = write(
      'people-v2.csv',
      'Employee ID,Name,Job Title,Reports To,Department\n' +
        'P1,Priya Shah,Chief Executive Officer,,Leadership\n' +
        'P2,"Lee, Sam",Director of Engineering,P1,Engineering\n' +
        'P3,Ana Lima,Software Engineer,P4,Engineering\n' +
        'P4,Bo Chen,Engineering Manager,P2,Engineering\n' +
        'P5,Cy Diaz,Software Engineer,P4,Engineering\n',
    );
    expect(runCli(['import', v2, '--org', 'CLI Co', '--as-of', '2026-12-01', '--json']).status).toBe(0);
    const diff = JSON.parse(runCli(['diff', '--org', 'CLI Co', '--json']).stdout);
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff.joiners.map((person: { employeeId: string }) => person.employeeId)).toEqual(['P5']);
    expect(diff.leavers).toEqual([]);
    expect(diff.promotions).toEqual([
      expect.objectContaining({ employeeId: 'P4', fromTitle: 'Software Engineer', toTitle: 'Engineering Manager' }),
    ]);
    expect(diff.moves).toEqual([
      expect.objectContaining({ employeeId: 'P3', fromManagerName: 'Lee, Sam', toManagerName: 'Bo Chen' }),
    ]);
    const text = runCli(['diff', '--org', 'CLI Co', '--from', '1', '--to', '2']);
    expect(text.stdout).toMatch(/P4 {2}Bo Chen: Software Engineer → Engineering Manager \(IC → MANAGER\)/);
    expect(runCli(['diff', '--org', 'CLI Co', '--from', '0']).status).toBe(2);
  });

  it('asks for --org when several organizations exist', () => {
    runCli(['seed-demo']);
    const result = runCli(['analyze']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Several organizations exist; choose one with --org.*"CLI Co"/);
  });
});
