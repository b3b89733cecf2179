import { buildSnapshot, type TestPerson } from '../testing/org-builder';
import { chartHoldersOf, isChartHolders } from './chart-holders';
import { diffSnapshots } from './diff-snapshots';

const before: TestPerson[] = [
  { id: 'ceo', title: 'CEO' },
  { id: 'vp', title: 'VP Engineering', manager: 'ceo', vacant: true },
  { id: 'sam', name: 'Sam', title: 'Senior Engineer', manager: 'vp' },
  { id: 'kim', name: 'Kim', title: 'Engineer', manager: 'sam', department: null },
  { id: 'old', name: 'Old Timer', title: 'Engineer', manager: 'vp' },
];

const after: TestPerson[] = [
  { id: 'ceo', title: 'CEO' },
  { id: 'vp', title: 'VP Engineering', manager: 'ceo' },
  { id: 'sam', name: 'Sam', title: 'Engineering Manager', manager: 'ceo' },
  { id: 'kim', name: 'Kim', title: 'Engineer', manager: 'sam', department: 'Platform' },
  { id: 'new', name: 'New Hire', title: 'Engineer', manager: 'kim' },
];

describe('chartHoldersOf', () => {
  const previous = buildSnapshot(before, { snapshotId: 's1', asOf: '2025-06-01' });
  const next = buildSnapshot(after, { snapshotId: 's2', asOf: '2025-12-01' });

  it("lists each holder's first post in chart order, with what the diff compares", () => {
    const holders = chartHoldersOf(previous);
    expect(isChartHolders(holders)).toBe(true);
    expect(holders.employeeIds).toEqual(['ceo', 'sam', 'kim', 'old']);
    expect(holders.managerKeys).toEqual([null, 'vp', 'sam', 'vp']);
    expect(holders.departments).toEqual(['Engineering', 'Engineering', null, 'Engineering']);
    expect([...holders.depths]).toEqual([0, 2, 3, 2]);
    expect(holders).toEqual(expect.objectContaining({ snapshotId: 's1', asOf: '2025-06-01' }));
  });

  it('diffs as the snapshot itself does, also after a trip to another thread', () => {
    const expected = diffSnapshots(previous, next);
    expect(
      expected.joiners.length + expected.leavers.length + expected.moves.length + expected.promotions.length,
    ).toBeGreaterThan(3);
    expect(diffSnapshots(chartHoldersOf(previous), next)).toEqual(expected);
    expect(diffSnapshots(structuredClone(chartHoldersOf(previous)), next)).toEqual(expected);
  });

  it('takes a person holding two posts at the first one, as the diff did', () => {
    const shared = buildSnapshot(before, { snapshotId: 's1', asOf: '2025-06-01' });
    const kim = shared.people.find((person) => person.employeeId === 'kim');
    shared.assignments.push({
      personId: kim!.id,
      positionId: shared.positions[4].id,
      roleStartDate: null,
      previousTitle: null,
      lastPromotionDate: null,
      performanceRating: null,
    });
    shared.assignments = shared.assignments.filter(
      (assignment) => assignment.positionId !== shared.positions[4].id || assignment.personId === kim!.id,
    );
    const holders = chartHoldersOf(shared);
    expect(holders.employeeIds).toEqual(['ceo', 'sam', 'kim']);
    expect(diffSnapshots(holders, next)).toEqual(diffSnapshots(shared, next));
  });
});
