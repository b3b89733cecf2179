import { parsePeopleFile } from '../people/parse-people-file';
import { codes, issueWith, upload } from '../testing/upload';

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
      },
    ]);
    expect(result.records.map((record) => record.rowNumber)).toEqual([2, 3]);
  });

  it('reads one post held by two named people with the same title and manager as a job share', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', '7,Bob Smith,Director,1', '7,Jo Jones,Director,1', '8,Cy,Dev,7'));
    expect(result.errors).toEqual([]);
    expect(issueWith(result.warnings, 'JOB_SHARE')).toMatchObject({ row: 4, value: '7' });
    expect(result.records.map((record) => [record.employeeId, record.managerId])).toEqual([
      ['1', null],
      ['7', '1'],
      ['7#2', '1'],
      ['8', '7'],
    ]);
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

  it('requires an employee id, a name (unless vacant) and a title', async () => {
    const result = await parsePeopleFile(csv('1,Ann,CEO,', ',Nobody,Dev,1', '3,,,1', '4,Dee,,1'));
    expect(result.errors.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['REQUIRED', 3, 'Employee ID'],
      ['REQUIRED', 4, 'Name'],
      ['REQUIRED', 4, 'Title'],
      ['REQUIRED', 5, 'Title'],
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
