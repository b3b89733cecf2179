import ExcelJS from 'exceljs';
import { buildDelegationPlan } from './model/build-delegation-plan';
import type { Report } from './model/report-types';
import { readPdf } from './testing/read-pdf';
import { collect, planInputs } from './testing/report-fixtures';
import { REPORT_FORMATS, type ReportFormat, writeReport } from './write-report';

async function bytesOf(report: Report, format: ReportFormat): Promise<Buffer> {
  const { out, done } = collect();
  await writeReport(report, format, out);
  return done;
}

describe('the delegation plan report in every format', () => {
  const approved = buildDelegationPlan(planInputs({ approved: true, withinLeader: true }));
  const proposed = buildDelegationPlan(planInputs());

  it('writes Markdown with the plan, the edits and their tracking, the before and after and the findings', async () => {
    const text = (await bytesOf(approved, 'md')).toString('utf8');
    expect(text.startsWith('# Delegation plan: Scenario Co\n\nSnapshot 3, as of 2026-11-01.')).toBe(true);
    expect(text).toContain('## Delegation plan: Delegation plan, v3\n');
    expect(text).toContain('- Status: Approved (version 4)\n- Owner: Dana\n- Approved by: Harriet HR on 2026-11-05');
    expect(text).toContain('> APPROVED: Do it this quarter');
    expect(text).toContain(
      '| 1 | move "Code reviews" from D1 to E2 (Implementation) | Dana Reyes (D1) | Sam Lee (E2) | all, 20% | Dana | Done: E2 now spends 20% on it and D1 0% |',
    );
    expect(text).toContain('Not done: D1 still spends 40% on it and E1 0%');
    expect(text).toContain('Against snapshot 4 (as of 2026-12-01): 1 done, 0 partly done, 1 not done.');
    expect(text).toContain('| Delegation gaps | 1 | 0 |');
    expect(text).toContain('### Dana Reyes (D1)\n');
    expect(text).toContain('**Booked time:** 100% → 70%');
    expect(text).toContain('| Implementation | 10% | 20% | 0% | −20 pts |');
    expect(text).toMatch(/## Findings that disappear\n\n- \*\*Delegation gap\*\* \([A-Za-z]+, [\d.]+\): Dana Reyes \(D1\):/);
    expect(text).toContain('## Findings that appear\n\nNone.');
    const notTracked = (await bytesOf(proposed, 'md')).toString('utf8');
    expect(notTracked).toContain('## Tracking\n\nThe plan is proposed: once HR approves it');
    expect(notTracked).not.toContain('| Progress |');
  });

  it('writes XLSX sheets for the edits, the before and after, the findings and the figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(approved, 'xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Edits',
      'Before and after',
      'Findings',
      'Figures',
      'Severity',
      'About',
    ]);
    const edits = workbook.getWorksheet('Edits')!;
    expect(edits.getRow(2).values).toEqual([
      undefined,
      1,
      'move "Code reviews" from D1 to E2',
      'D1',
      'Dana Reyes',
      'E2',
      'Sam Lee',
      'Code reviews',
      'Implementation',
      0.2,
      'Yes',
      'Dana',
      undefined,
      'Done',
      'E2 now spends 20% on it and D1 0%',
    ]);
    expect(edits.getRow(3).getCell(13).value).toBe('Not done');
    const affected = workbook.getWorksheet('Before and after')!;
    const header = affected.getRow(1).values as unknown[];
    const director = affected.getRow(2).values as unknown[];
    expect(director[header.indexOf('Employee ID')]).toBe('D1');
    expect(director[header.indexOf('Booked before')]).toBe(1);
    expect(director[header.indexOf('Booked after')]).toBe(0.7);
    expect(director[header.indexOf('Implementation before')]).toBe(0.2);
    expect(director[header.indexOf('Implementation after')]).toBe(0);
    const findings = workbook.getWorksheet('Findings')!;
    expect(findings.getRow(2).getCell(1).value).toBe('Disappears');
    expect(findings.getRow(2).getCell(9).value).toBe('DELEGATION_GAP:D1:D1:code reviews');
    const about = workbook.getWorksheet('About')!;
    const facts = Object.fromEntries(
      about
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(facts).toMatchObject({ Scenario: 'Delegation plan, v3', Status: 'Approved', 'Approved by': 'Harriet HR', Done: 1 });
  });

  it('writes the edits table as CSV', async () => {
    const text = (await bytesOf(approved, 'csv')).toString('utf8');
    expect(text.startsWith('\uFEFF#,Edit,From ID,From,To ID,To,')).toBe(true);
    expect(text).toContain(
      '1,"move ""Code reviews"" from D1 to E2",D1,Dana Reyes,E2,Sam Lee,Code reviews,Implementation,20,Yes,Dana,,Done,',
    );
  });

  it('writes a PDF with the plan, its edits, the before and after and the tracking', async () => {
    const pdf = await readPdf(await bytesOf(approved, 'pdf'));
    expect(pdf.total).toBeGreaterThan(2);
    expect(pdf.title).toBe('Delegation plan: Scenario Co');
    expect(pdf.text).toContain('Delegation plan: Delegation plan, v3');
    expect(pdf.text).toContain('Harriet HR');
    expect(pdf.text).toMatch(/move "Code reviews" from D1 to\s+E2/);
    expect(pdf.text).toMatch(/Was the delegation done\?/);
    expect(pdf.text).toMatch(/E2 now spends 20%\s+on\s+it\s+and\s+D1\s+0%/);
    expect(pdf.text).toMatch(/Sam Lee \(E2\)/);
    expect(pdf.text).toMatch(/Findings that disappear/);
    expect(pdf.text).toMatch(/Page 1 of \d+/);
  }, 30_000);

  it.each(REPORT_FORMATS)('gives the same bytes for the same plan (%s)', async (format) => {
    const again = buildDelegationPlan(planInputs({ approved: true, withinLeader: true }));
    expect((await bytesOf(approved, format)).equals(await bytesOf(again, format))).toBe(true);
  });
});
