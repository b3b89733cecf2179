import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { DEMO_CAST } from '@rolemap/demo-data';
import { readPdf } from '@rolemap/reports/testing';
import { writeFileAtomically } from '../src/commands/report-out-file';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-report-'));
const ORG = ['--org', 'Northwind Robotics'];

beforeAll(() => {
  expect(runCli(['seed-demo']).status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rolemap report', () => {
  it('writes a multi-role PDF with contents and page numbers', async () => {
    const out = path.join(dir, 'engineering.pdf');
    const result = runCli(['report', 'role', '--department', 'Engineering', ...ORG, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Wrote .*engineering\.pdf \(Role definitions/);
    const pdf = await readPdf(fs.readFileSync(out));
    expect(pdf.text).toMatch(/Contents/);
    expect(pdf.text).toMatch(new RegExp(`Page 2 of ${pdf.total}`));
    expect(pdf.text).toMatch(/Director of Engineering, Platform/);
  });

  it('writes an XLSX organization summary, the format taken from --out', async () => {
    const out = path.join(dir, 'summary.xlsx');
    expect(runCli(['report', 'summary', ...ORG, '--out', out]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(workbook.worksheets[0].views[0]).toMatchObject({ state: 'frozen' });
  });

  it('writes Markdown for a delegation review', () => {
    const out = path.join(dir, 'delegation.md');
    expect(runCli(['report', 'delegation', '--employee', 'E0004', ...ORG, '--format', 'md', '--out', out]).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Delegation review/m);
  });

  it('rejects a missing scope or an unknown person with exit code 2 and leaves no file', () => {
    const out = path.join(dir, 'nobody.pdf');
    const noScope = runCli(['report', 'role', ...ORG, '--out', out]);
    expect(noScope.status).toBe(2);
    expect(noScope.stderr).toMatch(/exactly one of --employee, --department or --all/);
    const unknown = runCli(['report', 'role', '--employee', 'NOBODY', ...ORG, '--out', out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/NOBODY/);
    expect(fs.readdirSync(dir).filter((file) => file.startsWith('nobody'))).toEqual([]);
    const noFolder = runCli(['report', 'summary', ...ORG, '--out', path.join(dir, 'missing', 'summary.md')]);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toMatch(/the folder .*missing does not exist/);
  });
});

describe('rolemap report plan', () => {
  it('writes the plan of a scenario named by its name or id, and refuses a report without --scenario', async () => {
    const created = runCli(['scenario', 'create', 'Hand over the pipeline', ...ORG, '--json']);
    expect(created.status).toBe(0);
    const scenario = JSON.parse(created.stdout) as { id: string };
    const edit = {
      kind: 'MOVE_RESPONSIBILITY',
      from: DEMO_CAST.vpSales,
      responsibility: 'Prepare the weekly pipeline spreadsheet',
      to: DEMO_CAST.salesOperationsManager,
    };
    expect(runCli(['scenario', 'add', scenario.id, '--edit', JSON.stringify(edit)]).status).toBe(0);

    const md = path.join(dir, 'plan.md');
    const byName = runCli(['report', 'plan', '--scenario', 'Hand over the pipeline', ...ORG, '--out', md]);
    expect(byName.stderr).toBe('');
    expect(byName.stdout).toMatch(/Wrote .*plan\.md \(Delegation plan/);
    const text = fs.readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Delegation plan: Northwind Robotics/);
    expect(text).toContain('## Scenario: Hand over the pipeline');
    expect(text).toMatch(/\| 1 \| move "Prepare the weekly pipeline spreadsheet" from E0004 to \S+ \(Implementation\) \| Greg/);
    expect(text).toContain('Aisha Karimi');

    const pdf = path.join(dir, 'plan.pdf');
    expect(runCli(['report', 'plan', '--scenario', scenario.id, ...ORG, '--out', pdf]).status).toBe(0);
    expect((await readPdf(fs.readFileSync(pdf))).text).toContain('Scenario: Hand over the pipeline');

    const missing = runCli(['report', 'plan', ...ORG, '--out', path.join(dir, 'noplan.md')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/A plan report needs --scenario <id or name>/);
    const unknown = runCli(['report', 'plan', '--scenario', 'No such plan', ...ORG, '--out', path.join(dir, 'noplan.md')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No scenario with the id or name "No such plan" in Northwind Robotics/);
  });
});

describe('rolemap report --out: clear errors and never half a file', () => {
  it('refuses --out naming a folder with one clear line and exit code 2, writing nothing', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'reports-'));
    for (const args of [
      ['--out', folder],
      ['--out', `${folder}/`, '--format', 'pdf'],
    ]) {
      const result = runCli(['report', 'summary', ...ORG, ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `rolemap: --out ${args[1]} is a folder; give the file to write, e.g. --out ${path.join(args[1], 'summary.pdf')}\n`,
      );
      expect(result.stderr).not.toMatch(/EISDIR|\n\s+at /);
    }
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses --out under a file as if it were a folder', () => {
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'not a folder');
    const result = runCli(['report', 'summary', ...ORG, '--out', path.join(file, 'summary.md')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/plain\.txt is a file, not a folder/);
  });

  it('leaves neither a partial report nor a temporary file when stopped mid-write, and keeps the previous file', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'stopped-'));
    const out = path.join(folder, 'roles.pdf');
    fs.writeFileSync(out, 'the previous report');
    const child = spawn(
      process.execPath,
      [path.resolve(__dirname, '../../../bin/rolemap.js'), 'report', 'role', '--all', ...ORG, '--out', out],
      {
        env: { ...process.env, DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL },
      },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    // Stop it as soon as the temporary file exists, i.e. while the report is being written.
    const deadline = Date.now() + 60_000;
    while (!fs.readdirSync(folder).some((name) => name.endsWith('.partial'))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the report was never being written');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(fs.readdirSync(folder)).toEqual(['roles.pdf']);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous report');
  });

  it('removes the temporary file and keeps the previous one when writing fails', async () => {
    const out = path.join(dir, 'failing.md');
    fs.writeFileSync(out, 'previous');
    await expect(
      writeFileAtomically(out, async (stream) => {
        stream.write('half a report');
        throw new Error('the writer failed');
      }),
    ).rejects.toThrow('the writer failed');
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir).filter((name) => name.includes('failing.md.'))).toEqual([]);
  });
});
