import ExcelJS from 'exceljs';
import { buildOrganizationSummary } from '../model/build-organization-summary';
import { buildRoleDefinitions } from '../model/build-role-definitions';
import { AWKWARD_TITLE, awkwardInputs, collect, demoInputs, INJECTION, sparseInputs } from '../testing/report-fixtures';
import { cellValue, writeXlsx } from './write-xlsx';
import type { Report } from '../model/report-types';

async function workbookOf(report: Report): Promise<ExcelJS.Workbook> {
  const { out, done } = collect();
  await writeXlsx(report, out);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await done) as unknown as ArrayBuffer);
  return workbook;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1).values as unknown[];
  const index = row.indexOf(header);
  if (index < 1) throw new Error(`no column ${header} in ${sheet.name}`);
  return index;
}

function rowWhere(sheet: ExcelJS.Worksheet, header: string, value: unknown): ExcelJS.Row {
  const column = columnOf(sheet, header);
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column).value === value) return sheet.getRow(r);
  throw new Error(`no row with ${header} = ${String(value)} in ${sheet.name}`);
}

describe('writeXlsx', () => {
  const awkward = awkwardInputs();
  const report = buildRoleDefinitions(awkward.snapshot, awkward.analysis, awkward.policy, awkward.options, { all: true });
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await workbookOf(report);
  });

  it('has one sheet per section, each with a frozen header row, an autofilter and set widths', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Roles',
      'Responsibilities',
      'Delegations',
      'Decision rights',
      'Take on',
      'Findings',
      'Severity',
      'About',
    ]);
    // Every role's purpose (a marked draft until HR writes one) and its decision rights, one row per level.
    const roleSheet = workbook.getWorksheet('Roles')!;
    const headers = (roleSheet.getRow(1).values as unknown[]).slice(1);
    const purposeStatus = headers.indexOf('Purpose status') + 1;
    expect(purposeStatus).toBeGreaterThan(0);
    expect(roleSheet.getRow(2).getCell(purposeStatus).value).toBe('Draft (generated)');
    expect(workbook.getWorksheet('Decision rights')!.rowCount - 1).toBe(
      report.roles.reduce((sum, role) => sum + role.decisionRights.length, 0),
    );
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    }
    const roles = workbook.getWorksheet('Roles')!;
    expect(roles.rowCount).toBe(report.roles.length + 1);
    expect(String(roles.autoFilter)).toMatch(/^A1:[A-Z]+7$/);
  });

  it('writes numbers as numbers, percents as fractions with a percent format, dates as dates', () => {
    const roles = workbook.getWorksheet('Roles')!;
    const manager = rowWhere(roles, 'Employee ID', 'M1');
    const reports = manager.getCell(columnOf(roles, 'Direct reports'));
    expect(reports.type).toBe(ExcelJS.ValueType.Number);
    expect(reports.value).toBe(3);
    const leadership = manager.getCell(columnOf(roles, 'Leadership expected'));
    expect(leadership.value).toBeCloseTo(0.15);
    expect(leadership.numFmt).toBe('0%');
    const director = rowWhere(roles, 'Employee ID', 'D1');
    const promoted = director.getCell(columnOf(roles, 'Last promotion')).value;
    expect(promoted).toBeInstanceOf(Date);
    expect((promoted as Date).toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });

  it('neutralises a formula in a responsibility title and keeps awkward text intact', () => {
    const sheet = workbook.getWorksheet('Responsibilities')!;
    const column = columnOf(sheet, 'Responsibility');
    const titles: unknown[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) titles.push(sheet.getRow(r).getCell(column).value);
    expect(titles).toContain(`'${INJECTION}`);
    expect(titles).toContain(AWKWARD_TITLE);
    // Read back as plain text, never as a formula.
    const injected = titles.indexOf(`'${INJECTION}`) + 2;
    expect(sheet.getRow(injected).getCell(column).type).toBe(ExcelJS.ValueType.String);
    const delegations = workbook.getWorksheet('Delegations')!;
    expect(
      rowWhere(delegations, 'Responsibility', `'${INJECTION}`).getCell(columnOf(delegations, 'Suggested delegate')).value,
    ).toBe('Ana Silva');
  });

  it('keeps genuine numbers, negative ones included, as numbers', () => {
    expect(cellValue(-5, 'decimal')).toBe(-5);
    expect(cellValue(-5, 'text')).toBe(-5);
    expect(cellValue('-5', 'text')).toBe('-5');
    expect(cellValue('=1+1', 'text')).toBe("'=1+1");
    expect(cellValue(35, 'percent')).toBeCloseTo(0.35);
  });

  it('writes the organization summary sheets from the demo', async () => {
    const demo = demoInputs();
    const summary = await workbookOf(buildOrganizationSummary(demo.snapshot, demo.analysis, demo.policy, demo.options));
    expect(summary.worksheets.map((sheet) => sheet.name)).toEqual([
      'Departments',
      'Findings by kind',
      'Spans',
      'Layers',
      'Coverage',
      'Not checked',
      'Top risks',
      'Structure findings',
      'Tactical leaders',
      'Teams at risk',
      'Severity',
      'About',
    ]);
    const coverage = summary.getWorksheet('Coverage')!;
    expect(coverage.rowCount).toBe(1 + demo.analysis.summary.coverageByDepartment.length);
    expect(coverage.getRow(2).getCell(columnOf(coverage, 'Coverage')).value).toBe(1);
    const severity = summary.getWorksheet('Severity')!;
    expect(String(severity.getRow(2).getCell(3).value)).toMatch(/^act on it this review cycle/);
    const risks = summary.getWorksheet('Top risks')!;
    expect(risks.rowCount).toBe(11);
    expect(typeof risks.getRow(2).getCell(columnOf(risks, 'Severity')).value).toBe('number');
    expect(String(risks.getRow(2).getCell(columnOf(risks, 'Explanation')).value)).toMatch(/was promoted to|is rated/);
  });

  it('leaves the actual mix empty for a role without data, and says why', async () => {
    const sparse = sparseInputs();
    const book = await workbookOf(
      buildRoleDefinitions(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, { all: true }),
    );
    const roles = book.getWorksheet('Roles')!;
    const manager = rowWhere(roles, 'Employee ID', 'M1');
    expect(manager.getCell(columnOf(roles, 'Implementation actual')).value).toBeNull();
    expect(manager.getCell(columnOf(roles, 'Implementation expected')).value).toBeCloseTo(0.3);
    expect(manager.getCell(columnOf(roles, 'Data')).value).toBe('No responsibilities recorded: not assessed');
    expect(manager.getCell(columnOf(roles, 'Not checked')).value).toBe('Delegation gap: no responsibilities recorded');
    const technician = rowWhere(roles, 'Employee ID', 'A1');
    expect(technician.getCell(columnOf(roles, 'Implementation actual')).value).toBe(1);
    const delegations = book.getWorksheet('Delegations')!;
    const chain = rowWhere(delegations, 'Responsibility', 'Calibrate the gripper sensors');
    expect(chain.getCell(columnOf(delegations, 'Outcome')).value).toBe('Delegate makes room');
    expect(chain.getCell(columnOf(delegations, 'Hand-offs')).value).toBe('Alex Tech → Sam Tech: Log daily checks (20%)');
    const none = rowWhere(delegations, 'Responsibility', 'Fix broken robots');
    expect(none.getCell(columnOf(delegations, 'Best fit')).value).toBe('Sam Tech');
    expect(String(none.getCell(columnOf(delegations, 'Next step')).value)).toMatch(/^Hire or re-scope/);
  });
});
