/**
 * Runs every public data set in ../shared/datasets (see its README.md) through the importer
 * and pins the outcome: an exact import, or precise row-numbered errors. Those files may
 * not be redistributed, so they live outside the repo; without them this suite fails in CI and
 * is skipped (with a warning) elsewhere.
 */
import { locateRealDatasets } from '@rolemap/demo-data';
import type { ImportIssue } from '@rolemap/domain';
import path from 'node:path';
import { parsePeopleFile } from './people/parse-people-file';
import type { PeopleImportOptions } from './types';

// Fails under CI=true when the data sets are missing; skips with a warning elsewhere.
const { dir: DATASETS, available } = locateRealDatasets('libs/importers/src/real-data.spec.ts');
const describeWithData = available ? describe : describe.skip;

function importPeople(relativePath: string, options: PeopleImportOptions = {}) {
  const file = path.join(DATASETS, relativePath);
  return parsePeopleFile({ fileName: path.basename(file), path: file }, options);
}

/** code/row/column/value of each issue, the parts a user needs to find the cell. */
function located(issues: readonly ImportIssue[]): [string, number | null, string | null, string | null][] {
  return issues.map((issue) => [issue.code, issue.row, issue.column, issue.value]);
}

const UK = 'uk-gov-organograms';
const UK_MANAGER = 'Reports to Senior Post';

describeWithData('real data sets', () => {
  describe('d3-org-chart sample data', () => {
    it('imports org.csv: 1,516 people under one root, trimming stray spaces', async () => {
      const result = await importPeople('d3-org-chart-sample-data/org.csv');
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, rowCount: 1516 });
      expect(result.records).toHaveLength(1516);
      expect(result.records.filter((record) => record.managerId === null).map((record) => record.employeeId)).toEqual(['O-6066']);
      expect(result.records[1]).toMatchObject({
        employeeId: 'O-6067',
        name: 'Davolio Nancy',
        title: 'CTO',
        managerId: 'O-6066',
        department: 'Corporate',
        location: 'CEO office',
      });
      expect(result.records[2].name).toBe('Leverling Janet');
    });

    it('imports data-oracle.csv: 107 people, "name" + "lastName" joined, ISO timestamps read as dates', async () => {
      const result = await importPeople('d3-org-chart-sample-data/data-oracle.csv');
      expect(result.errors).toEqual([]);
      expect(result.records).toHaveLength(107);
      expect(result.mapping.fields.name).toMatchObject({ header: 'name + lastName', method: 'derived' });
      expect(result.records[0]).toMatchObject({
        employeeId: '100',
        name: 'Steven King',
        title: 'Chief Operating Officer',
        managerId: null,
        hireDate: '2003-07-16',
        department: 'Executive',
        location: 'Washington',
      });
      expect(result.records.filter((record) => record.managerId === null)).toHaveLength(1);
    });

    it('imports sample.json: its root object (item 1) has no positionName, a warning, not a refusal', async () => {
      const result = await importPeople('d3-org-chart-sample-data/sample.json');
      expect(result.format).toBe('json');
      expect(result.rowCount).toBe(1516);
      expect(result.errors).toEqual([]);
      expect(result.records).toHaveLength(1516);
      expect(located(result.warnings)).toEqual([['MISSING_TITLE', 1, 'positionName', '']]);
      expect(result.warnings[0].message).toBe(
        'Item 1 has no job title; it is imported without one, so its tier comes from the grade or the place in the chart.',
      );
      expect(result.records[0]).toMatchObject({ employeeId: 'O-6066', title: '', managerId: null });
    });

    it('rejects flatData.json: a package tree with no title column', async () => {
      const result = await importPeople('d3-org-chart-sample-data/flatData.json');
      expect(result.rowCount).toBe(251);
      expect(located(result.errors)).toEqual([['MISSING_COLUMN', null, null, null]]);
      expect(result.errors[0].message).toContain('No title column was found among "value", "id", "parentId"');
    });

    it('imports simple-json-hierarchy.json without titles (a warning), its mixed-type ids resolved', async () => {
      const result = await importPeople('d3-org-chart-sample-data/simple-json-hierarchy.json');
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((issue) => issue.code)).toEqual(['MISSING_COLUMN']);
      expect(result.records.map((record) => [record.employeeId, record.managerId])).toEqual([
        ['1', null],
        ['2', '1'],
        ['3', '1'],
      ]);
    });
  });

  describe('IBM HR attrition (no manager column)', () => {
    it('fails as a single chart: all 1,470 people are tops', async () => {
      const result = await importPeople('ibm-hr-attrition/emp_attrition.csv', { asOf: '2020-01-01' });
      expect(result.encoding).toBe('utf-8-bom');
      expect(located(result.errors)).toEqual([['MULTIPLE_ROOTS', null, null, '1470']]);
      expect(result.errors[0].message).toContain('no manager column, so all 1470 people are at the top (rows 2, 3, 4,');
    });

    it('imports as a forest with tenure turned into dates and hours into FTE', async () => {
      const result = await importPeople('ibm-hr-attrition/emp_attrition.csv', { asOf: '2020-01-01', allowMultipleRoots: true });
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((issue) => issue.code)).toEqual(['MISSING_COLUMN']);
      expect(result.records).toHaveLength(1470);
      // Row 2: 41, Sales Executive, YearsAtCompany 6, YearsInCurrentRole 4, YearsSinceLastPromotion 0, PerformanceRating 3.
      expect(result.records[0]).toMatchObject({
        employeeId: '1',
        title: 'Sales Executive',
        department: 'Sales',
        hireDate: '2014-01-01',
        roleStartDate: '2016-01-01',
        lastPromotionDate: '2020-01-01',
        performanceRating: 3,
        fte: 1,
      });
      expect(new Set(result.records.map((record) => record.performanceRating))).toEqual(new Set([3, 4]));
    });
  });

  it('imports Northwind employees: NULL root, quoted commas, SQL timestamps', async () => {
    const result = await importPeople('northwind-employees/employees.csv');
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(9);
    expect(result.records[1]).toMatchObject({
      rowNumber: 3,
      employeeId: '2',
      name: 'Andrew Fuller',
      title: 'Vice President, Sales',
      managerId: null,
      hireDate: '1992-08-14',
      location: 'Tacoma',
    });
    expect(result.records[0]).toMatchObject({ name: 'Nancy Davolio', managerId: '2', hireDate: '1992-05-01' });
  });

  describe('AdventureWorks (headerless dumps)', () => {
    const dimEmployeeMap = {
      '2': 'employee_id',
      '3': 'manager_id',
      '7': 'first_name',
      '8': 'last_name',
      '11': 'title',
      '12': 'hire_date',
      '15': 'email',
      '28': 'department',
    };

    it('DimEmployee.csv: asks for a mapping, then imports all 296 rows under one root', async () => {
      const unmapped = await importPeople('adventureworks-dw-employee/DimEmployee.csv');
      expect(unmapped).toMatchObject({ hasHeader: false, delimiter: '|' });
      expect(unmapped.errors.map((issue) => issue.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN']);

      const result = await importPeople('adventureworks-dw-employee/DimEmployee.csv', { map: dimEmployeeMap });
      expect(result.errors).toEqual([]);
      expect(result.records).toHaveLength(296);
      expect(result.records[0]).toMatchObject({
        rowNumber: 1,
        employeeId: '1',
        name: 'Guy Gilbert',
        title: 'Production Technician - WC60',
        managerId: '18',
        hireDate: '2006-01-28',
        email: 'guy1@adventure-works.com',
        department: 'Production',
      });
      expect(result.records.filter((record) => record.managerId === null)).toHaveLength(1);
    });

    it('DimEmployee.csv with its StartDate/EndDate mapped: the 290 current rows, history skipped and counted', async () => {
      const map = { ...dimEmployeeMap, '29': 'valid_from', '30': 'valid_to' };
      const result = await importPeople('adventureworks-dw-employee/DimEmployee.csv', { map, asOf: '2014-06-30' });
      expect(result.errors).toEqual([]);
      expect(result.records).toHaveLength(290);
      expect(located(result.warnings)).toEqual([
        ['NO_HEADER', 1, null, null],
        ['HISTORY_ROWS', 4, 'Column 29 / Column 30', null],
      ]);
      expect(result.warnings[1].rows).toEqual([4, 7, 98, 143, 278, 279]);
      expect(result.warnings[1].message).toContain('Skipped 6 history rows (rows 4, 7, 98, 143, 278 and 279) of 5 people');
      // The 23 rows that report to an ended key of their manager now report to the current one.
      expect(result.warnings[1].message).toContain(
        "23 rows report to an earlier row of their manager; they now report to the manager's current row.",
      );
      const ids = new Set(result.records.map((record) => record.employeeId));
      expect(result.records.every((record) => record.managerId === null || ids.has(record.managerId))).toBe(true);
      expect(result.records.filter((record) => record.managerId === null)).toHaveLength(1);
      // Rob Walters: key 4 ended 2009-12-28, key 5 is current.
      expect(result.records.filter((record) => record.name === 'Rob Walters').map((record) => record.employeeId)).toEqual(['5']);
    });

    it('Employee.csv: tab-delimited, no manager column, so a forest of 290', async () => {
      const map = { '1': 'employee_id', '6': 'title', '10': 'hire_date' };
      const single = await importPeople('adventureworks-oltp-hr/Employee.csv', { map });
      expect(single).toMatchObject({ hasHeader: false, delimiter: '\t', rowCount: 290 });
      expect(located(single.errors)).toEqual([['MULTIPLE_ROOTS', null, null, '290']]);
      const forest = await importPeople('adventureworks-oltp-hr/Employee.csv', { map, allowMultipleRoots: true });
      expect(forest.errors).toEqual([]);
      expect(forest.records[0]).toMatchObject({
        rowNumber: 1,
        employeeId: '1',
        title: 'Chief Executive Officer',
        hireDate: '2009-01-14',
      });
    });
  });

  describe('UK government organograms (senior posts)', () => {
    it.each([
      ['cabinet_office-2011-03-31-senior.csv', 216, 59],
      ['department_for_international_development-2014-03-31-senior.csv', 29, 0],
      ['department_for_international_development-2014-09-30-senior.csv', 92, 0],
    ])('imports %s (%i posts, %i without a name read as vacant)', async (file, posts, vacant) => {
      const result = await importPeople(`${UK}/${file}`);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.records).toHaveLength(posts);
      expect(result.records.filter((record) => record.vacant)).toHaveLength(vacant);
      expect(result.records.filter((record) => record.managerId === null)).toHaveLength(1);
    });

    it.each([
      ['department_for_international_development-2011-03-31-senior.csv', [10, 30, 67], [30]],
      ['department_for_international_development-2011-09-30-senior.csv', [37, 43, 56], [37]],
      ['department_for_international_development-2013-09-30-senior.csv', [12, 15, 62, 78], [15, 62, 78]],
    ])('rejects %s: two XX tops plus self-references make several tops', async (file, rootRows, selfReferenceRows) => {
      const result = await importPeople(`${UK}/${file}`);
      expect(located(result.errors)).toEqual([['MULTIPLE_ROOTS', null, UK_MANAGER, String(rootRows.length)]]);
      expect(result.errors[0].message).toContain(
        `(rows ${rootRows.slice(0, -1).join(', ')} and ${rootRows[rootRows.length - 1]})`,
      );
      expect(result.warnings.map((issue) => [issue.code, issue.row])).toEqual(
        selfReferenceRows.map((row) => ['SELF_REFERENCE', row]),
      );
      const allowed = await importPeople(`${UK}/${file}`, { allowMultipleRoots: true });
      expect(allowed.errors).toEqual([]);
    });

    it('rejects DFID 2013-03-31: two duplicated posts whose copies carry a URL as FTE, and two tops', async () => {
      const result = await importPeople(`${UK}/department_for_international_development-2013-03-31-senior.csv`);
      expect(located(result.errors)).toEqual([
        [
          'BAD_FTE',
          71,
          'FTE',
          'http://organogram.data.gov.uk/data/dfid/2013-03-31/organoggram-staff-salary-transparency-Sept-2012#tenure48',
        ],
        [
          'BAD_FTE',
          76,
          'FTE',
          'http://organogram.data.gov.uk/data/dfid/2013-03-31/organoggram-staff-salary-transparency-Sept-2012#tenure15',
        ],
        ['DUPLICATE_ID', 71, 'Post Unique Reference', 'B72'],
        ['DUPLICATE_ID', 76, 'Post Unique Reference', 'A16'],
        ['MULTIPLE_ROOTS', null, UK_MANAGER, '2'],
      ]);
      expect(result.errors[2].message).toBe('Employee id "B72" appears on rows 70 and 71; each person needs their own id.');
      expect(result.errors[3].message).toBe('Employee id "A16" appears on rows 75 and 76; each person needs their own id.');
      expect(result.errors[4].message).toContain('2 people have no manager (rows 8 and 65)');
    });

    it('rejects the MoD forest of 11 tops, and imports it when a forest is allowed', async () => {
      const file = `${UK}/ministry_of_defence-2016-03-31-senior.csv`;
      const single = await importPeople(file);
      expect(located(single.errors)).toEqual([
        ['SHARED_ID', 667, 'Post Unique Reference', '00000609'],
        ['MULTIPLE_ROOTS', null, UK_MANAGER, '11'],
      ]);
      expect(single.errors[0].message).toContain('with different names ("Alexander Lambert", "Jennifer Henderson")');
      expect(single.errors[1].message).toContain('(rows 25, 77, 91, 123, 177, 188, 292, 414, 538, 561 and 619)');
      expect(single.errors[1].rows).toEqual([25, 77, 91, 123, 177, 188, 292, 414, 538, 561, 619]);

      // Only HR can say the shared post is a job share rather than a mistake.
      const forestOnly = await importPeople(file, { allowMultipleRoots: true });
      expect(located(forestOnly.errors)).toEqual([['SHARED_ID', 667, 'Post Unique Reference', '00000609']]);
      const forest = await importPeople(file, { allowMultipleRoots: true, jobShares: true });
      expect(forest.errors).toEqual([]);
      expect(forest.records).toHaveLength(705);
      // Post 00000609 is a job share (two named holders, same title and manager).
      expect(located(forest.warnings)).toEqual([['JOB_SHARE', 667, 'Post Unique Reference', '00000609']]);
      expect(
        forest.records
          .filter((record) => record.employeeId.startsWith('00000609'))
          .map((record) => [record.employeeId, record.name, record.fte]),
      ).toEqual([
        ['00000609', 'Alexander Lambert', 1],
        ['00000609#2', 'Jennifer Henderson', 0.68],
      ]);
      expect(forest.records.filter((record) => record.vacant)).toHaveLength(42);
      expect(forest.records.filter((record) => record.name === 'N/D')).toHaveLength(484);
    });
  });
});
