import { DEFAULT_POLICY, FINDING_KINDS } from '@rolemap/domain';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, chain, positionIdOf as pos, team, type TestPerson } from '../testing/org-builder';
import { analyzeSnapshot } from './analyze-snapshot';
import { filterFindings } from './filter-findings';
import { summarize } from './summarize';

/**
 * A small company with one of each problem:
 * - Dana (Director, Engineering) promoted this year, still coding: PROMOTED_STILL_TACTICAL + DELEGATION_GAP.
 * - Priya (Engineering) top-rated, 4 years in role, all hands-on: PIGEONHOLING_RISK.
 * - Lou (Sales Manager) has one report: SPAN_OF_CONTROL.
 * - A nine-level line under the CEO: LAYERS (and, as each of l2-l7 has one report, more spans).
 */
const people: TestPerson[] = [
  {
    id: 'ceo',
    name: 'Ana Ruiz',
    title: 'CEO',
    department: null,
    work: [
      ['Set strategy', 'LEADERSHIP', 60],
      ['Board report', 'COMMUNICATION', 40],
    ],
  },
  {
    id: 'dana',
    name: 'Dana Reyes',
    title: 'Director of Engineering',
    manager: 'ceo',
    lastPromotionDate: '2025-03-01',
    work: [
      ['Code reviews', 'IMPLEMENTATION', 30, '2021-01-01'],
      ['Hands-on coding', 'IMPLEMENTATION', 20, '2021-01-01'],
      ['Quarterly planning', 'UNIFICATION', 30, '2025-03-01'],
      ['Hiring', 'LEADERSHIP', 20, '2025-03-01'],
    ],
  },
  {
    id: 'priya',
    name: 'Priya Shah',
    title: 'Senior Engineer',
    manager: 'dana',
    rating: 5,
    roleStartDate: '2021-09-01',
    work: [['Billing engine', 'IMPLEMENTATION', 70]],
  },
  { id: 'eng2', manager: 'dana', work: [['Review pull requests', 'IMPLEMENTATION', 40]] },
  {
    id: 'lou',
    name: 'Lou Park',
    title: 'Sales Manager',
    manager: 'ceo',
    department: 'Sales',
    work: [['Pipeline review', 'UNIFICATION', 100]],
  },
  { id: 'rep', title: 'Account Executive', manager: 'lou', department: 'Sales', work: [['Sell', 'IMPLEMENTATION', 100]] },
  ...chain(['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8'], { department: 'Operations' }, 'ceo').map((p) => ({
    ...p,
    work: [
      [p.id === 'l8' ? 'Operate' : 'Shift planning', p.id === 'l8' ? 'IMPLEMENTATION' : 'UNIFICATION', 100],
    ] as TestPerson['work'],
  })),
  // A second team under l1, wide enough to count among the worst subtrees.
  ...team('l1', 'ops', 4, { department: 'Operations', work: [['Operate', 'IMPLEMENTATION', 100]] }),
];

const snapshot = buildSnapshot(people, { asOf: '2025-12-01', snapshotId: 'snap-1' });

describe('analyzeSnapshot', () => {
  const result = analyzeSnapshot(snapshot, DEFAULT_POLICY);

  it('runs every rule and returns one mix per position', () => {
    expect(result.snapshotId).toBe('snap-1');
    expect(result.asOf).toBe('2025-12-01');
    expect(result.mixes.map((m) => m.positionId)).toEqual(snapshot.positions.map((p) => p.id));
    const kinds = new Set(result.findings.map((f) => f.kind));
    expect([...kinds].sort()).toEqual([...FINDING_KINDS].sort());
    expect(result.findings.find((f) => f.kind === 'LAYERS')?.positionId).toBe(pos('ceo'));
  });

  it('orders findings most severe first, with stable keys', () => {
    const severities = result.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(new Set(result.findings.map((f) => f.key)).size).toBe(result.findings.length);
    expect(result.findings.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'PROMOTED_STILL_TACTICAL:dana',
        'DELEGATION_GAP:dana:dana:code reviews',
        'DELEGATION_GAP:dana:dana:hands-on coding',
        'PIGEONHOLING_RISK:priya',
        'SPAN_OF_CONTROL:lou',
        'LAYERS:ceo',
      ]),
    );
  });

  it('gives the same keys for the next snapshot of the same people, whatever the position ids', () => {
    const next = buildSnapshot(people, { asOf: '2026-01-01', snapshotId: 'snap-2' });
    for (const position of next.positions) position.id = `new-${position.id}`;
    for (const assignment of next.assignments) assignment.positionId = `new-${assignment.positionId}`;
    for (const r of next.responsibilities) r.positionId = `new-${r.positionId}`;
    for (const position of next.positions) if (position.reportsToId) position.reportsToId = `new-${position.reportsToId}`;
    const keys = (r: ReturnType<typeof analyzeSnapshot>) => r.findings.map((f) => f.key).sort();
    expect(keys(analyzeSnapshot(next, DEFAULT_POLICY, { asOf: '2025-12-01' }))).toEqual(keys(result));
  });

  it('takes the analysis date and snapshot-diff promotions from the options', () => {
    const later = analyzeSnapshot(snapshot, DEFAULT_POLICY, { asOf: '2028-01-01' });
    expect(later.asOf).toBe('2028-01-01');
    expect(later.findings.some((f) => f.kind === 'PROMOTED_STILL_TACTICAL')).toBe(false);
    const seen = analyzeSnapshot(snapshot, DEFAULT_POLICY, { inferredPromotions: new Map([['priya', '2025-10-01']]) });
    expect(seen.findings.some((f) => f.kind === 'PIGEONHOLING_RISK')).toBe(false);
  });

  it('accepts a prebuilt index', () => {
    expect(analyzeSnapshot(new SnapshotIndex(snapshot), DEFAULT_POLICY).findings.length).toBe(result.findings.length);
  });

  it('attaches the department to each finding', () => {
    expect(result.findings.find((f) => f.key === 'SPAN_OF_CONTROL:lou')?.department).toBe('Sales');
    expect(result.findings.find((f) => f.key === 'LAYERS:ceo')?.department).toBeNull();
  });
});

describe('summarize', () => {
  const result = analyzeSnapshot(snapshot, DEFAULT_POLICY);

  it('counts findings per kind and per department', () => {
    const { summary } = result;
    expect(summary.findingCount).toBe(result.findings.length);
    expect(summary.byKind.DELEGATION_GAP).toBe(2);
    expect(summary.byKind.LAYERS).toBe(1);
    const engineering = summary.byDepartment.find((d) => d.department === 'Engineering')!;
    expect(engineering.byKind).toEqual(
      expect.objectContaining({ PROMOTED_STILL_TACTICAL: 1, DELEGATION_GAP: 2, PIGEONHOLING_RISK: 1 }),
    );
    expect(summary.byDepartment.map((d) => d.total).reduce((a, b) => a + b, 0)).toBe(summary.findingCount);
    expect(summary.positionCount).toBe(snapshot.positions.length);
  });

  it('measures how tactical the leaders are', () => {
    const { summary } = result;
    // Leaders with described work: CEO 0%, Dana 50%, Lou 0%, l1-l7 (managers by structure) 0%.
    const leaders = result.mixes.filter((m) => m.tier !== 'IC' && m.allocatedPct > 0);
    expect(summary.leaderCount).toBe(leaders.length);
    const mean = leaders.reduce((sum, m) => sum + m.actual.IMPLEMENTATION, 0) / leaders.length;
    expect(summary.leaderTacticalLoadPct).toBeCloseTo(mean, 2);
    expect(summary.leaderTacticalLoadPct).toBe(5);
    const below = leaders.reduce((sum, m) => sum + m.actual.IMPLEMENTATION, 0);
    const described = leaders.reduce((sum, m) => sum + m.allocatedPct, 0);
    expect(summary.leaderTimeBelowLevelPct).toBeCloseTo((below / described) * 100, 2);
  });

  it('summarises a subtree only', () => {
    const index = new SnapshotIndex(snapshot);
    const engineering = index.subtreeOf(pos('dana')).map((p) => p.id);
    const summary = summarize(result, engineering);
    expect(summary.positionCount).toBe(3);
    expect(summary.byKind).toEqual({
      PROMOTED_STILL_TACTICAL: 1,
      DELEGATION_GAP: 2,
      PIGEONHOLING_RISK: 1,
      SPAN_OF_CONTROL: 0,
      LAYERS: 0,
    });
    expect(summary.leaderCount).toBe(1);
    expect(summary.leaderTacticalLoadPct).toBe(50);
    expect(summary.leaderTimeBelowLevelPct).toBe(50);
  });

  it('ranks subtrees by severity per person, leaving out the scope root and tiny teams', () => {
    const { worstSubtrees } = result.summary;
    expect(worstSubtrees.length).toBeGreaterThan(0);
    expect(worstSubtrees.map((s) => s.positionId)).not.toContain(pos('ceo'));
    for (const subtree of worstSubtrees) expect(subtree.headcount).toBeGreaterThanOrEqual(5);
    const perPerson = worstSubtrees.map((s) => s.severityPerPerson);
    expect(perPerson).toEqual([...perPerson].sort((a, b) => b - a));
    const l1 = worstSubtrees.find((s) => s.positionId === pos('l1'))!;
    expect(l1.headcount).toBe(12);
    const own = result.findings.filter((f) => new SnapshotIndex(snapshot).isInSubtree(pos('l1'), f.positionId));
    expect(l1.findingCount).toBe(own.length);
  });

  it('copes with an empty scope', () => {
    const summary = summarize(result, []);
    expect(summary).toEqual(
      expect.objectContaining({
        positionCount: 0,
        findingCount: 0,
        leaderTacticalLoadPct: null,
        leaderTimeBelowLevelPct: null,
        worstSubtrees: [],
      }),
    );
  });
});

describe('filterFindings', () => {
  const { findings } = analyzeSnapshot(snapshot, DEFAULT_POLICY);

  it('filters by kind, severity, department and positions, all combined', () => {
    expect(
      filterFindings(findings, { kinds: ['SPAN_OF_CONTROL'] })
        .map((f) => f.key)
        .sort(),
    ).toEqual(['l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'lou'].map((id) => `SPAN_OF_CONTROL:${id}`));
    expect(filterFindings(findings, { minSeverity: 0.5 }).every((f) => f.severity >= 0.5)).toBe(true);
    expect(filterFindings(findings, { minSeverity: 0.5 }).length).toBeLessThan(findings.length);
    expect(filterFindings(findings, { department: ' sales ' }).map((f) => f.key)).toEqual(['SPAN_OF_CONTROL:lou']);
    expect(filterFindings(findings, { department: null }).map((f) => f.key)).toEqual(['LAYERS:ceo']);
    expect(filterFindings(findings, { positionIds: [pos('dana')] }).every((f) => f.employeeId === 'dana')).toBe(true);
    expect(filterFindings(findings, { kinds: ['DELEGATION_GAP'], positionIds: [pos('lou')] })).toEqual([]);
  });

  it('returns everything for an empty filter', () => {
    expect(filterFindings(findings, {})).toEqual(findings);
  });
});
