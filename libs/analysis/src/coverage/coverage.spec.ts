import { DEFAULT_POLICY, type PeopleRecord, type ResponsibilityRecord } from '@rolemap/domain';
import { analyzeSnapshot } from '../analyze/analyze-snapshot';
import { summarize } from '../analyze/summarize';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, positionIdOf as pos, team, type TestPerson } from '../testing/org-builder';
import { coverageByDepartment, coverageOf, missingResponsibilitiesWarning, recordCoverage, subtreeCoverageOf } from './coverage';

const people: TestPerson[] = [
  { id: 'CEO', title: 'CEO', department: null, work: [['Set strategy', 'LEADERSHIP', 100]] },
  { id: 'M1', title: 'Engineering Manager', manager: 'CEO', work: [['Plan sprints', 'UNIFICATION', 100]] },
  ...team('M1', 'E', 3, { work: [['Build', 'IMPLEMENTATION', 80]] }),
  ...team('M1', 'X', 2),
  { id: 'S1', title: 'Sales Manager', manager: 'CEO', department: 'Sales' },
  ...team('S1', 'R', 2, { department: 'Sales' }),
  { id: 'V1', manager: 'S1', department: 'Sales', vacant: true, work: [['Sell', 'IMPLEMENTATION', 100]] },
];
const snapshot = buildSnapshot(people);
const result = analyzeSnapshot(snapshot, DEFAULT_POLICY);
const mixOf = (id: string) => result.mixes.find((mix) => mix.positionId === pos(id))!;

describe('coverage: positions with responsibilities recorded', () => {
  it('marks each position with or without data, and counts its whole team', () => {
    expect(mixOf('E1')).toEqual(expect.objectContaining({ hasData: true, responsibilityCount: 1 }));
    expect(mixOf('X1')).toEqual(expect.objectContaining({ hasData: false, responsibilityCount: 0 }));
    expect(subtreeCoverageOf(mixOf('M1'))).toEqual({ positions: 6, withData: 4, withoutData: 2, pct: 66.7 });
    // The vacant post's description counts as data; the manager and reps have none.
    expect(subtreeCoverageOf(mixOf('S1'))).toEqual({ positions: 4, withData: 1, withoutData: 3, pct: 25 });
    expect(subtreeCoverageOf(mixOf('CEO'))).toEqual({ positions: 11, withData: 6, withoutData: 5, pct: 54.5 });
  });

  it('is in the summary, overall and per department (least covered first), and for a leader’s subtree', () => {
    expect(result.summary.coverage).toEqual({ positions: 11, withData: 6, withoutData: 5, pct: 54.5 });
    expect(result.summary.coverageByDepartment).toEqual([
      { department: 'Sales', positions: 4, withData: 1, withoutData: 3, pct: 25 },
      { department: 'Engineering', positions: 6, withData: 4, withoutData: 2, pct: 66.7 },
      { department: null, positions: 1, withData: 1, withoutData: 0, pct: 100 },
    ]);
    const engineering = new SnapshotIndex(snapshot).subtreeOf(pos('M1')).map((p) => p.id);
    expect(summarize(result, engineering).coverage).toEqual(subtreeCoverageOf(mixOf('M1')));
    expect(coverageOf([])).toEqual({ positions: 0, withData: 0, withoutData: 0, pct: null });
    expect(coverageByDepartment([])).toEqual([]);
  });
});

describe('missingResponsibilitiesWarning (for the import)', () => {
  const record = (employeeId: string) => ({ employeeId }) as PeopleRecord;
  const duty = (employeeId: string) => ({ employeeId }) as ResponsibilityRecord;
  const staff = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map(record);

  it('counts positions without responsibilities and names the first few', () => {
    expect(recordCoverage(staff, [duty('A1'), duty('A1'), duty('A3')])).toEqual({
      positions: 8,
      withData: 2,
      withoutData: 6,
      pct: 25,
      examples: ['A2', 'A4', 'A5', 'A6', 'A7'],
    });
    expect(missingResponsibilitiesWarning(staff, [duty('A1'), duty('A3')], 'duties.csv')).toEqual({
      file: 'duties.csv',
      row: null,
      column: null,
      value: null,
      code: 'POSITIONS_WITHOUT_RESPONSIBILITIES',
      message:
        '6 of 8 positions (75%) have no responsibilities recorded, for example A2, A4, A5, A6 and A7. Their work is treated as unknown: ' +
        'they are never suggested as delegates or said to have free time, and findings that need their work are reported as not checked.',
    });
  });

  it('says so plainly when nobody has any, and says nothing when everyone has some', () => {
    expect(missingResponsibilitiesWarning(staff, [], 'people.csv')?.message).toMatch(
      /^None of the 8 positions has responsibilities recorded\. Their work is treated as unknown/,
    );
    expect(missingResponsibilitiesWarning(staff, staff.map((p) => duty(p.employeeId)), 'duties.csv')).toBeNull();
    // Responsibilities of someone not in the people file do not cover anybody.
    expect(recordCoverage([record('A1')], [duty('B9')]).withData).toBe(0);
  });
});
