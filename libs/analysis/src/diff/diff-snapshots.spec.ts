import { DEFAULT_POLICY } from '@rolemap/domain';
import { analyzeSnapshot } from '../analyze/analyze-snapshot';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { buildSnapshot, type TestPerson } from '../testing/org-builder';
import { diffSnapshots, inferredPromotions } from './diff-snapshots';

const before: TestPerson[] = [
  { id: 'ceo', title: 'CEO' },
  { id: 'vp', title: 'VP Engineering', manager: 'ceo' },
  { id: 'sam', name: 'Sam', title: 'Senior Engineer', manager: 'vp' },
  { id: 'kim', name: 'Kim', title: 'Engineer', manager: 'sam' },
  { id: 'lee', name: 'Lee', title: 'Engineer', manager: 'vp', department: 'Engineering' },
  { id: 'old', name: 'Old Timer', title: 'Engineer', manager: 'vp' },
  { id: 'ana', name: 'Ana', title: 'Engineer', manager: 'vp' },
  { id: 'eve', name: 'Eve', title: 'Engineer', manager: 'vp' },
  { id: 'joe', name: 'Joe', title: 'Engineer', manager: 'vp' },
  // A layer that disappears: vp2 leaves, mgr moves under the CEO, ic1 keeps mgr.
  { id: 'vp2', title: 'VP Sales', manager: 'ceo' },
  { id: 'mgr', name: 'Mia', title: 'Sales Manager', manager: 'vp2' },
  { id: 'ic1', name: 'Ike', title: 'Account Executive', manager: 'mgr' },
  { id: 'ic2', name: 'Ivy', title: 'Account Executive', manager: 'mgr' },
];

const after: TestPerson[] = [
  { id: 'ceo', title: 'CEO' },
  { id: 'vp', title: 'VP Engineering', manager: 'ceo' },
  // Already a manager by structure; now the title says so too.
  { id: 'sam', name: 'Sam', title: 'Engineering Manager', manager: 'vp' },
  { id: 'kim', name: 'Kim', title: 'Engineer', manager: 'sam' },
  // Department change only.
  { id: 'lee', name: 'Lee', title: 'Engineer', manager: 'vp', department: 'Platform' },
  // New manager higher in the chart, same title: moved up a layer.
  { id: 'ana', name: 'Ana', title: 'Engineer', manager: 'ceo' },
  // New title at the same tier.
  { id: 'eve', name: 'Eve', title: 'Senior Engineer', manager: 'vp' },
  // Now leads the new hires: a higher tier by structure.
  { id: 'joe', name: 'Joe', title: 'Engineer', manager: 'vp' },
  { id: 'new', name: 'New Hire', title: 'Engineer', manager: 'joe' },
  { id: 'new2', name: 'Newer Hire', title: 'Engineer', manager: 'joe' },
  { id: 'mgr', name: 'Mia', title: 'Sales Manager', manager: 'ceo' },
  { id: 'ic1', name: 'Ike', title: 'Account Executive', manager: 'mgr' },
  { id: 'ic2', name: 'Ivy', title: 'Account Executive', manager: 'mgr' },
];

describe('diffSnapshots', () => {
  const previous = buildSnapshot(before, { snapshotId: 's1', asOf: '2025-06-01' });
  const next = buildSnapshot(after, { snapshotId: 's2', asOf: '2025-12-01' });
  const diff = diffSnapshots(previous, next);

  it('finds joiners and leavers by employee id', () => {
    expect(diff.joiners.map((p) => p.employeeId)).toEqual(['new', 'new2']);
    expect(diff.joiners[0]).toEqual(expect.objectContaining({ name: 'New Hire', title: 'Engineer', tier: 'IC' }));
    expect(diff.leavers.map((p) => p.employeeId).sort()).toEqual(['old', 'vp2']);
    expect(diff).toEqual(
      expect.objectContaining({
        previousSnapshotId: 's1',
        nextSnapshotId: 's2',
        previousAsOf: '2025-06-01',
        nextAsOf: '2025-12-01',
      }),
    );
  });

  it('gives the same diff from indexes the caller already built', () => {
    expect(diffSnapshots(new SnapshotIndex(previous), new SnapshotIndex(next))).toEqual(diff);
  });

  it('finds moves: a new manager or a new department', () => {
    const moves = new Map(diff.moves.map((m) => [m.employeeId, m]));
    expect([...moves.keys()].sort()).toEqual(['ana', 'lee', 'mgr']);
    expect(moves.get('lee')).toEqual(
      expect.objectContaining({
        managerChanged: false,
        departmentChanged: true,
        fromDepartment: 'Engineering',
        toDepartment: 'Platform',
      }),
    );
    expect(moves.get('ana')).toEqual(
      expect.objectContaining({ managerChanged: true, fromManager: 'vp', toManager: 'ceo', departmentChanged: false }),
    );
  });

  it('finds promotions: a higher tier, a title naming a higher tier, or a new manager higher up', () => {
    const promotions = new Map(diff.promotions.map((p) => [p.employeeId, p]));
    expect([...promotions.keys()].sort()).toEqual(['ana', 'joe', 'mgr', 'sam']);
    expect(promotions.get('sam')).toEqual(
      expect.objectContaining({
        fromTitle: 'Senior Engineer',
        toTitle: 'Engineering Manager',
        fromTier: 'MANAGER',
        toTier: 'MANAGER',
        reason: 'HIGHER_TITLE',
      }),
    );
    expect(promotions.get('joe')).toEqual(expect.objectContaining({ fromTier: 'IC', toTier: 'MANAGER', reason: 'HIGHER_TIER' }));
    expect(promotions.get('ana')).toEqual(
      expect.objectContaining({ fromDepth: 2, toDepth: 1, reason: 'FEWER_LAYERS_ABOVE', fromTier: 'IC', toTier: 'IC' }),
    );
  });

  describe('near misses that are not promotions', () => {
    const promoted = new Set(diff.promotions.map((p) => p.employeeId));

    it('a new title at the same tier', () => {
      expect(promoted.has('eve')).toBe(false);
    });

    it('moving up only because a layer above was removed', () => {
      expect(promoted.has('ic1')).toBe(false);
      expect(promoted.has('ic2')).toBe(false);
    });

    it('a department change', () => {
      expect(promoted.has('lee')).toBe(false);
    });
  });

  it('feeds analyzeSnapshot with the promotions it inferred', () => {
    const promotions = inferredPromotions(diff, '2025-12-01');
    expect(promotions.get('sam')).toBe('2025-12-01');
    expect(promotions.has('eve')).toBe(false);
    expect(inferredPromotions(diff).get('joe')).toBe('2025-12-01');

    const tactical = buildSnapshot(
      after.map((p) =>
        p.id === 'sam'
          ? {
              ...p,
              work: [
                ['Build features', 'IMPLEMENTATION', 80, '2024-01-01'],
                ['Team planning', 'UNIFICATION', 20],
              ],
            }
          : p,
      ),
      { asOf: '2025-12-01' },
    );
    const withoutDiff = analyzeSnapshot(tactical, DEFAULT_POLICY);
    const withDiff = analyzeSnapshot(tactical, DEFAULT_POLICY, { inferredPromotions: promotions });
    expect(withoutDiff.findings.some((f) => f.kind === 'PROMOTED_STILL_TACTICAL')).toBe(false);
    expect(withDiff.findings.find((f) => f.kind === 'PROMOTED_STILL_TACTICAL')).toEqual(
      expect.objectContaining({ employeeId: 'sam', promotionSource: 'SNAPSHOT_DIFF', promotedOn: '2025-12-01' }),
    );
  });
});
