import { parsePeopleFile } from '../people/parse-people-file';
import type { ImportIssue } from '@rolemap/domain';
import { codes, issueWith, upload } from '../testing/upload';

function located(issues: readonly ImportIssue[]) {
  return issues.map((issue) => [issue.code, issue.row, issue.column, issue.value]);
}

const HEADER = 'Employee ID,Name,Title,Manager ID';

function csv(...rows: string[]) {
  return upload('people.csv', [HEADER, ...rows].join('\n'));
}

describe('people validation', () => {
  it('imports a clean chart with no issues', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,NULL', '2,Bob,CTO,1', '3,Cy,Dev,2'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.mapping.managerReference).toBe('employee_id');
  });

  it('names both rows of a duplicate id and keeps the first', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', '2,Bob,CTO,1', '2,Bob,CTO,1'));
    expect(result.errors).toEqual([
      {
        file: 'people.csv',
        row: 4,
        column: 'Employee ID',
        value: '2',
        code: 'DUPLICATE_ID',
        message: 'Employee id "2" appears on rows 3 and 4; each person needs their own id.',
        rows: [3, 4],
      },
    ]);
    expect(result.records.map((record) => record.rowNumber)).toEqual([2, 3]);
  });

  it('refuses one id on two named people by default: a job share only when HR says so', async () => {
    const file = () => csv('1,Ann,CEO,', '7,Bob Smith,Director,1', '7,Jo Jones,Director,1', '8,Cy,Dev,7');
    const strict = await parsePeopleFile(file());
    expect(strict.warnings).toEqual([]);
    expect(strict.errors).toEqual([expect.objectContaining({ code: 'SHARED_ID', row: 4, value: '7', rows: [3, 4] })]);
    expect(strict.errors[0].message).toBe(
      'Employee id "7" appears on rows 3 and 4 with different names ("Bob Smith", "Jo Jones") and the same title and manager; give each person their own id, or if the post is a job share, read different names on one id as a job share (--job-shares).',
    );
    const web = await parsePeopleFile(file(), { hints: 'web' });
    expect(web.errors[0].message).toContain(
      'if the post is a job share, tick "Same id, different names is a job share" and check again.',
    );
    expect(web.errors[0].message).not.toContain('--');

    const shared = await parsePeopleFile(file(), { jobShares: true });
    expect(shared.errors).toEqual([]);
    expect(issueWith(shared.warnings, 'JOB_SHARE')).toMatchObject({ row: 4, value: '7', rows: [3, 4] });
    expect(shared.records.map((record) => [record.employeeId, record.managerId])).toEqual([
      ['1', null],
      ['7', '1'],
      ['7#2', '1'],
      ['8', '7'],
    ]);
  });

  it('never reads one id with different titles or managers as a job share, even when allowed', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', '7,Bob Smith,Director,1', '7,Jo Jones,Engineer,1'), {
      jobShares: true,
    });
    expect(codes(result.errors)).toEqual(['DUPLICATE_ID']);
    expect(result.errors[0].message).toBe('Employee id "7" appears on rows 3 and 4; each person needs their own id.');
  });

  it('reports unknown managers with row, column and value', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', '2,Bob,CTO,99'));
    expect(result.errors).toEqual([
      {
        file: 'people.csv',
        row: 3,
        column: 'Manager ID',
        value: '99',
        code: 'UNKNOWN_MANAGER',
        message: 'Row 3: manager "99" is not the employee id of anyone in this file.',
      },
    ]);
  });

  it('names the whole cycle once, starting at its earliest row', async () => {
    const result = await parsePeopleFile(csv('X,Root,CEO,', 'C,Cy,Dev,A', 'A,Ann,Lead,B', 'D,Dee,Dev,C', 'B,Bob,Mgr,C'));
    expect(codes(result.errors)).toEqual(['CYCLE']);
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'Manager ID', value: 'A' });
    expect(result.errors[0].message).toBe(
      'Reporting lines go round in a circle of 3: C (row 3) → A (row 4) → B (row 6) → C. Someone in it must report outside the circle.',
    );
  });

  it('reports every separate cycle', async () => {
    const result = await parsePeopleFile(csv('R,Root,CEO,', 'A,Ann,Lead,B', 'B,Bob,Mgr,A', 'C,Cy,Dev,D', 'D,Dee,Dev,C'));
    expect(codes(result.errors)).toEqual(['CYCLE', 'CYCLE']);
  });

  it('handles a 100,000-deep chain and a 100,000-long cycle without recursion', async () => {
    const size = 100_000;
    const chain = Array.from({ length: size }, (_, index) => `${index},P${index},Dev,${index === 0 ? '' : index - 1}`);
    const chainResult = await parsePeopleFile(csv(...chain));
    expect(chainResult.errors).toEqual([]);
    expect(chainResult.records).toHaveLength(size);

    const cycle = Array.from({ length: size }, (_, index) => `${index},P${index},Dev,${(index + 1) % size}`);
    const cycleResult = await parsePeopleFile(csv(...cycle));
    expect(codes(cycleResult.errors)).toEqual(['CYCLE']);
    expect(cycleResult.errors[0].message).toContain(`circle of ${size}: 0 (row 2) → 1 (row 3)`);
    expect(cycleResult.errors[0].message).toContain(`… ${size - 12} more → 0.`);
  });

  it('rejects several tops unless allowed, capping the listed rows', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `${index},P${index},Dev,`);
    const result = await parsePeopleFile(csv(...rows));
    const issue = issueWith(result.errors, 'MULTIPLE_ROOTS');
    expect(issue).toMatchObject({ row: null, column: 'Manager ID', value: '30' });
    expect(issue.message).toContain(
      '30 people have no manager (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 and 10 more)',
    );
    const allowed = await parsePeopleFile(csv(...rows), { allowMultipleRoots: true });
    expect(allowed.errors).toEqual([]);
  });

  it.each(['', 'NULL', 'null', 'XX', 'none', 'N/A', '-'])('reads manager %p as the top', async (marker) => {
    const result = await parsePeopleFile(csv(`1,Ann,CEO,${marker}`, '2,Bob,CTO,1'));
    expect(result.errors).toEqual([]);
    expect(result.records[0].managerId).toBeNull();
  });

  it('reads reporting to oneself as a top, with a warning naming the row', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,1', '2,Bob,CTO,1'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'SELF_REFERENCE', row: 2, value: '1' })]);
    expect(result.records[0].managerId).toBeNull();
  });

  it('requires an employee id and a name or title; a missing title is one warning naming the rows', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', ',Nobody,Dev,1', '3,,,1', '4,Dee,,1', '5,Eve,,1'));
    expect(result.errors.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['REQUIRED', 3, 'Employee ID'],
      ['REQUIRED', 4, 'Name'],
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'people.csv',
        row: 5,
        column: 'Title',
        value: '',
        code: 'MISSING_TITLE',
        rows: [5, 6],
        message:
          'Rows 5 and 6 have no job title; they are imported without one, so their tiers come from the grade or the place in the chart.',
      },
    ]);
  });

  it('imports a chart whose root alone has no title (d3-org-chart sample.json), with a warning', async () => {
    const result = await parsePeopleFile(csv('1,Ann,,', '2,Bob,CTO,1', '3,Cy,Dev,2'));
    expect(result.errors).toEqual([]);
    expect(located(result.warnings)).toEqual([['MISSING_TITLE', 2, 'Title', '']]);
    expect(result.warnings[0].message).toBe(
      'Row 2 has no job title; it is imported without one, so its tier comes from the grade or the place in the chart.',
    );
    expect(result.records.map((record) => [record.employeeId, record.title])).toEqual([
      ['1', ''],
      ['2', 'CTO'],
      ['3', 'Dev'],
    ]);
  });

  it('imports a file with names but no title column, with a warning; without either it fails', async () => {
    const named = await parsePeopleFile(upload('people.csv', 'id,parentId,name\n1,,Ann\n2,1,Bob\n'));
    expect(named.errors).toEqual([]);
    expect(codes(named.warnings)).toEqual(['MISSING_COLUMN']);
    expect(named.warnings[0].message).toContain('people are imported without titles, so tiers come from grades or the structure');
    const bare = await parsePeopleFile(upload('people.csv', 'id,parentId,value\n1,,3\n2,1,4\n'));
    expect(codes(bare.errors)).toEqual(['MISSING_COLUMN']);
  });

  it('lists every top of a forest in the error, and words the fix for the surface', async () => {
    const file = () => csv('1,Ann,CEO,', '2,Bob,CTO,', '3,Cy,Dev,1', '4,Dee,COO,');
    const cli = await parsePeopleFile(file());
    expect(cli.errors).toEqual([expect.objectContaining({ code: 'MULTIPLE_ROOTS', row: null, rows: [2, 3, 5] })]);
    expect(cli.errors[0].message).toContain('(--allow-multiple-roots)');
    const web = await parsePeopleFile(file(), { hints: 'web' });
    expect(web.errors[0].message).toBe(
      '3 people have no manager (rows 2, 3 and 5); an org chart has one top. Give each of them a manager, or, if the file is a forest of separate trees, tick "Allow several top posts" and check again.',
    );
  });

  it('takes the current row of each person from a history export and says how many were skipped', async () => {
    const history = [
      'Key,Name,Title,Manager ID,Email,Valid From,Valid To',
      '1,Ann,CEO,,ann@x.org,2010-01-01,',
      '2,Bob,Lead,1,bob@x.org,2010-01-01,2019-12-31',
      '3,Bob,Director,1,bob@x.org,2020-01-01,',
      '4,Cy,Dev,2,cy@x.org,2015-01-01,',
      '5,Dee,Dev,1,dee@x.org,2010-01-01,2012-06-30',
    ].join('\n');
    const result = await parsePeopleFile(upload('people.csv', history), { asOf: '2024-03-31' });
    expect(result.errors).toEqual([]);
    expect(located(result.warnings)).toEqual([['HISTORY_ROWS', 3, 'Valid From / Valid To', null]]);
    expect(result.warnings[0].rows).toEqual([3, 6]);
    expect(result.warnings[0].message).toBe(
      "Skipped 2 history rows (rows 3 and 6) of 2 people: their Valid From / Valid To do not include the chart's date 2024-03-31, so the current row of each person is imported. 1 row reports to an earlier row of their manager; they now report to the manager's current row.",
    );
    expect(result.records.map((record) => [record.employeeId, record.title, record.managerId])).toEqual([
      ['1', 'CEO', null],
      ['3', 'Director', '1'],
      ['4', 'Dev', '3'],
    ]);
    // As of an earlier date the other rows are current.
    const earlier = await parsePeopleFile(upload('people.csv', history), { asOf: '2011-01-01' });
    expect(earlier.records.map((record) => record.employeeId)).toEqual(['1', '2', '5']);
  });

  it('reads one id on several dated rows as the history of one person', async () => {
    const history = [
      'id,name,title,manager,effective from,effective to',
      '1,Ann,CEO,,2010-01-01,',
      '2,Bob,Dev,1,2010-01-01,2019-12-31',
      '2,Bob,Lead,1,2020-01-01,',
    ].join('\n');
    const result = await parsePeopleFile(upload('people.csv', history), { asOf: '2024-03-31' });
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(['HISTORY_ROWS']);
    expect(result.records.map((record) => [record.employeeId, record.title])).toEqual([
      ['1', 'CEO'],
      ['2', 'Lead'],
    ]);
  });

  it('marks "Vacant" and nameless posts with a title as vacant, and keeps N/D as the name', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', '2,Vacant,CTO,1', '3,,Engineer,2', '4,N/D,Director,1'));
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => [record.name, record.vacant])).toEqual([
      ['Ann', false],
      ['Vacant', true],
      ['', true],
      ['N/D', false],
    ]);
  });

  it('errors when no employee id column is found, telling the user to map one', async () => {
    const result = await parsePeopleFile(upload('people.csv', 'Name,Title\nAnn,CEO\n'));
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'MISSING_COLUMN',
        row: null,
        message: expect.stringContaining('No employee_id column was found among "Name", "Title"; map the column'),
      }),
    ]);
  });

  describe('managers by e-mail or name', () => {
    it('resolves a "Manager Email" column to employee ids, ignoring case', async () => {
      const text = [
        'ID,Name,Title,Work Email,Manager Email',
        'E1,Ann,CEO,ann@x.com,',
        'E2,Bob,CTO,bob@x.com,ANN@x.com',
        'E3,Cy,Dev,cy@x.com,bob@x.com',
      ].join('\n');
      const result = await parsePeopleFile(upload('people.csv', text));
      expect(result.errors).toEqual([]);
      expect(result.mapping.managerReference).toBe('email');
      expect(result.records.map((record) => record.managerId)).toEqual([null, 'E1', 'E2']);
    });

    it('sees that a "Reports To" column holds names and resolves them', async () => {
      const text = ['ID,Name,Title,Reports To', 'E1,Ann Boss,CEO,', 'E2,Bob Tech,CTO,Ann Boss', 'E3,Cy Dev,Dev,bob  tech'].join(
        '\n',
      );
      const result = await parsePeopleFile(upload('people.csv', text));
      expect(result.errors).toEqual([]);
      expect(result.mapping.managerReference).toBe('name');
      expect(result.records.map((record) => record.managerId)).toEqual([null, 'E1', 'E2']);
    });

    it('errors on a manager name two people share, naming both rows', async () => {
      const text = [
        'ID,Name,Title,Manager',
        'E1,Ann Boss,CEO,',
        'E2,Sam Lee,CTO,Ann Boss',
        'E3,Sam Lee,CFO,Ann Boss',
        'E4,Cy Dev,Dev,Sam Lee',
        'E5,Di,Dev,Nobody',
      ].join('\n');
      const result = await parsePeopleFile(upload('people.csv', text));
      expect(result.errors.map((issue) => [issue.code, issue.row, issue.value])).toEqual([
        ['AMBIGUOUS_MANAGER', 5, 'Sam Lee'],
        ['UNKNOWN_MANAGER', 6, 'Nobody'],
      ]);
      expect(result.errors[0].message).toContain('rows 3 and 4');
      expect(result.errors[1].message).toBe('Row 6: manager "Nobody" is not the name of anyone in this file.');
    });
  });

  describe('values', () => {
    const header = 'ID,Name,Title,Manager,Hire Date,Rating,FTE';

    it('reads ISO, SQL timestamps, Excel serials and named months', async () => {
      const rows = [
        '1,A,CEO,,1992-05-01 00:00:00.000,5,100%',
        '2,B,Dev,1,2003-07-16T19:00:00.000Z,1,0.5',
        '3,C,Dev,1,43831,3.5,80%',
        '4,D,Dev,1,01-May-1992,,',
        '5,E,Dev,1,"May 3, 2001",,1',
      ];
      const result = await parsePeopleFile(upload('people.csv', [header, ...rows].join('\n')));
      expect(result.errors).toEqual([]);
      expect(result.records.map((record) => [record.hireDate, record.performanceRating, record.fte])).toEqual([
        ['1992-05-01', 5, 1],
        ['2003-07-16', 1, 0.5],
        ['2020-01-01', 3.5, 0.8],
        ['1992-05-01', null, null],
        ['2001-05-03', null, 1],
      ]);
    });

    it('decides dd/mm/yyyy or mm/dd/yyyy per column from the values', async () => {
      const dayFirst = await parsePeopleFile(
        upload('people.csv', [header, '1,A,CEO,,03/04/2020,,', '2,B,Dev,1,25/12/2019,,'].join('\n')),
      );
      expect(dayFirst.records.map((record) => record.hireDate)).toEqual(['2020-04-03', '2019-12-25']);
      const monthFirst = await parsePeopleFile(
        upload('people.csv', [header, '1,A,CEO,,03/04/2020,,', '2,B,Dev,1,12/25/2019,,'].join('\n')),
      );
      expect(monthFirst.records.map((record) => record.hireDate)).toEqual(['2020-03-04', '2019-12-25']);
      const forced = await parsePeopleFile(upload('people.csv', [header, '1,A,CEO,,03/04/2020,,'].join('\n')), {
        dateOrder: 'MDY',
      });
      expect(forced.records[0].hireDate).toBe('2020-03-04');
    });

    it('errors on a truly ambiguous date, and on dates that are not dates', async () => {
      const rows = ['1,A,CEO,,03/04/2020,,', '2,B,Dev,1,05/05/2020,,', '3,C,Dev,1,2020-02-30,,', '4,D,Dev,1,soon,,'];
      const result = await parsePeopleFile(upload('people.csv', [header, ...rows].join('\n')));
      expect(result.errors.map((issue) => [issue.code, issue.row, issue.column, issue.value])).toEqual([
        ['BAD_DATE', 2, 'Hire Date', '03/04/2020'],
        ['BAD_DATE', 4, 'Hire Date', '2020-02-30'],
        ['BAD_DATE', 5, 'Hire Date', 'soon'],
      ]);
      expect(result.errors[0].message).toContain('ambiguous: it could be 3 apr 2020 (dd/mm/yyyy) or 4 mar 2020 (mm/dd/yyyy)');
      expect(result.records[1].hireDate).toBe('2020-05-05');
    });

    it('checks numbers, rating range and FTE range', async () => {
      const rows = [
        '1,A,CEO,,,great,',
        '2,B,Dev,1,,6,',
        '3,C,Dev,1,,0,1.6',
        '4,D,Dev,1,,,0',
        '5,E,Dev,1,,,80',
        '6,F,Dev,1,,,full',
      ];
      const result = await parsePeopleFile(upload('people.csv', [header, ...rows].join('\n')));
      expect(result.errors.map((issue) => [issue.code, issue.row, issue.value])).toEqual([
        ['BAD_NUMBER', 2, 'great'],
        ['RATING_OUT_OF_RANGE', 3, '6'],
        ['RATING_OUT_OF_RANGE', 4, '0'],
        ['BAD_FTE', 4, '1.6'],
        ['BAD_FTE', 5, '0'],
        ['BAD_FTE', 6, '80'],
        ['BAD_FTE', 7, 'full'],
      ]);
      expect(result.errors[5].message).toContain('If it is a percentage, write 80%.');
    });

    it('derives dates from tenure counts relative to asOf and FTE from weekly hours', async () => {
      const text = [
        'EmployeeNumber,JobRole,YearsInCurrentRole,YearsSinceLastPromotion,StandardHours',
        '1,CEO,4,0,40',
        '2,Dev,2.5,1,20',
        '3,Dev,x,,40',
      ].join('\n');
      const result = await parsePeopleFile(upload('ibm.csv', text), { asOf: '2024-08-31', allowMultipleRoots: true });
      expect(result.records.map((record) => [record.roleStartDate, record.lastPromotionDate, record.fte])).toEqual([
        ['2020-08-31', '2024-08-31', 1],
        ['2022-02-28', '2023-08-31', 0.5],
        [null, null, 1],
      ]);
      expect(result.errors.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
        ['BAD_NUMBER', 4, 'YearsInCurrentRole'],
      ]);
    });
  });
});
