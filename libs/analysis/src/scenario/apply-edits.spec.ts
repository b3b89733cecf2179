import { DomainError, type ScenarioEdit } from '@rolemap/domain';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { applyScenarioEdits } from './apply-edits';
import { rebaseEdits } from './rebase-edits';

const people: TestPerson[] = [
  { id: 'CEO', name: 'Cleo Chief', title: 'Chief Executive Officer', work: [['Set direction', 'LEADERSHIP', 100]] },
  {
    id: 'D1',
    name: 'Dana Reyes',
    title: 'Director of Engineering',
    manager: 'CEO',
    work: [
      ['Code reviews', 'IMPLEMENTATION', 20],
      ['Set engineering strategy', 'LEADERSHIP', 40],
      ['Quarterly planning', 'UNIFICATION', 40],
    ],
  },
  { id: 'E1', name: 'Ann Busy', manager: 'D1', work: [['Feature work', 'IMPLEMENTATION', 90]] },
  { id: 'E2', name: 'Sam Lee', manager: 'D1', work: [['Review code for the API', 'IMPLEMENTATION', 60]] },
  { id: 'D2', name: 'Pat Other', title: 'Director of Sales', manager: 'CEO', work: [['Sell', 'COMMUNICATION', 100]] },
  { id: 'S1', name: 'Sal Seller', manager: 'D2', work: [['Calls', 'COMMUNICATION', 50]] },
  { id: 'V1', title: 'Engineer', manager: 'D1', vacant: true },
];

const baseIndex = () => new SnapshotIndex(buildSnapshot(people));

function apply(edits: ScenarioEdit[], scopeRoot: string | null = null) {
  const index = baseIndex();
  const applied = applyScenarioEdits(index, edits, { scopeRoot });
  return { index, applied, after: new SnapshotIndex(applied.data) };
}

function refusal(edits: ScenarioEdit[], scopeRoot: string | null = null): DomainError {
  try {
    apply(edits, scopeRoot);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the edits were accepted');
}

const shares = (index: SnapshotIndex, id: string) =>
  Object.fromEntries(index.responsibilitiesOf(pos(id)).map((r) => [r.title, r.sharePct]));

const move = (from: string, responsibility: string, to: string, sharePct: number | null = null): ScenarioEdit => ({
  kind: 'MOVE_RESPONSIBILITY',
  from,
  responsibility,
  to,
  sharePct,
});

describe('applyScenarioEdits', () => {
  it('moves a whole responsibility or a share of it, and leaves the base untouched', () => {
    const { index, after } = apply([move('D1', 'code reviews', 'E2'), move('D1', 'Quarterly planning', 'E1', 10)]);
    expect(shares(after, 'D1')).toEqual({ 'Set engineering strategy': 40, 'Quarterly planning': 30 });
    expect(shares(after, 'E2')).toEqual({ 'Review code for the API': 60, 'Code reviews': 20 });
    expect(shares(after, 'E1')).toEqual({ 'Feature work': 90, 'Quarterly planning': 10 });
    expect(after.responsibilitiesOf(pos('E2'))[1]).toMatchObject({ valueLevel: 'IMPLEMENTATION', heldSince: '2025-12-01' });
    expect(shares(index, 'D1')).toEqual({ 'Code reviews': 20, 'Set engineering strategy': 40, 'Quarterly planning': 40 });
    expect(index.responsibilitiesOf(pos('E2'))).toHaveLength(1);
  });

  it('adds to a responsibility of the same wording the receiver already holds', () => {
    const { after } = apply([move('D1', 'Code reviews', 'E2', 5), move('D1', 'Code reviews', 'E2', 5)]);
    expect(shares(after, 'E2')).toEqual({ 'Review code for the API': 60, 'Code reviews': 10 });
    expect(shares(after, 'D1')['Code reviews']).toBe(10);
  });

  it('refuses a share over 100% of the receiver’s time, naming the edit, the person and the figures', () => {
    const error = refusal([move('D1', 'Set engineering strategy', 'E1')]);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'Edit 1 (move "Set engineering strategy" from D1 to E1): Ann Busy (E1) would spend 130% of their time (90% now + 40%): over 100%',
    );
    expect(error.details).toEqual({ edit: 1 });
  });

  it('refuses moving more than is held (below 0%), a negative share and unknown people or work', () => {
    expect(refusal([move('D1', 'Code reviews', 'E2', 30)]).message).toMatch(
      /Dana Reyes \(D1\) spends 20% on "Code reviews": moving 30% would leave them below 0%/,
    );
    expect(refusal([move('D1', 'Code reviews', 'E2', -5)]).message).toMatch(/sharePct must be above 0%/);
    expect(refusal([move('D1', 'Code reviews', 'NOBODY')]).message).toMatch(/Edit 1 .*to: nobody with the id "NOBODY"/);
    expect(refusal([move('D1', 'Juggling', 'E2')]).message).toMatch(/Dana Reyes \(D1\) holds no responsibility "Juggling"/);
    // The second edit is the one named when the first is fine.
    expect(refusal([move('D1', 'Code reviews', 'E2'), move('D1', 'Code reviews', 'E1')]).message).toMatch(
      /^Edit 2 .*holds no responsibility "Code reviews"/,
    );
  });

  it('moves a person with their team, and refuses a reporting cycle', () => {
    const { after } = apply([{ kind: 'MOVE_POSITION', position: 'D1', toManager: 'D2' }]);
    expect(after.node(pos('D1'))!.parent!.position.externalId).toBe('D2');
    expect(after.node(pos('E1'))!.depth).toBe(3);
    const cycle = refusal([{ kind: 'MOVE_POSITION', position: 'D1', toManager: 'E1' }]);
    expect(cycle.message).toBe(
      "Edit 1 (move D1 under E1): Ann Busy (E1) is in Dana Reyes (D1)'s own team: the move would make a reporting cycle",
    );
    // A cycle only made possible by an earlier edit is caught too.
    expect(
      refusal([
        { kind: 'MOVE_POSITION', position: 'D2', toManager: 'E1' },
        { kind: 'MOVE_POSITION', position: 'D1', toManager: 'S1' },
      ]).message,
    ).toMatch(/^Edit 2 .*reporting cycle/);
  });

  it('moves a whole team under another manager', () => {
    const { after } = apply([{ kind: 'MOVE_TEAM', fromManager: 'D1', toManager: 'D2' }]);
    expect(after.childrenOf(pos('D1'))).toEqual([]);
    expect(
      after
        .childrenOf(pos('D2'))
        .map((p) => p.externalId)
        .sort(),
    ).toEqual(['E1', 'E2', 'S1', 'V1']);
    expect(refusal([{ kind: 'MOVE_TEAM', fromManager: 'CEO', toManager: 'E1' }]).message).toMatch(/reporting cycle/);
  });

  it('creates and closes vacant posts; a closed post’s reports move up to its manager', () => {
    const { after, applied } = apply([
      {
        kind: 'CREATE_POSITION',
        position: 'NEW-1',
        title: 'Engineering Manager',
        tier: 'MANAGER',
        manager: 'D1',
        department: null,
      },
      { kind: 'MOVE_POSITION', position: 'E1', toManager: 'NEW-1' },
      { kind: 'ADD_RESPONSIBILITY', position: 'NEW-1', responsibility: 'Run the team', valueLevel: 'UNIFICATION', sharePct: 50 },
      { kind: 'CLOSE_POSITION', position: 'V1' },
    ]);
    const created = after.node('scenario:NEW-1')!;
    expect(created.position).toMatchObject({ vacant: true, tier: 'MANAGER', department: 'Engineering' });
    expect(created.children.map((c) => c.position.externalId)).toEqual(['E1']);
    expect(shares(after, 'NEW-1' as string)).toEqual({});
    expect(after.responsibilitiesOf('scenario:NEW-1').map((r) => r.title)).toEqual(['Run the team']);
    expect(after.node(pos('V1'))).toBeUndefined();
    expect(applied.data.positions).toHaveLength(people.length);
    expect(refusal([{ kind: 'CLOSE_POSITION', position: 'E1' }]).message).toMatch(/Ann Busy \(E1\) holds this post/);
    expect(
      refusal([{ kind: 'CREATE_POSITION', position: 'E1', title: 'X', tier: 'IC', manager: 'D1', department: null }]).message,
    ).toMatch(/a position "E1" is already in the chart/);
  });

  it('changes tiers and titles, and promotes: the old title kept, dated the snapshot’s date', () => {
    const { after } = apply([
      { kind: 'PROMOTE', position: 'E2', tier: 'MANAGER', title: 'Engineering Manager' },
      { kind: 'CHANGE_TITLE', position: 'E1', title: 'Senior Engineer' },
      { kind: 'CHANGE_TIER', position: 'D2', tier: 'EXECUTIVE' },
    ]);
    expect(after.position(pos('E2'))).toMatchObject({ tier: 'MANAGER', title: 'Engineering Manager', tierSource: 'OVERRIDE' });
    expect(after.assignmentAt(pos('E2'))).toMatchObject({
      previousTitle: 'Engineer',
      lastPromotionDate: '2025-12-01',
      roleStartDate: '2025-12-01',
    });
    expect(after.position(pos('E1'))!.title).toBe('Senior Engineer');
    expect(after.position(pos('D2'))!.tier).toBe('EXECUTIVE');
    expect(refusal([{ kind: 'PROMOTE', position: 'D1', tier: 'MANAGER', title: null }]).message).toMatch(
      /a promotion raises the tier/,
    );
    expect(refusal([{ kind: 'PROMOTE', position: 'V1', tier: 'MANAGER', title: null }]).message).toMatch(
      /vacant: nobody to promote/,
    );
  });

  it('edits and removes responsibilities within 0-100% of the holder’s time', () => {
    const { after } = apply([
      {
        kind: 'EDIT_RESPONSIBILITY',
        position: 'E2',
        responsibility: 'Review code for the API',
        newTitle: 'Review API code',
        valueLevel: 'UNIFICATION',
        sharePct: 70,
      },
      { kind: 'REMOVE_RESPONSIBILITY', position: 'D1', responsibility: 'Code reviews' },
    ]);
    expect(after.responsibilitiesOf(pos('E2'))[0]).toMatchObject({
      title: 'Review API code',
      valueLevel: 'UNIFICATION',
      valueLevelSource: 'OVERRIDE',
      sharePct: 70,
    });
    expect(shares(after, 'D1')).toEqual({ 'Set engineering strategy': 40, 'Quarterly planning': 40 });
    expect(
      refusal([
        {
          kind: 'EDIT_RESPONSIBILITY',
          position: 'E1',
          responsibility: 'Feature work',
          newTitle: null,
          valueLevel: null,
          sharePct: 101,
        },
      ]).message,
    ).toMatch(/sharePct must be at most 100% \(got 101%\)/);
    expect(
      refusal([
        { kind: 'ADD_RESPONSIBILITY', position: 'E1', responsibility: 'On call', valueLevel: 'IMPLEMENTATION', sharePct: 20 },
      ]).message,
    ).toMatch(/would spend 110%/);
  });

  it('keeps a leader to their own subtree, with the same answer whether or not the person exists', () => {
    expect(apply([move('D1', 'Code reviews', 'E2')], 'D1').applied.data).toBeDefined();
    const outside = refusal([move('D1', 'Code reviews', 'S1')], 'D1');
    expect(outside.code).toBe('FORBIDDEN');
    expect(outside.message).toMatch(/to "S1" is not in your part of the chart/);
    expect(refusal([move('D1', 'Code reviews', 'GHOST')], 'D1').message).toMatch(/to "GHOST" is not in your part of the chart/);
    // Moving their own post away (under someone of their own team) is a cycle; above them is out of scope.
    expect(refusal([{ kind: 'MOVE_POSITION', position: 'D1', toManager: 'CEO' }], 'D1').code).toBe('FORBIDDEN');
    // A post they create is theirs to edit.
    expect(
      apply(
        [
          { kind: 'CREATE_POSITION', position: 'NEW-2', title: 'Engineer', tier: 'IC', manager: 'D1', department: null },
          { kind: 'MOVE_POSITION', position: 'E1', toManager: 'NEW-2' },
        ],
        'D1',
      ).after.node(pos('E1'))!.parent!.position.externalId,
    ).toBe('NEW-2');
  });

  it('refuses an edit of an unknown kind', () => {
    expect(refusal([{ kind: 'TELEPORT' } as unknown as ScenarioEdit]).message).toMatch(/unknown kind of edit/);
  });
});

describe('rebaseEdits', () => {
  it('keeps the edits that still apply to the newer chart and lists the others with why', () => {
    const newer = buildSnapshot(
      people.filter((p) => p.id !== 'E2'),
      { snapshotId: 'snap-2', asOf: '2026-01-01' },
    );
    const edits: ScenarioEdit[] = [
      move('D1', 'Code reviews', 'E2'),
      { kind: 'MOVE_POSITION', position: 'E1', toManager: 'D2' },
      move('D1', 'Quarterly planning', 'E2', 10),
    ];
    const rebased = rebaseEdits(new SnapshotIndex(newer), edits);
    expect(rebased.kept).toEqual([edits[1]]);
    expect(rebased.dropped.map((problem) => [problem.number, problem.message])).toEqual([
      [1, 'to: nobody with the id "E2" in the chart'],
      [3, 'to: nobody with the id "E2" in the chart'],
    ]);
  });
});
