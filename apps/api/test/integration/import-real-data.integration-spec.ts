/**
 * The public data sets (see libs/importers/src/real-data.spec.ts) through the web's path: the
 * GraphQL multipart upload the wizard sends. Every file imports, or fails with errors that name
 * rows; and no message quotes command-line syntax, since the reader is clicking, not typing.
 */
import { locateRealDatasets } from '@rolemap/demo-data';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import path from 'node:path';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const { dir: DATASETS, available } = locateRealDatasets('apps/api/test/integration/import-real-data.integration-spec.ts');
const describeWithData = available ? describe : describe.skip;

const RESULT = `
    ok snapshotVersion people positions
    errors { file row rows column value message code }
    warnings { file row rows column value message code }
    tops { row employeeId name title }`;
const PREVIEW = `mutation($org: String!, $people: Upload!, $responsibilities: Upload, $options: ImportOptions) {
  result: previewImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: $options) {${RESULT} }
}`;
const COMMIT = PREVIEW.replace('previewImport', 'commitImport');

interface Issue {
  file: string;
  row: number | null;
  rows: number[];
  column: string | null;
  value: string | null;
  message: string;
  code: string;
}
interface ImportResponse {
  result: {
    ok: boolean;
    snapshotVersion: number | null;
    people: number;
    positions: number;
    errors: Issue[];
    warnings: Issue[];
    tops: { row: number; employeeId: string; name: string; title: string }[];
  };
}

const UK = 'uk-gov-organograms';
const dataset = (relativePath: string) => ({
  name: path.basename(relativePath),
  content: readFileSync(path.join(DATASETS, relativePath)),
});
/** Command-line syntax a web user cannot act on: flags and option names. */
const CLI_SYNTAX = /--[a-z]|allowMultipleRoots|jobShares/;

describeWithData('real data sets through the web upload (GraphQL multipart, PostgreSQL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  async function send(
    query: string,
    org: string,
    people: string,
    options: Record<string, unknown> = {},
    responsibilities?: string,
  ): Promise<ImportResponse['result']> {
    const files = { people: dataset(people), ...(responsibilities ? { responsibilities: dataset(responsibilities) } : {}) };
    const response = await api.upload<ImportResponse>(query, { org, options }, files, { timeoutMs: 60_000 });
    expect(response.errors).toBeUndefined();
    const result = response.data!.result;
    for (const issue of [...result.errors, ...result.warnings]) expect(issue.message).not.toMatch(CLI_SYNTAX);
    return result;
  }

  it.each([
    ['d3-org-chart-sample-data/org.csv', 1516],
    ['d3-org-chart-sample-data/data-oracle.csv', 107],
    ['northwind-employees/employees.csv', 9],
    [`${UK}/cabinet_office-2011-03-31-senior.csv`, 216],
    [`${UK}/department_for_international_development-2014-03-31-senior.csv`, 29],
    [`${UK}/department_for_international_development-2014-09-30-senior.csv`, 92],
  ])('previews %s as a valid chart of %i posts', async (file, positions) => {
    const result = await send(PREVIEW, 'Real Preview Co', file);
    expect(result.errors).toEqual([]);
    expect(result.positions).toBe(positions);
    expect(result.tops).toHaveLength(1);
  });

  it('imports sample.json, whose root has no positionName: a warning naming item 1, not 1,516 people refused', async () => {
    const result = await send(COMMIT, 'D3 Sample', 'd3-org-chart-sample-data/sample.json');
    expect(result).toMatchObject({ ok: true, snapshotVersion: 1, positions: 1516 });
    expect(result.warnings.map((issue) => [issue.code, issue.row, issue.rows, issue.column])).toEqual([
      ['MISSING_TITLE', 1, [1], 'positionName'],
      ['POSITIONS_WITHOUT_RESPONSIBILITIES', null, [], null],
    ]);
    expect(result.tops).toEqual([{ row: 1, employeeId: 'O-6066', name: 'Ian Devling', title: '' }]);
  });

  it.each([
    ['department_for_international_development-2011-03-31-senior.csv', [10, 30, 67]],
    ['department_for_international_development-2011-09-30-senior.csv', [37, 43, 56]],
    ['department_for_international_development-2013-09-30-senior.csv', [12, 15, 62, 78]],
  ])('lists the tops of %s as rows, and imports it once several tops are allowed', async (file, rootRows) => {
    const refused = await send(PREVIEW, 'DFID', `${UK}/${file}`);
    expect(refused.errors.map((issue) => [issue.code, issue.row, issue.rows])).toEqual([['MULTIPLE_ROOTS', null, rootRows]]);
    expect(refused.errors[0].message).toContain('tick "Allow several top posts" and check again');
    expect(refused.tops.map((top) => top.row)).toEqual(rootRows);
    const allowed = await send(PREVIEW, 'DFID', `${UK}/${file}`, { allowMultipleRoots: true });
    expect(allowed.errors).toEqual([]);
  });

  it('refuses DFID 2013-03-31 with each duplicated post and both tops as row lists', async () => {
    const result = await send(PREVIEW, 'DFID', `${UK}/department_for_international_development-2013-03-31-senior.csv`);
    expect(result.errors.map((issue) => [issue.code, issue.row, issue.rows, issue.value])).toEqual([
      ['BAD_FTE', 71, [71], expect.stringContaining('#tenure48')],
      ['BAD_FTE', 76, [76], expect.stringContaining('#tenure15')],
      ['DUPLICATE_ID', 71, [70, 71], 'B72'],
      ['DUPLICATE_ID', 76, [75, 76], 'A16'],
      ['MULTIPLE_ROOTS', null, [8, 65], '2'],
    ]);
  });

  it('asks HR about the MoD job share and its forest, then imports 705 posts', async () => {
    const file = `${UK}/ministry_of_defence-2016-03-31-senior.csv`;
    const refused = await send(PREVIEW, 'MoD', file);
    expect(refused.errors.map((issue) => [issue.code, issue.rows.length])).toEqual([
      ['SHARED_ID', 2],
      ['MULTIPLE_ROOTS', 11],
    ]);
    expect(refused.errors[0].message).toContain('tick "Same id, different names is a job share" and check again');
    expect(refused.tops).toHaveLength(11);

    const result = await send(COMMIT, 'MoD', file, { allowMultipleRoots: true, jobShares: true, asOf: '2016-03-31' });
    expect(result).toMatchObject({ ok: true, snapshotVersion: 1, positions: 705, errors: [] });
    expect(result.warnings.find((issue) => issue.code === 'JOB_SHARE')).toMatchObject({ row: 667, rows: [666, 667] });
  });

  it('says what a junior-staff file given as responsibilities is, and where it belongs', async () => {
    const result = await send(
      PREVIEW,
      'DFID',
      `${UK}/department_for_international_development-2014-03-31-senior.csv`,
      {},
      `${UK}/department_for_international_development-2014-03-31-junior.csv`,
    );
    expect(result.errors.map((issue) => [issue.file, issue.code])).toEqual([
      ['department_for_international_development-2014-03-31-junior.csv', 'NOT_RESPONSIBILITIES'],
    ]);
    expect(result.errors[0].message).toContain('looks like headcounts of posts under each manager');
  });

  it('says a people file given as responsibilities belongs in the People file', async () => {
    const result = await send(PREVIEW, 'Northwind', 'northwind-employees/employees.csv', {}, 'd3-org-chart-sample-data/org.csv');
    expect(result.errors.map((issue) => issue.code)).toEqual(['NOT_RESPONSIBILITIES']);
    expect(result.errors[0].message).toContain('choose it as the People file instead');
  });

  it.each([
    ['ibm-hr-attrition/emp_attrition.csv', 1470],
    ['adventureworks-oltp-hr/Employee.csv', null],
  ])('refuses %s (no manager column) with a row-numbered error that says what to click', async (file, tops) => {
    const result = await send(PREVIEW, 'No Managers', file);
    expect(result.ok).toBe(false);
    for (const issue of result.errors) expect(issue.rows.length > 0 || issue.code === 'MISSING_COLUMN').toBe(true);
    if (tops !== null) {
      expect(result.errors.map((issue) => [issue.code, issue.rows.length])).toEqual([['MULTIPLE_ROOTS', tops]]);
      expect(result.errors[0].message).toContain(
        'In the column mapping, choose "manager_id" for the column that holds the manager, then check again; or, to import them as separate trees, tick "Allow several top posts" and check again.',
      );
    }
  });

  it('imports DimEmployee with its history columns mapped: current rows only, history counted', async () => {
    const map = {
      '2': 'employee_id',
      '3': 'manager_id',
      '7': 'first_name',
      '8': 'last_name',
      '11': 'title',
      '15': 'email',
      '29': 'valid_from',
      '30': 'valid_to',
    };
    const peopleMap = Object.entries(map).map(([header, field]) => ({ header, field }));
    const result = await send(COMMIT, 'AdventureWorks', 'adventureworks-dw-employee/DimEmployee.csv', {
      peopleMap,
      asOf: '2014-06-30',
    });
    expect(result).toMatchObject({ ok: true, positions: 290, errors: [] });
    const history = result.warnings.find((issue) => issue.code === 'HISTORY_ROWS');
    expect(history).toMatchObject({ rows: [4, 7, 98, 143, 278, 279] });
    expect(result.warnings.find((issue) => issue.code === 'NO_HEADER')?.message).toContain('in the column mapping');
  });

  it("reads tiers from the UK grades first, and from HR's grade table once set", async () => {
    const file = `${UK}/department_for_international_development-2014-09-30-senior.csv`;
    const first = await send(COMMIT, 'DFID Grades', file, { asOf: '2014-09-30' });
    expect(first).toMatchObject({ ok: true, positions: 92 });
    const org = await api.graphql<{ organization: { id: string } }>('{ organization(name: "DFID Grades") { id } }');
    const organizationId = org.data!.organization.id;
    const grades = await api.graphql<{ gradeTiers: { grade: string; tier: string; source: string; positions: number }[] }>(
      'query($o: ID!) { gradeTiers(organizationId: $o) { grade tier source positions } }',
      { o: organizationId },
    );
    expect(grades.data!.gradeTiers).toEqual([
      { grade: 'SCS1', tier: 'DIRECTOR', source: 'DEFAULT', positions: 73 },
      { grade: 'SCS2', tier: 'DIRECTOR', source: 'DEFAULT', positions: 14 },
      { grade: 'SCS3', tier: 'EXECUTIVE', source: 'DEFAULT', positions: 4 },
      { grade: 'SCS4', tier: 'EXECUTIVE', source: 'DEFAULT', positions: 1 },
    ]);
    const set = await api.graphql<{ setGradeTiers: { grade: string; tier: string; source: string }[] }>(
      'mutation($o: ID!) { setGradeTiers(organizationId: $o, input: { grades: [{ grade: "scs 1", tier: MANAGER }] }) { grade tier source } }',
      { o: organizationId },
    );
    expect(set.data!.setGradeTiers[0]).toEqual({ grade: 'SCS1', tier: 'MANAGER', source: 'HR' });
    const second = await send(COMMIT, 'DFID Grades', file, { asOf: '2014-10-01', allowDuplicate: true });
    expect(second.ok).toBe(true);
    const tiers: { tier: string; tier_source: string; n: number }[] = await api.app.get(DataSource).query(
      `SELECT p.tier, p.tier_source, COUNT(*)::int AS n FROM position p JOIN org_snapshot s ON s.id = p.snapshot_id
          WHERE s.organization_id = $1 AND p.grade = 'SCS1' GROUP BY 1, 2 ORDER BY 1`,
      [organizationId],
    );
    // v1 as the scheme says (DIRECTOR), v2 as HR set it (MANAGER); both decided by the grade.
    expect(tiers).toEqual([
      { tier: 'DIRECTOR', tier_source: 'GRADE', n: 73 },
      { tier: 'MANAGER', tier_source: 'GRADE', n: 73 },
    ]);
  });
});
