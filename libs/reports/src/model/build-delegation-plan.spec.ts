import { planInputs } from '../testing/report-fixtures';
import { buildDelegationPlan } from './build-delegation-plan';

describe('buildDelegationPlan', () => {
  it('heads the report with the plan: name, status, owner, decision and notes', () => {
    const report = buildDelegationPlan(planInputs({ approved: true, withinLeader: true }));
    expect(report.header).toMatchObject({
      kind: 'DELEGATION_PLAN',
      title: 'Delegation plan',
      organizationName: 'Scenario Co',
      snapshotVersion: 3,
      asOf: '2026-11-01',
      scopeLabel: '“Delegation plan, v3”, figures for Dana Reyes’s part of the chart',
    });
    expect(report.plan).toEqual({
      scenarioId: 'scenario-1',
      name: 'Delegation plan, v3',
      kindLabel: 'Delegation plan',
      status: 'APPROVED',
      statusLabel: 'Approved',
      owner: 'Dana',
      scopeEmployeeId: 'D1',
      version: 4,
      decidedBy: 'Harriet HR',
      decidedAt: '2026-11-05T09:30:00.000Z',
      notes: 'APPROVED: Do it this quarter',
    });
  });

  it('lists the edits in order: who hands what to whom, the share (the whole task’s as held) and who proposed it', () => {
    const report = buildDelegationPlan(planInputs());
    expect(report.edits).toEqual([
      {
        number: 1,
        kind: 'MOVE_RESPONSIBILITY',
        description: 'move "Code reviews" from D1 to E2',
        from: { externalId: 'D1', name: 'Dana Reyes', title: 'Director of Engineering' },
        to: { externalId: 'E2', name: 'Sam Lee', title: 'Senior Engineer' },
        responsibility: 'Code reviews',
        valueLevelLabel: 'Implementation',
        sharePct: 20,
        wholeTask: true,
        proposedBy: 'Dana',
        problem: null,
        tracking: null,
      },
      expect.objectContaining({ number: 2, sharePct: 10, wholeTask: false, to: expect.objectContaining({ externalId: 'E1' }) }),
    ]);
  });

  it('gives the before and after of everyone affected, from the scenario’s score', () => {
    const inputs = planInputs();
    const report = buildDelegationPlan(inputs);
    expect(report.affected.map((line) => line.person.externalId)).toEqual(
      inputs.score.delta.affected.map((item) => item.externalId),
    );
    const director = report.affected.find((line) => line.person.externalId === 'D1')!;
    expect(director).toMatchObject({ change: 'CHANGED', tierBeforeLabel: 'Director', bookedBeforePct: 100, bookedAfterPct: 70 });
    expect(director.managerAfter).toMatchObject({ externalId: 'A1', name: 'Ada Chief' });
    expect(director.mix.find((mix) => mix.level === 'IMPLEMENTATION')).toEqual({
      level: 'IMPLEMENTATION',
      label: 'Implementation',
      expectedPct: 10,
      beforePct: 20,
      afterPct: 0,
      changePoints: -20,
    });
    const delegate = report.affected.find((line) => line.person.externalId === 'E2')!;
    expect([delegate.bookedBeforePct, delegate.bookedAfterPct]).toEqual([65, 85]);
    expect(report.figures.find((figure) => figure.label === 'Delegation gaps')).toEqual({
      label: 'Delegation gaps',
      before: 1,
      after: 0,
      unit: 'count',
    });
  });

  it('names the findings that disappear and appear', () => {
    const report = buildDelegationPlan(planInputs());
    expect(report.resolved).toEqual([
      expect.objectContaining({
        key: 'DELEGATION_GAP:D1:D1:code reviews',
        kindLabel: 'Delegation gap',
        subject: { externalId: 'D1', name: 'Dana Reyes', title: 'Director of Engineering' },
      }),
    ]);
    expect(report.introduced).toEqual([]);
  });

  it('tracks an approved plan edit by edit against the later snapshot', () => {
    const report = buildDelegationPlan(planInputs({ approved: true }));
    expect(report.tracking).toEqual({ snapshotVersion: 4, asOf: '2026-12-01', done: 1, partlyDone: 0, notDone: 1 });
    expect(report.trackingNote).toBeNull();
    expect(report.edits.map((edit) => edit.tracking)).toEqual([
      { progress: 'DONE', progressLabel: 'Done', detail: 'E2 now spends 20% on it and D1 0%' },
      { progress: 'NOT_DONE', progressLabel: 'Not done', detail: 'D1 still spends 40% on it and E1 0%' },
    ]);
  });

  it('says why a plan is not tracked', () => {
    const report = buildDelegationPlan(planInputs());
    expect(report.tracking).toBeNull();
    expect(report.trackingNote).toBe(
      'The plan is proposed: once HR approves it, the next snapshot shows whether each edit was done.',
    );
    const approved = { ...planInputs({ approved: true }), tracking: null };
    expect(buildDelegationPlan(approved).trackingNote).toBe(
      'No snapshot after v3 yet: import the next chart to see whether each edit was done.',
    );
  });

  it('marks an edit that no longer applies with the reason', () => {
    const inputs = planInputs();
    const problem = {
      number: 2,
      edit: inputs.scenario.edits[1],
      message: 'to: nobody with the id "E1" in the chart',
      code: 'BAD_USER_INPUT' as const,
    };
    const report = buildDelegationPlan({ ...inputs, score: { ...inputs.score, problems: [problem] } });
    expect(report.edits.map((edit) => edit.problem)).toEqual([null, 'to: nobody with the id "E1" in the chart']);
  });
});
