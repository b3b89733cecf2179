import Papa from 'papaparse';
import { buildDelegationReview } from '../model/build-delegation-review';
import { buildOrganizationSummary } from '../model/build-organization-summary';
import { buildRoleDefinitions } from '../model/build-role-definitions';
import { AWKWARD_TITLE, awkwardInputs, collect, demoInputs, INJECTION } from '../testing/report-fixtures';
import { csvField, UTF8_BOM, writeCsv } from './write-csv';
import type { Report } from '../model/report-types';
import type { WriteReportOptions } from '../write-report-options';

async function csvOf(report: Report, options?: WriteReportOptions): Promise<{ raw: string; rows: string[][] }> {
  const { out, done } = collect();
  await writeCsv(report, out, options);
  const raw = (await done).toString('utf8');
  const parsed = Papa.parse<string[]>(raw.slice(UTF8_BOM.length), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { raw, rows: parsed.data };
}

const awkward = awkwardInputs();
const awkwardRoles = buildRoleDefinitions(awkward.snapshot, awkward.analysis, awkward.policy, awkward.options, { all: true });

describe('writeCsv', () => {
  it('writes the Roles table of role definitions, UTF-8 with a BOM and CRLF line ends', async () => {
    const { raw, rows } = await csvOf(awkwardRoles);
    expect(raw.startsWith('\uFEFFEmployee ID,Holder,Title,')).toBe(true);
    expect(raw.split('\r\n').length).toBeGreaterThan(awkwardRoles.roles.length);
    expect(rows).toHaveLength(awkwardRoles.roles.length + 1);
    const header = rows[0];
    const zoe = rows.find((row) => row[0] === 'M1')!;
    expect(zoe[header.indexOf('Holder')]).toBe('Zoë Łukasiewicz');
    expect(zoe[header.indexOf('Direct reports')]).toBe('3');
    expect(zoe[header.indexOf('Leadership expected')]).toBe('15');
    const vacant = rows.find((row) => row[0] === 'V1')!;
    expect(vacant[header.indexOf('Holder')]).toBe('Vacant');
  });

  it('quotes commas, quotes and line breaks and neutralises formulas (Responsibilities table)', async () => {
    const { raw, rows } = await csvOf(awkwardRoles, { csvTable: 'Responsibilities' });
    const titles = rows.slice(1).map((row) => row[rows[0].indexOf('Responsibility')]);
    expect(titles).toContain(AWKWARD_TITLE);
    expect(titles).toContain(`'${INJECTION}`);
    expect(titles).not.toContain(INJECTION);
    expect(raw).toContain('"Review ""big"" deals, weekly\nand report back"');
    // Numbers stay bare numbers.
    const share = rows.slice(1).find((row) => row[0] === 'S1')![rows[0].indexOf('Share of time')];
    expect(share).toBe('50');
  });

  it('writes the delegation table of a delegation review, one row per gap', async () => {
    const review = buildDelegationReview(awkward.snapshot, awkward.analysis, awkward.policy, awkward.options, 'D1');
    const { rows } = await csvOf(review);
    expect(rows[0].slice(0, 5)).toEqual(['Leader ID', 'Leader', 'Leader title', 'Responsibility', 'Share of time']);
    expect(rows).toHaveLength(3);
    // Eli Novak has no responsibilities recorded: unknown time is not free time, so never the delegate.
    expect(rows.map((row) => row[rows[0].indexOf('Suggested delegate')])).toEqual([
      'Suggested delegate',
      'Ana Silva',
      'Sam Okafor',
    ]);
    expect(rows.map((row) => row[rows[0].indexOf('Outcome')])).toEqual([
      'Outcome',
      'Delegate has the time',
      'Delegate has the time',
    ]);
    expect(rows[1][3]).toBe(`'${INJECTION}`);
  });

  it('writes the department table of the organization summary', async () => {
    const demo = demoInputs();
    const summary = buildOrganizationSummary(demo.snapshot, demo.analysis, demo.policy, demo.options);
    const { rows } = await csvOf(summary);
    expect(rows[0]).toEqual([
      'Department',
      'Findings',
      'Promoted, still tactical',
      'Delegation gap',
      'Pigeonholing risk',
      'Span of control',
      'Layers',
      'Positions',
      'With responsibilities',
      'Coverage',
    ]);
    expect(rows[1][0]).toBe('Engineering');
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(demo.analysis.findings.length);
    // Every department is listed with its coverage, those without findings too.
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[7]), 0)).toBe(demo.snapshot.positions.length);
    for (const row of rows.slice(1)) {
      const covered = summary.coverage.byDepartment.find((department) => department.department === row[0])!;
      expect(row.slice(7).map(Number)).toEqual([covered.positions, covered.withData, covered.pct]);
    }
  });

  it('reports progress row by row and rejects an unknown table', async () => {
    const calls: Array<[number, number]> = [];
    await csvOf(awkwardRoles, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual(awkwardRoles.roles.map((_, i) => [i + 1, awkwardRoles.roles.length]));
    await expect(writeCsv(awkwardRoles, collect().out, { csvTable: 'Nope' })).rejects.toThrow(
      /no table "Nope"; it has Roles, Responsibilities/,
    );
  });

  it('formats single fields per RFC 4180', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('+1 555 0100 ext. =2')).toBe(`'+1 555 0100 ext. =2`);
    expect(csvField('-3')).toBe('-3');
  });
});
