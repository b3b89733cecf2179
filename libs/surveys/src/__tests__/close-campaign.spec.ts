import { closeCampaignRecords } from '../close-campaign';
import { surveyPopulation } from '../population';
import { ACTIVITIES, baseSnapshot } from '../testing/fixture';

describe('who a campaign asks', () => {
  it('takes a leader and everyone below them, skipping vacant posts, with each person’s line manager', () => {
    const population = surveyPopulation(baseSnapshot(), { kind: 'SUBTREE', value: 'M2' }, 'BOTH');
    expect(population.map((p) => [p.employeeId, p.managerEmployeeId, p.mode])).toEqual([
      ['M2', 'C1', 'BOTH'],
      ['S1', 'M2', 'BOTH'],
    ]);
  });

  it('applies the first matching mode rule, and lets the top of the chart fill in their own', () => {
    const population = surveyPopulation(baseSnapshot(), { kind: 'ORGANIZATION', value: null }, 'MANAGER', [
      { department: 'Engineering', tier: 'IC', mode: 'BOTH' },
      { department: null, tier: 'MANAGER', mode: 'SELF' },
    ]);
    const mode = Object.fromEntries(population.map((p) => [p.employeeId, p.mode]));
    expect(mode).toMatchObject({ C1: 'SELF', M1: 'SELF', E1: 'BOTH', S1: 'MANAGER' });
    expect(population).toHaveLength(10);
  });

  it('names a department or leader that is not there', () => {
    expect(() => surveyPopulation(baseSnapshot(), { kind: 'DEPARTMENT', value: 'Legal' }, 'SELF')).toThrow(/department "Legal"/);
    expect(() => surveyPopulation(baseSnapshot(), { kind: 'SUBTREE', value: 'X9' }, 'SELF')).toThrow(/"X9"/);
  });
});

describe('closing a campaign into records', () => {
  const base = baseSnapshot();
  const population = new Set(
    surveyPopulation(base, { kind: 'DEPARTMENT', value: 'Engineering' }, 'SELF').map((p) => p.employeeId),
  );
  const responses = new Map([
    [
      'E1',
      {
        weeklyHours: 40,
        lines: [
          { activityId: 'code', otherText: null, sharePct: 70 },
          { activityId: null, otherText: 'Organise the hackathon', sharePct: 30 },
          { activityId: 'plan', otherText: null, sharePct: 0 },
        ],
      },
    ],
    ['M1', { weeklyHours: 45, lines: [{ activityId: 'plan', otherText: null, sharePct: 100 }] }],
  ]);

  it('keeps every person and position and replaces the respondents’ work with what they reported', () => {
    const closed = closeCampaignRecords({
      base,
      campaignName: 'Autumn',
      population,
      responses,
      activities: ACTIVITIES,
      previousSince: new Map([['E1', new Map([['write code', '2025-03-01']])]]),
      asOf: '2026-12-01',
      nonRespondents: 'KEEP_PREVIOUS',
    });
    expect(closed.people).toHaveLength(base.positions.length);
    expect(closed.people.find((p) => p.employeeId === 'VAC-1')).toMatchObject({ vacant: true, managerId: 'M2' });
    expect(closed.people.find((p) => p.employeeId === 'E1')).toMatchObject({ managerId: 'M1', title: 'Software Engineer' });
    const of = (id: string) => closed.responsibilities.filter((r) => r.employeeId === id);
    expect(of('E1').map((r) => [r.responsibility, r.valueLevel, r.sharePct, r.since])).toEqual([
      ['Write code', 'IMPLEMENTATION', 70, '2025-03-01'],
      ['Organise the hackathon', null, 30, '2026-12-01'],
    ]);
    expect(of('M1').map((r) => [r.responsibility, r.valueLevel, r.since])).toEqual([
      ['Plan the team’s work', 'UNIFICATION', '2026-12-01'],
    ]);
    // E2 was asked and did not answer: the old duty stays, marked with its age.
    expect(of('E2')).toEqual([
      expect.objectContaining({
        responsibility: 'Old duty',
        sharePct: 100,
        since: '2025-01-01',
        description: '[Not confirmed in survey "Autumn": carried from the snapshot of 2026-06-01, 183 days old.]',
      }),
    ]);
    // Sales was not asked: unchanged, unmarked.
    expect(of('S1')).toEqual([expect.objectContaining({ responsibility: 'Old duty', description: null })]);
    expect(closed.coverage).toEqual({ surveyed: 2, carried: 5, none: 0, outside: 3, carriedAgeDays: 183, writtenIn: 1 });
    expect(closed.outcomes.get('E2')).toBe('CARRIED');
  });

  it('leaves non-respondents without responsibilities when told to', () => {
    const closed = closeCampaignRecords({
      base,
      campaignName: 'Autumn',
      population,
      responses,
      activities: ACTIVITIES,
      previousSince: new Map(),
      asOf: '2026-12-01',
      nonRespondents: 'NONE',
    });
    expect(closed.responsibilities.filter((r) => r.employeeId === 'E2')).toEqual([]);
    expect(closed.coverage).toMatchObject({ surveyed: 2, carried: 0, none: 5, outside: 3 });
  });
});
