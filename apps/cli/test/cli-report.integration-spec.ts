import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readPdf } from '@rolemap/reports/testing';
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
