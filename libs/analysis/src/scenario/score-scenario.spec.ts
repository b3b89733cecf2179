import { DEFAULT_POLICY, type DelegationGapFinding, type ScenarioEdit } from '@rolemap/domain';
import { analyseWithHistory } from '../history/analyse-with-history';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { delegationPlanEdits } from './delegation-plan';
import { scoreScenario } from './score-scenario';
import { trackPlan } from './track-plan';

const people: TestPerson[] = [
  {
    id: 'D1',
    name: 'Dana Reyes',
    title: 'Director of Engineering',
    work: [
      ['Code reviews', 'IMPLEMENTATION', 20],
      ['Set engineering strategy', 'LEADERSHIP', 40],
      ['Quarterly planning', 'UNIFICATION', 40],
    ],
  },
  { id: 'E1', name: 'Ann Busy', manager: 'D1', work: [['Feature work', 'IMPLEMENTATION', 60]] },
  {
    id: 'E2',
    name: 'Sam Lee',
    title: 'Senior Engineer',
    manager: 'D1',
    work: [['Review code for the API', 'IMPLEMENTATION', 65]],
  },
  { id: 'E3', name: 'Kim Free', manager: 'D1', work: [['Testing', 'IMPLEMENTATION', 30]] },
];

const base = () => analyseWithHistory(buildSnapshot(people), null, DEFAULT_POLICY);
const gapOf = (analysis: ReturnType<typeof base>) =>
  analysis.result.findings.find(
    (finding): finding is typeof finding & DelegationGapFinding => finding.kind === 'DELEGATION_GAP',
  )!;

describe('scoreScenario', () => {
  it('scores a planned delegation: the gap disappears and the leader’s and delegate’s mixes change', () => {
    const analysis = base();
    const gap = gapOf(analysis);
    const edits = delegationPlanEdits(analysis.index, gap);
    expect(edits).toEqual([{ kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E2', sharePct: 20 }]);
    const score = scoreScenario(analysis, edits, DEFAULT_POLICY);
    expect(score.delta.resolved.map((finding) => finding.key)).toEqual([gap.key]);
    expect(score.delta.introduced).toEqual([]);
    expect(score.delta.findingsByKind.DELEGATION_GAP).toEqual({ before: 1, after: 0 });
    expect(score.delta.leaderTimeBelowLevelPct).toEqual({ before: 20, after: 0 });
    expect(score.delta.tacticalGapByTier.DIRECTOR).toEqual({ before: 10, after: 0 });
    const leader = score.delta.affected.find((person) => person.externalId === 'D1')!;
    expect(leader.before!.actual.IMPLEMENTATION).toBe(20);
    expect(leader.after!.actual.IMPLEMENTATION).toBe(0);
    expect(leader.findingsBefore.map((finding) => finding.kind)).toEqual(['DELEGATION_GAP']);
    expect(leader.findingsAfter).toEqual([]);
    const delegate = score.delta.affected.find((person) => person.externalId === 'E2')!;
    expect([delegate.before!.allocatedPct, delegate.after!.allocatedPct]).toEqual([65, 85]);
    // The base analysis is left as it was.
    expect(analysis.result.findings).toContain(gap);
  });

  it('shows findings a scenario introduces, and spans, layers and over-capacity before and after', () => {
    const analysis = base();
    const edits: ScenarioEdit[] = [
      {
        kind: 'EDIT_RESPONSIBILITY',
        position: 'E1',
        responsibility: 'Feature work',
        newTitle: null,
        valueLevel: null,
        sharePct: 100,
      },
      { kind: 'MOVE_POSITION', position: 'E3', toManager: 'E1' },
      { kind: 'CREATE_POSITION', position: 'NEW-1', title: 'Engineer', tier: 'IC', manager: 'E3', department: null },
    ];
    const score = scoreScenario(analysis, edits, DEFAULT_POLICY);
    expect(score.delta.layers).toEqual({ before: 2, after: 4 });
    expect(score.delta.maxSpan).toEqual({ before: 3, after: 2 });
    expect(score.delta.meanSpan).toEqual({ before: 3, after: 1.33 });
    expect(score.delta.overCapacity).toEqual({ before: 0, after: 0 });
    const created = score.delta.affected.find((person) => person.externalId === 'NEW-1')!;
    expect(created.before).toBeNull();
    expect(created.managerAfter).toBe('E3');
    expect(score.delta.affected.find((person) => person.externalId === 'E3')).toMatchObject({
      managerBefore: 'D1',
      managerAfter: 'E1',
    });
    // E1 and E3 now lead teams of one: narrow spans appear.
    expect(score.delta.introduced.map((finding) => finding.key)).toEqual(
      expect.arrayContaining(['SPAN_OF_CONTROL:E1', 'SPAN_OF_CONTROL:E3']),
    );
  });

  it('narrows the figures to one part of the chart with `within` (what a leader sees)', () => {
    const analysis = base();
    const edits: ScenarioEdit[] = [
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E2', sharePct: null },
    ];
    const team = scoreScenario(analysis, edits, DEFAULT_POLICY, { within: 'E2' });
    expect(team.delta.affected.map((person) => person.externalId)).toEqual(['E2']);
    expect(team.delta.resolved).toEqual([]);
    expect(team.delta.findingsByKind.DELEGATION_GAP).toEqual({ before: 0, after: 0 });
    expect(scoreScenario(analysis, edits, DEFAULT_POLICY, { within: 'D1' }).delta.resolved).toHaveLength(1);
  });

  it('with keepGoing lists the edits that do not apply and scores the rest', () => {
    const score = scoreScenario(
      base(),
      [
        { kind: 'MOVE_POSITION', position: 'GHOST', toManager: 'D1' },
        { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E3', sharePct: null },
      ],
      DEFAULT_POLICY,
      { keepGoing: true },
    );
    expect(score.problems.map((problem) => problem.number)).toEqual([1]);
    expect(score.delta.findingsByKind.DELEGATION_GAP.after).toBe(0);
  });

  it('plans a hand-off chain as moves, the chain first, or the task alone to a delegate the leader picks', () => {
    const analysis = base();
    const gap = gapOf(analysis);
    const chained: DelegationGapFinding = {
      ...gap,
      handOffs: [
        {
          fromEmployeeId: 'E2',
          fromPositionId: pos('E2'),
          fromName: 'Sam Lee',
          responsibilityId: 'r-E2-1',
          responsibility: 'Review code for the API',
          sharePct: 10,
          valueLevel: 'IMPLEMENTATION',
          toEmployeeId: 'E3',
          toPositionId: pos('E3'),
          toName: 'Kim Free',
        },
      ],
    };
    expect(delegationPlanEdits(analysis.index, chained)).toEqual([
      { kind: 'MOVE_RESPONSIBILITY', from: 'E2', responsibility: 'Review code for the API', to: 'E3', sharePct: 10 },
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E2', sharePct: 20 },
    ]);
    expect(delegationPlanEdits(analysis.index, chained, 'E1')).toEqual([
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E1', sharePct: 20 },
    ]);
    expect(() => delegationPlanEdits(analysis.index, { ...gap, delegatePositionId: null })).toThrow(/pick the delegate/);
  });
});

describe('trackPlan', () => {
  const edits: ScenarioEdit[] = [
    { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E2', sharePct: 20 },
    { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Quarterly planning', to: 'E1', sharePct: 20 },
    { kind: 'MOVE_POSITION', position: 'E3', toManager: 'E2' },
  ];
  it('says per edit whether the next snapshot shows it done, partly done or not done', () => {
    const planned = new SnapshotIndex(buildSnapshot(people));
    const later = buildSnapshot(
      [
        {
          ...people[0],
          work: [
            ['Set engineering strategy', 'LEADERSHIP', 50],
            ['Quarterly planning', 'UNIFICATION', 30],
          ],
        },
        {
          ...people[1],
          work: [
            ['Feature work', 'IMPLEMENTATION', 60],
            ['Quarterly planning', 'UNIFICATION', 10],
          ],
        },
        {
          ...people[2],
          work: [
            ['Review code for the API', 'IMPLEMENTATION', 65],
            ['code  reviews', 'IMPLEMENTATION', 20],
          ],
        },
        people[3],
      ],
      { snapshotId: 'snap-2', asOf: '2026-03-01' },
    );
    const tracking = trackPlan(planned, new SnapshotIndex(later), edits);
    expect(tracking.map((entry) => [entry.number, entry.progress, entry.detail])).toEqual([
      [1, 'DONE', 'E2 now spends 20% on it and D1 0%'],
      [2, 'PARTLY_DONE', 'E1 took on 10% of the 20% planned; D1 still spends 30% on it'],
      [3, 'NOT_DONE', 'E3 reports to D1'],
    ]);
    expect(tracking[0].description).toBe('move "Code reviews" (20%) from D1 to E2');
  });

  it('counts a person who left as not done', () => {
    const planned = new SnapshotIndex(buildSnapshot(people));
    const later = new SnapshotIndex(
      buildSnapshot(
        people.filter((p) => p.id !== 'E2'),
        { snapshotId: 'snap-2' },
      ),
    );
    expect(trackPlan(planned, later, edits)[0]).toMatchObject({ progress: 'NOT_DONE', detail: 'E2 is not in the later chart' });
  });
});
