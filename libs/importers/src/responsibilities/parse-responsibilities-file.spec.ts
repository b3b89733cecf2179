import { codes, upload } from '../testing/upload';
import { parseResponsibilitiesFile } from './parse-responsibilities-file';

const knownEmployeeIds = new Set(['E1', 'E2']);

describe('parseResponsibilitiesFile', () => {
  it('reads levels by name or rank, shares with or without %, and dates', async () => {
    const text = [
      'Employee ID;Responsibility;Description;Value Level;Share;Since',
      'E1;Budget;Yearly plan;leadership;25%;2021-01-01',
      'E1;Hiring;;2;25,5;31/01/2022',
      'E2;Code review;;;50;',
    ].join('\r\n');
    const result = await parseResponsibilitiesFile(upload('resp.csv', text), { knownEmployeeIds });
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(';');
    expect(result.records).toEqual([
      {
        rowNumber: 2,
        employeeId: 'E1',
        responsibility: 'Budget',
        description: 'Yearly plan',
        valueLevel: 'LEADERSHIP',
        sharePct: 25,
        since: '2021-01-01',
      },
      {
        rowNumber: 3,
        employeeId: 'E1',
        responsibility: 'Hiring',
        description: null,
        valueLevel: 'UNIFICATION',
        sharePct: 25.5,
        since: '2022-01-31',
      },
      {
        rowNumber: 4,
        employeeId: 'E2',
        responsibility: 'Code review',
        description: null,
        valueLevel: null,
        sharePct: 50,
        since: null,
      },
    ]);
  });

  it('collects every problem: unknown employee, bad level, bad share, missing values, shares over 100', async () => {
    const text = [
      'employee_id,task,value_level,share %,since',
      'E9,Sales,1,10,',
      'E1,Planning,strategy,10,',
      'E1,,1,10,',
      'E1,Reports,1,lots,',
      'E1,Meetings,1,,',
      'E2,Ops,1,70%,',
      'E2,Support,1,40,',
      'E2,Travel,1,5,someday',
    ].join('\n');
    const result = await parseResponsibilitiesFile(upload('resp.csv', text), { knownEmployeeIds });
    expect(result.errors.map((issue) => [issue.code, issue.row, issue.column, issue.value])).toEqual([
      ['UNKNOWN_EMPLOYEE', 2, 'employee_id', 'E9'],
      ['BAD_VALUE_LEVEL', 3, 'value_level', 'strategy'],
      ['REQUIRED', 4, 'task', ''],
      ['BAD_NUMBER', 5, 'share %', 'lots'],
      ['REQUIRED', 6, 'share %', ''],
      ['BAD_DATE', 9, 'since', 'someday'],
    ]);
  });

  it('warns about one person booked over 100%, naming the rows; above 150% it is an error', async () => {
    const text = ['employee_id,task,share %', 'E1,Ops,70', 'E1,Support,40', 'E2,Ops,100', 'E2,Support,60'].join('\n');
    const result = await parseResponsibilitiesFile(upload('resp.csv', text), { knownEmployeeIds });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'SHARE_OVER_100', row: 2, column: 'share %', value: '110', rows: [2, 3] }),
    ]);
    expect(result.warnings[0].message).toBe(
      'Shares of time for employee "E1" add up to 110% on rows 2 and 3: this person is booked for more than their time.',
    );
    expect(result.errors).toEqual([expect.objectContaining({ code: 'SHARE_OVER_LIMIT', row: 4, value: '160', rows: [4, 5] })]);
    expect(result.errors[0].message).toBe(
      'Shares of time for employee "E2" add up to 160% on rows 4 and 5; above 150% they cannot be one person\'s week. Correct the shares.',
    );
  });

  it('names every row of a person over 100% when their rows are apart, people in the order they first appear', async () => {
    const knownThree = new Set(['E1', 'E2', 'E3']);
    const text = ['employee_id,task,share', 'E2,A,33.3', 'E1,A,60', 'E3,A,50', 'E2,B,33.3', 'E1,B,50', 'E2,C,33.5', 'E3,B,50'];
    const result = await parseResponsibilitiesFile(upload('resp.csv', text.join('\n')), { knownEmployeeIds: knownThree });
    expect(result.warnings.map((issue) => [issue.code, issue.value, issue.rows])).toEqual([
      ['SHARE_OVER_100', '100.1', [2, 5, 7]],
      ['SHARE_OVER_100', '110', [3, 6]],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('says what a secondary file looks like when it is not responsibilities, and where it belongs', async () => {
    const people = await parseResponsibilitiesFile(upload('org.csv', 'Employee ID,Name,Title,Manager ID\nE1,Ann,CEO,\n'), {
      knownEmployeeIds,
      hints: 'web',
    });
    expect(codes(people.errors)).toEqual(['NOT_RESPONSIBILITIES']);
    expect(people.errors[0].message).toBe(
      'This file looks like a people file, not responsibilities: it has "Employee ID" (employee id), "Manager ID" (manager), "Name" (name) and no responsibility or share-of-time column; choose it as the People file instead.',
    );
    const cli = await parseResponsibilitiesFile(upload('org.csv', 'Employee ID,Name,Title,Manager ID\nE1,Ann,CEO,\n'), {
      knownEmployeeIds,
    });
    expect(cli.errors[0].message).toContain('give it as the people file (the first argument) instead of --responsibilities');

    const junior = await parseResponsibilitiesFile(
      upload(
        'junior.csv',
        'Unit,Reporting Senior Post,Grade,Generic Job Title,Number of Posts in FTE\nOps,A2,G7,Administrator,5\n',
      ),
      { knownEmployeeIds, hints: 'web' },
    );
    expect(codes(junior.errors)).toEqual(['NOT_RESPONSIBILITIES']);
    expect(junior.errors[0].message).toContain(
      'looks like headcounts of posts under each manager ("Reporting Senior Post" (manager)',
    );
  });

  it('requires employee, responsibility and share columns', async () => {
    const result = await parseResponsibilitiesFile(upload('resp.csv', 'Who,What\nE1,Budget\n'), { knownEmployeeIds });
    expect(codes(result.errors)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN', 'MISSING_COLUMN']);
    const mapped = await parseResponsibilitiesFile(upload('resp.csv', 'Who,What,How much\nE1,Budget,100\n'), {
      knownEmployeeIds,
      map: { Who: 'employee_id', What: 'responsibility', 'How much': 'share' },
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.records[0].sharePct).toBe(100);
  });
});
