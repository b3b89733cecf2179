import type { ChartNodeFieldsFragment, ScenarioFieldsFragment, ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import { newPostId, scenarioChartNodes } from './scenario-chart';
import { dropEdit, responsibilityDragData, responsibilityDrop } from './scenario-edits';
import { scenarioProblem } from './scenario-errors';
import { comparisonRows, formatDelta, headlineFigures, tierGapFigures } from './scenario-figures';
import { newerSnapshotThan, scenarioListItems } from './scenario-list';

const mix = (implementation: number, leadership: number) => ({
  implementation,
  unification: 0,
  communication: 100 - implementation - leadership,
  leadership,
});
const positionMix = (implementation: number, allocatedPct = 100) => ({
  tacticalGap: implementation / 100,
  allocatedPct,
  overallocatedPct: Math.max(0, allocatedPct - 100),
  actual: mix(implementation, 10),
  expected: mix(10, 40),
});

function chartNode(id: string, parentId: string | null, employeeId: string | null, name = id): ChartNodeFieldsFragment {
  return {
    id,
    parentId,
    name,
    title: `${name}'s title`,
    tier: 'MANAGER',
    tierSource: 'STRUCTURE',
    department: null,
    vacant: employeeId === null,
    employeeId,
    directReports: 0,
    tacticalGap: 0.5,
    openFindings: 0,
    badges: [],
    descendantCount: 0,
    subtreeFindings: 0,
    hasData: true,
    descendantsWithoutData: 0,
    dottedLineManagerIds: [],
    actualMix: mix(50, 10),
  } as ChartNodeFieldsFragment;
}

type Affected = ScenarioScoreFieldsFragment['affected'][number];
function affected(externalId: string, change: Partial<Affected>): Affected {
  return {
    externalId,
    name: externalId,
    title: 'Engineer',
    tier: 'IC',
    managerBefore: null,
    managerAfter: null,
    before: positionMix(50),
    after: positionMix(20),
    findingsBefore: [],
    findingsAfter: [],
    ...change,
  } as Affected;
}

const ba = (before: number | null, after: number | null) => ({ before, after });
function score(overrides: Partial<ScenarioScoreFieldsFragment> = {}): ScenarioScoreFieldsFragment {
  return {
    scenario: { id: 's1', name: 'One' } as ScenarioFieldsFragment,
    findingsByKind: [
      { kind: 'DELEGATION_GAP', ...ba(3, 1) },
      { kind: 'LAYERS', ...ba(0, 0) },
    ],
    findingCount: ba(5, 3),
    resolved: [],
    introduced: [],
    leaderTimeBelowLevelPct: ba(30, 22.5),
    leaderTacticalLoadPct: ba(40, 40),
    tacticalGapByTier: [
      { tier: 'MANAGER', ...ba(12, 4) },
      { tier: 'IC', ...ba(null, null) },
    ],
    meanSpan: ba(4, 4.5),
    maxSpan: ba(8, 8),
    layers: ba(5, 6),
    overCapacity: ba(0, 1),
    affected: [],
    problems: [],
    ...overrides,
  } as ScenarioScoreFieldsFragment;
}

describe('scenario figures', () => {
  it('says which changes improve role health and which set it back', () => {
    const rows = new Map(headlineFigures(score()).map((row) => [row.key, row]));
    expect(rows.get('findings')).toMatchObject({ before: 5, after: 3, delta: -2, improves: true });
    expect(rows.get('below-level')).toMatchObject({ delta: -7.5, improves: true, unit: '%' });
    expect(rows.get('tactical-load')).toMatchObject({ delta: 0, improves: null });
    expect(rows.get('over-capacity')).toMatchObject({ delta: 1, improves: false });
    expect(rows.get('layers')).toMatchObject({ improves: false });
    // A wider span is neither good nor bad in itself.
    expect(rows.get('mean-span')).toMatchObject({ delta: 0.5, improves: null });
  });

  it('leaves out tiers without data and formats changes with their unit', () => {
    expect(tierGapFigures(score()).map((row) => row.key)).toEqual(['tier-MANAGER']);
    expect(formatDelta(-7.5, '%')).toBe('−7.5%');
    expect(formatDelta(2, 'pts')).toBe('+2 pts');
    expect(formatDelta(0, '')).toBe('±0');
  });

  it('lays several scenarios side by side, a dash where one lacks a figure', () => {
    const other = score({
      scenario: { id: 's2', name: 'Two' } as ScenarioFieldsFragment,
      findingsByKind: [{ kind: 'LAYERS', ...ba(1, 0) }],
      findingCount: ba(5, 6),
    });
    const rows = comparisonRows([score(), other]);
    const findings = rows.find((row) => row.key === 'findings')!;
    expect(findings.base).toBe(5);
    expect(findings.cells.map((cell) => cell?.after)).toEqual([3, 6]);
    const gaps = rows.find((row) => row.key === 'kind-DELEGATION_GAP')!;
    expect(gaps.cells[1]).toBeNull();
    expect(rows.find((row) => row.key === 'kind-LAYERS')!.cells[0]).toBeNull();
  });
});

describe('scenario list', () => {
  const snapshots = [
    { id: 'a', version: 1, asOf: '2026-01-01' },
    { id: 'b', version: 2, asOf: '2026-06-30' },
    { id: 'c', version: 3, asOf: '2026-06-30' },
  ];

  it('finds the newer snapshot a scenario should be rebased onto', () => {
    expect(newerSnapshotThan('a', snapshots)?.id).toBe('c');
    expect(newerSnapshotThan('b', snapshots)?.id).toBe('c');
    expect(newerSnapshotThan('c', snapshots)).toBeNull();
    expect(newerSnapshotThan('gone', snapshots)).toBeNull();
  });

  it('names the base snapshot and never asks to rebase an approved plan', () => {
    const items = scenarioListItems(
      [
        { id: '1', snapshotId: 'a', status: 'DRAFT' },
        { id: '2', snapshotId: 'a', status: 'APPROVED' },
        { id: '3', snapshotId: 'gone', status: 'DRAFT' },
      ] as ScenarioFieldsFragment[],
      snapshots,
    );
    expect(items.map((item) => [item.baseLabel, item.rebaseOnto?.version ?? null])).toEqual([
      ['v1 (2026-01-01)', 3],
      ['v1 (2026-01-01)', null],
      ['a removed snapshot', null],
    ]);
  });
});

describe('the chart a scenario leaves', () => {
  const base = [
    chartNode('p-top', null, 'T'),
    chartNode('p-a', 'p-top', 'A'),
    chartNode('p-b', 'p-top', 'B'),
    chartNode('p-c', 'p-a', 'C'),
    chartNode('p-v', 'p-a', null, 'Vacant'),
  ];
  const expected = new Map();

  it('moves people under their new manager with the scenario’s mix, and marks them', () => {
    const nodes = scenarioChartNodes(base, [affected('C', { managerBefore: 'A', managerAfter: 'B' })], expected);
    const c = nodes.find((node) => node.id === 'p-c')!;
    expect(c).toMatchObject({ parentId: 'p-b', changed: true, tacticalGap: 0.2 });
    expect(c.actualMix.IMPLEMENTATION).toBe(20);
    expect(nodes.find((node) => node.id === 'p-b')!.directReports).toBe(1);
    expect(nodes.find((node) => node.id === 'p-a')!.changed).toBeUndefined();
  });

  it('keeps the base in the baseline, with the same cards marked', () => {
    const nodes = scenarioChartNodes(base, [affected('C', { managerBefore: 'A', managerAfter: 'B' })], expected, {
      baseline: true,
    });
    expect(nodes.find((node) => node.id === 'p-c')).toMatchObject({ parentId: 'p-a', changed: true, tacticalGap: 0.5 });
  });

  it('drops closed posts, adds new ones under a shown manager, and leaves out moves out of view', () => {
    const nodes = scenarioChartNodes(
      base,
      [
        affected('B', { after: null }),
        affected('NEW-1', { name: null, before: null, managerAfter: 'A', title: 'Analyst' }),
        affected('C', { managerBefore: 'A', managerAfter: 'ELSEWHERE' }),
      ],
      expected,
    );
    const ids = nodes.map((node) => node.id);
    expect(ids).not.toContain('p-b');
    expect(ids).not.toContain('p-c');
    expect(nodes.find((node) => node.id === newPostId('NEW-1'))).toMatchObject({ parentId: 'p-a', vacant: true, changed: true });
  });

  it('turns a drop into a move, or says why it is none', () => {
    const byId = new Map(base.map((node) => [node.id, node]));
    expect(dropEdit('p-c', 'p-b', byId)).toEqual({ edit: { kind: 'MOVE_POSITION', position: 'C', toManager: 'B' } });
    expect(dropEdit('p-c', 'p-a', byId)).toEqual({ reason: 'p-c already reports to p-a.' });
    expect(dropEdit('p-c', 'p-v', byId)).toEqual({ reason: 'Vacant is a vacant post: it cannot manage anyone yet.' });
    expect(dropEdit('p-v', 'p-b', byId)).toHaveProperty('reason');
    expect(dropEdit('p-c', 'p-c', byId)).toHaveProperty('reason');
  });

  it('turns a responsibility dropped on a card into a move waiting for its share, or says why it is none', () => {
    const byId = new Map(base.map((node) => [node.id, node]));
    const data = responsibilityDragData({ from: 'C', responsibility: 'Hiring', sharePct: 30 });
    expect(responsibilityDrop(data, 'p-b', byId)).toEqual({
      drop: { from: 'C', responsibility: 'Hiring', sharePct: 30, to: 'B', toName: 'p-b' },
    });
    expect(responsibilityDrop(data, 'p-c', byId)).toEqual({ reason: 'p-c already holds “Hiring”.' });
    expect(responsibilityDrop(data, 'p-v', byId)).toEqual({
      reason: 'Vacant is a vacant post: nobody there can take on “Hiring”.',
    });
    expect(responsibilityDrop(data, 'elsewhere', byId)).toHaveProperty('reason');
    expect(responsibilityDrop('not json', 'p-b', byId)).toHaveProperty('reason');
    expect(responsibilityDrop('{"from":"C"}', 'p-b', byId)).toHaveProperty('reason');
  });
});

describe('scenario problems', () => {
  it('tells a version conflict from other refusals', () => {
    const conflict = {
      message: 'x',
      errors: [{ message: '"Plan" was changed by someone else (now version 4): reload it', extensions: { code: 'CONFLICT' } }],
    };
    expect(scenarioProblem(conflict)).toEqual({ message: conflict.errors[0].message, conflict: true });
    expect(scenarioProblem(new Error('Edit 2 (move …): a reporting cycle'))).toEqual({
      message: 'Edit 2 (move …): a reporting cycle',
      conflict: false,
    });
  });
});
