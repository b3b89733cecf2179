import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-dictionary-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ORG = ['--org', 'Dictionary Co'];

describe('rolemap dictionary show|export|import against PostgreSQL', () => {
  beforeAll(() => {
    const people = write(
      'people.csv',
      'employee_id,name,title,manager_id\nD1,Dee Chief,Chief Executive Officer,\nD2,Dan Lead,Head of Sales,D1\n',
    );
    const imported = runCli(['import', people, ...ORG, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  });

  it('starts from the starter dictionary and shows it function by function', () => {
    const none = runCli(['dictionary', 'show', ...ORG]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no activity dictionary yet: `rolemap dictionary import --starter`/);

    const starter = runCli(['dictionary', 'import', '--starter', ...ORG]);
    expect(starter.stderr).toBe('');
    expect(starter.stdout).toMatch(/Published the starter dictionary as v1 of "Dictionary Co" \(\d{3} activities\)/);
    expect(runCli(['dictionary', 'import', '--starter', ...ORG]).stdout).toMatch(/already has a dictionary \(v1\)/);

    const management = runCli(['dictionary', 'show', ...ORG, '--function', 'MGT']);
    expect(management.status).toBe(0);
    expect(management.stdout).toMatch(
      /activity dictionary v1 \(copied the starter dictionary, \d{4}-\d\d-\d\d\), \d+ activities, \d+ shown/,
    );
    expect(management.stdout).toMatch(
      /\nMGT {2}Management and leadership\n {2}MGT-01 {2}Managing people\n {4}MGT-01-01 {2}Hold 1:1s with direct reports — unification\n/,
    );
    expect(management.stdout).not.toMatch(/ENG-01/);

    const searched = JSON.parse(runCli(['dictionary', 'show', ...ORG, '--search', 'board', '--json']).stdout);
    expect(searched.version).toBe(1);
    expect(searched.activities.map((activity: { label: string }) => activity.label)).toContain('Prepare board papers');
    expect(runCli(['dictionary', 'show', ...ORG, '--function', 'NOPE']).status).toBe(2);
  });

  it('exports a version, takes an edited file back as the next version, and refuses a bad one with rows', () => {
    const csv = runCli(['dictionary', 'export', ...ORG]);
    expect(csv.status).toBe(0);
    expect(csv.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,parent_id,label,description,level');
    const xlsxPath = path.join(dir, 'dictionary.xlsx');
    const xlsx = runCli(['dictionary', 'export', ...ORG, '--out', xlsxPath]);
    expect(xlsx.stderr).toMatch(/Wrote dictionary v1 \(\d+ activities\)/);
    expect(fs.readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
    expect(runCli(['dictionary', 'export', ...ORG, '--format', 'xlsx']).status).toBe(2);

    const same = runCli(['dictionary', 'import', xlsxPath, ...ORG]);
    expect(same.stdout).toMatch(/Identical to the current dictionary/);

    const edited = write(
      'edited.csv',
      csv.stdout.replace('Hold 1:1s with direct reports', 'Hold weekly 1:1s with direct reports') +
        'MGT-01-99,MGT-01,Write the team newsletter,,\r\n',
    );
    const dry = runCli(['dictionary', 'import', edited, ...ORG, '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ version: null, dryRun: true, suggested: 1 });
    const published = runCli(['dictionary', 'import', edited, ...ORG]);
    expect(published.stderr).toBe('');
    expect(published.stdout).toMatch(
      /Published v2 of the dictionary of "Dictionary Co": \d+ activities in \d+ entries, 1 levels suggested/,
    );
    const v2 = runCli(['dictionary', 'show', ...ORG, '--function', 'MGT']).stdout;
    expect(v2).toMatch(/Hold weekly 1:1s with direct reports — unification/);
    expect(v2).toMatch(/MGT-01-99 {2}Write the team newsletter — [a-z]+ \(suggested, to confirm\)/);
    expect(runCli(['dictionary', 'show', ...ORG, '--version', '1', '--function', 'MGT']).stdout).toMatch(
      /Hold 1:1s with direct reports/,
    );

    const bad = write(
      'bad.csv',
      'id,parent_id,label,level\nS,,Sales,\nS-1,S,Deals,\nS-1-1,S-1,,implementation\nS-1-2,S-7,Orphan,maybe\n',
    );
    const refused = runCli(['dictionary', 'import', bad, ...ORG]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/3 error\(s\); nothing was imported/);
    expect(refused.stderr).toMatch(/bad\.csv, row 4, column "label": Every entry needs a label/);
    expect(refused.stderr).toMatch(/bad\.csv, row 5, column "parent_id": The parent id "S-7"/);
    const json = runCli(['dictionary', 'import', bad, ...ORG, '--json']);
    expect(
      JSON.parse(json.stdout)
        .errors.map((issue: { code: string }) => issue.code)
        .sort(),
    ).toEqual(['EMPTY_LABEL', 'UNKNOWN_LEVEL', 'UNKNOWN_PARENT']);
    expect(JSON.parse(runCli(['dictionary', 'show', ...ORG, '--json']).stdout).version).toBe(2);
  });
});
