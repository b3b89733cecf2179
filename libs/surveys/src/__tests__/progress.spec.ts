import { campaignProgress, finalAnswers, movedPoints, type ProgressRow } from '../progress';
import { ACTIVITIES } from '../testing/fixture';

const self = {
  weeklyHours: 40,
  lines: [
    { activityId: 'code', otherText: null, sharePct: 80 },
    { activityId: 'plan', otherText: null, sharePct: 20 },
  ],
};
const manager = {
  weeklyHours: 40,
  lines: [
    { activityId: 'code', otherText: null, sharePct: 60 },
    { activityId: 'plan', otherText: null, sharePct: 40 },
  ],
};

function row(employeeId: string, department: string, managerEmployeeId: string, done: boolean, reviewed = false): ProgressRow {
  return {
    employeeId,
    department,
    managerEmployeeId,
    managerName: `Manager ${managerEmployeeId}`,
    mode: 'BOTH',
    selfStatus: done ? 'SUBMITTED' : 'NOT_STARTED',
    managerStatus: reviewed ? 'SUBMITTED' : 'NOT_STARTED',
    selfAnswers: done ? self : null,
    managerAnswers: reviewed ? manager : null,
  };
}

describe('campaign progress', () => {
  const rows = [
    ...Array.from({ length: 6 }, (_, i) => row(`E${i}`, 'Engineering', 'M1', i < 5, i < 5)),
    row('S1', 'Sales', 'M2', true),
    row('S2', 'Sales', 'M2', false),
    row('L1', 'Legal', 'M3', true),
  ];

  it('gives rates overall, by department and by manager, pooling groups under five people', () => {
    const progress = campaignProgress(rows, ACTIVITIES);
    expect(progress).toMatchObject({ invited: 9, responded: 7, rate: 0.778, awaitingReview: 2 });
    expect(progress.byDepartment).toEqual([
      { key: 'Engineering', label: 'Engineering', groups: 1, invited: 6, responded: 5, rate: 0.833 },
      { key: null, label: '2 smaller groups (under 5 people each)', groups: 2, invited: 3, responded: 2, rate: 0.667 },
    ]);
    expect(progress.byManager.map((group) => group.label)).toEqual(['Manager M1', '2 smaller groups (under 5 people each)']);
  });

  it('measures how far managers moved their people’s answers', () => {
    expect(movedPoints(self, manager)).toBe(20);
    const { gap } = campaignProgress(rows, ACTIVITIES);
    expect(gap).toMatchObject({ compared: 5, meanPoints: 20, largeAdjustments: 5 });
    expect(gap.selfMix).toEqual({ IMPLEMENTATION: 80, UNIFICATION: 20, COMMUNICATION: 0, LEADERSHIP: 0 });
    expect(gap.managerMix).toEqual({ IMPLEMENTATION: 60, UNIFICATION: 40, COMMUNICATION: 0, LEADERSHIP: 0 });
    expect(gap.byDepartment).toEqual([{ key: 'Engineering', label: 'Engineering', compared: 5, meanPoints: 20 }]);
  });

  it('shows no gap figures until at least five forms can be compared', () => {
    const { gap } = campaignProgress(rows.slice(0, 3), ACTIVITIES);
    expect(gap).toMatchObject({ compared: 3, meanPoints: 0, byDepartment: [] });
  });

  it('closes on the manager’s answers once reviewed, else the person’s own', () => {
    expect(finalAnswers(row('A', 'X', 'M', true, true))).toBe(manager);
    expect(finalAnswers(row('A', 'X', 'M', true, false))).toBe(self);
    expect(finalAnswers(row('A', 'X', 'M', false, false))).toBeNull();
  });
});
