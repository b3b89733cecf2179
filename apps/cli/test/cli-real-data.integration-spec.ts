import path from 'node:path';
import { locateRealDatasets } from '@rolemap/demo-data';
import { runCli } from './run-cli';

/**
 * Real public org charts (../shared/datasets beside the repository, see its README) imported
 * and analysed end to end through the command line, as HR would. Messy on purpose: each file
 * either imports or fails with precise, row-numbered errors.
 */
// Fails under CI=true when the data sets are missing; skips with a warning elsewhere.
const { dir: DATASETS, available } = locateRealDatasets('apps/cli/test/cli-real-data.integration-spec.ts');
const describeReal = available ? describe : describe.skip;
const file = (relative: string) => path.join(DATASETS, relative);

interface AnalyzeOutput {
  summary: { positionCount: number; findingCount: number; byKind: Record<string, number> };
  findings: { kind: string; explanation: string }[];
}

describeReal('real data sets through import and analyze', () => {
  it('d3-org-chart sample (1,516 people, id/parentId): imports and gets spans findings', () => {
    const imported = runCli(['import', file('d3-org-chart-sample-data/org.csv'), '--org', 'd3 sample', '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ snapshot: 1, positions: 1516 });
    const analysis: AnalyzeOutput = JSON.parse(runCli(['analyze', '--org', 'd3 sample', '--json']).stdout);
    expect(analysis.summary.positionCount).toBe(1516);
    expect(analysis.summary.byKind.SPAN_OF_CONTROL).toBeGreaterThan(0);
  });

  it('Northwind (NULL as the root marker, quoted commas): imports 9', () => {
    const imported = JSON.parse(
      runCli(['import', file('northwind-employees/employees.csv'), '--org', 'Northwind', '--json']).stdout,
    );
    expect(imported).toMatchObject({ snapshot: 1, people: 9 });
  });

  it('UK Ministry of Defence organogram: a forest of 11 tops and a shared post fail with row lists, then import when allowed', () => {
    const mod = file('uk-gov-organograms/ministry_of_defence-2016-03-31-senior.csv');
    const refused = runCli(['import', mod, '--org', 'MoD', '--json']);
    expect(refused.status).toBe(2);
    const errors: { code: string; message: string; rows: number[] }[] = JSON.parse(refused.stdout).errors;
    expect(errors.map((error) => error.code)).toEqual(['SHARED_ID', 'MULTIPLE_ROOTS']);
    const roots = errors[1];
    expect(roots.message).toMatch(/11 people have no manager \(rows \d+/);
    expect(roots.message).toContain('(--allow-multiple-roots)');
    expect(roots.rows).toEqual([25, 77, 91, 123, 177, 188, 292, 414, 538, 561, 619]);
    expect(errors[0]).toMatchObject({ rows: [666, 667] });
    expect(errors[0].message).toContain('(--job-shares)');
    const forestOnly = runCli(['import', mod, '--org', 'MoD', '--allow-multiple-roots', '--json']);
    expect(forestOnly.status).toBe(2);
    const imported = runCli(['import', mod, '--org', 'MoD', '--allow-multiple-roots', '--job-shares', '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ positions: 705 });
    const analysis: AnalyzeOutput = JSON.parse(runCli(['analyze', '--org', 'MoD', '--json']).stdout);
    expect(analysis.summary.positionCount).toBe(705);
  });

  it('UK DFID 2013-03: duplicate ids and broken FTE values are reported by row and column, nothing imported', () => {
    const result = runCli([
      'import',
      file('uk-gov-organograms/department_for_international_development-2013-03-31-senior.csv'),
      '--org',
      'DFID',
      '--json',
    ]);
    expect(result.status).toBe(2);
    const errors: { row: number; column: string; code: string }[] = JSON.parse(result.stdout).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'DUPLICATE_ID', row: 71, column: 'Post Unique Reference' }),
        expect.objectContaining({ code: 'BAD_FTE', row: 76, column: 'FTE' }),
      ]),
    );
    expect(runCli(['analyze', '--org', 'DFID']).status).toBe(2);
  });

  it('UK DFID snapshots over time: two dates import as versions 1 and 2 of one organization', () => {
    for (const date of ['2014-03-31', '2014-09-30']) {
      const result = runCli([
        'import',
        file(`uk-gov-organograms/department_for_international_development-${date}-senior.csv`),
        '--org',
        'DFID over time',
        '--as-of',
        date,
        '--json',
      ]);
      expect(result.status).toBe(0);
    }
    const analysis: AnalyzeOutput & { snapshot: number } = JSON.parse(
      runCli(['analyze', '--org', 'DFID over time', '--json']).stdout,
    );
    expect(analysis.snapshot).toBe(2);
    expect(analysis.summary.positionCount).toBe(92);
    const diff = JSON.parse(runCli(['diff', '--org', 'DFID over time', '--json']).stdout);
    expect(diff).toMatchObject({ from: 1, to: 2 });
    // 29 posts in March, 92 in September: the September file adds posts the March one left out.
    expect(diff.joiners.length).toBeGreaterThan(50);
    const text = runCli(['diff', '--org', 'DFID over time']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/snapshot v1 \(2014-03-31\) → v2 \(2014-09-30\)/);
    expect(text.stdout).toMatch(/^Joiners \(\d+\)$/m);
  });

  it('IBM HR attrition (BOM, CRLF, no manager column): imports as a forest when allowed', () => {
    const ibm = file('ibm-hr-attrition/emp_attrition.csv');
    const imported = runCli(['import', ibm, '--org', 'IBM', '--allow-multiple-roots', '--as-of', '2026-11-01', '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ people: 1470 });
  });

  it('AdventureWorks DW (pipe-delimited, headerless): imports when columns are mapped by number', () => {
    const result = runCli([
      'import',
      file('adventureworks-dw-employee/DimEmployee.csv'),
      '--org',
      'AdventureWorks',
      '--headerless',
      '--map',
      '2=employee_id',
      '--map',
      '3=manager_id',
      '--map',
      '7=first_name',
      '--map',
      '8=last_name',
      '--map',
      '11=title',
      '--map',
      '28=department',
      '--json',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ positions: 296 });
  });
});
