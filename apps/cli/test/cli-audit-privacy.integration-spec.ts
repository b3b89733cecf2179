import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-privacy-'));
// An organization of its own: the other CLI specs share this database and its demo organization.
const ORG = ['--org', 'Privacy Test Org'];

beforeAll(() => {
  const people = path.join(dir, 'people.csv');
  fs.writeFileSync(
    people,
    [
      'employee_id,name,email,title,manager_id,performance_rating',
      'P1,Ada Quill,ada@example.test,Chief Executive,,4',
      'P2,Ben Orr,ben@example.test,Engineering Manager,P1,5',
      'P3,Cy Vance,cy@example.test,Engineer,P2,3',
      'P30,Dee Vance,dee@example.test,Engineer,P2,3',
    ].join('\n'),
  );
  const responsibilities = path.join(dir, 'responsibilities.csv');
  fs.writeFileSync(
    responsibilities,
    ['employee_id,responsibility,share', 'P3,write the release notes,40', 'P30,fix production bugs,60'].join('\n'),
  );
  const imported = runCli(['import', people, '--responsibilities', responsibilities, ...ORG]);
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rolemap audit and rolemap person', () => {
  it('lists the import in the audit log, as the local operator', () => {
    const result = runCli(['audit', ...ORG, '--json']);
    expect(result.status).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log.entries).toEqual([
      expect.objectContaining({ action: 'import', actorName: 'local operator', actorId: null, target: 'snapshot v1', ip: null }),
    ]);
    expect(runCli(['audit', ...ORG, '--action', 'import']).stdout).toMatch(/import\s+local operator\s+snapshot v1/);
    expect(runCli(['audit', ...ORG, '--action', 'bogus']).stderr).toMatch(/--action must be one of/);
  });

  it('exports a person as JSON to a private file', () => {
    const out = path.join(dir, 'p3.json');
    const result = runCli(['person', 'export', 'P3', ...ORG, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Wrote .*p3\.json \(1 snapshot/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const data = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(data.snapshots[0]).toMatchObject({ name: 'Cy Vance', email: 'cy@example.test', performanceRating: 3 });
    expect(data.snapshots[0].responsibilities).toEqual([expect.objectContaining({ title: 'write the release notes' })]);
  });

  it('erases a person only with --yes, leaving P30 and an audit entry', () => {
    const refused = runCli(['person', 'erase', 'P3', ...ORG]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const erased = runCli(['person', 'erase', 'P3', ...ORG, '--yes', '--json']);
    expect(erased.stderr).toBe('');
    expect(JSON.parse(erased.stdout)).toMatchObject({ snapshots: 1, people: 1, responsibilities: 1 });
    const gone = runCli(['person', 'export', 'P3', ...ORG]);
    expect(gone.status).toBe(2);
    expect(gone.stderr).toMatch(/Nobody with employee id P3/);
    const kept = JSON.parse(runCli(['person', 'export', 'P30', ...ORG]).stdout);
    expect(kept.snapshots[0]).toMatchObject({
      name: 'Dee Vance',
      responsibilities: [expect.objectContaining({ title: 'fix production bugs' })],
    });
    const csv = runCli(['audit', ...ORG, '--csv']).stdout;
    expect(csv.split('\r\n')[0]).toBe('at,action,actor_id,actor_name,target,details,ip,user_agent');
    expect(csv).toMatch(/,erasure,,local operator,a person \(erased\),/);
    expect(csv).not.toMatch(/\bP3\b/);
  });
});
