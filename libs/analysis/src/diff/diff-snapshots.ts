import { type IsoDate, type SnapshotData, type Tier, tierRank } from '@rolemap/domain';
import { type PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';
import { inferTierFromTitle } from '../tiers/infer-tier-from-title';

export interface PersonInSnapshot {
  employeeId: string;
  name: string;
  positionId: string;
  title: string;
  department: string | null;
  tier: Tier;
}

export interface Move {
  employeeId: string;
  name: string;
  /** Employee id of the manager (or the post reference when the manager's post is vacant). */
  fromManager: string | null;
  toManager: string | null;
  fromDepartment: string | null;
  toDepartment: string | null;
  managerChanged: boolean;
  departmentChanged: boolean;
}

export interface PromotionChange {
  employeeId: string;
  name: string;
  /** Position in the next snapshot. */
  positionId: string;
  fromTitle: string;
  toTitle: string;
  fromTier: Tier;
  toTier: Tier;
  /** Levels below the top of the chart (0 = top). */
  fromDepth: number;
  toDepth: number;
  /**
   * HIGHER_TIER: the position's tier went up. HIGHER_TITLE: the new title names a higher tier
   * even though the position's tier did not change (a senior engineer already leading a team,
   * so a MANAGER by structure, now titled Engineering Manager). FEWER_LAYERS_ABOVE: a new
   * manager, placing them higher in the chart.
   */
  reason: 'HIGHER_TIER' | 'HIGHER_TITLE' | 'FEWER_LAYERS_ABOVE';
}

export interface SnapshotDiff {
  previousSnapshotId: string;
  nextSnapshotId: string;
  previousAsOf: IsoDate;
  nextAsOf: IsoDate;
  joiners: PersonInSnapshot[];
  leavers: PersonInSnapshot[];
  moves: Move[];
  promotions: PromotionChange[];
}

/**
 * What changed for people between two snapshots, matched by employee id.
 *
 * A promotion is a higher tier (a new title, or a new team of reports via the structure
 * rule), a new title naming a higher tier, or a new manager placed higher in the chart. A
 * smaller depth alone is not enough: when a layer is removed everyone beneath it moves up
 * without being promoted, so only those whose own manager changed count. A new title at the
 * same tier (Engineer → Senior Engineer) is not a promotion here: it changes no expectations.
 * Only positions, people and assignments are read: a snapshot loaded without its
 * responsibilities diffs the same.
 */
export function diffSnapshots(
  previousSnapshot: SnapshotData | SnapshotIndex,
  nextSnapshot: SnapshotData | SnapshotIndex,
): SnapshotDiff {
  const titleTiers = new Map<string, Tier>();
  // An index the caller already built is reused: at 100k people each build is a large share of a diff.
  const before = indexOf(previousSnapshot);
  const after = indexOf(nextSnapshot);
  const previous = before.snapshot;
  const next = after.snapshot;
  const diff: SnapshotDiff = {
    previousSnapshotId: previous.snapshotId,
    nextSnapshotId: next.snapshotId,
    previousAsOf: previous.asOf,
    nextAsOf: next.asOf,
    joiners: [],
    leavers: [],
    moves: [],
    promotions: [],
  };

  // Previous posts whose holder is still in the chart, by ordinal: the rest are the leavers.
  const stayed = new Uint8Array(before.nodes.length);
  for (const node of after.nodes) {
    const person = node.person;
    if (!person || !after.isFirstPostOfHolder(node)) continue;
    const earlier = before.nodeOfEmployee(person.employeeId);
    if (!earlier) {
      diff.joiners.push(personIn(node));
      continue;
    }
    stayed[earlier.ordinal] = 1;
    const fromManager = managerKey(earlier);
    const toManager = managerKey(node);
    const managerChanged = fromManager !== toManager;
    const departmentChanged = (earlier.position.department ?? null) !== (node.position.department ?? null);
    if (managerChanged || departmentChanged) {
      diff.moves.push({
        employeeId: person.employeeId,
        name: person.name,
        fromManager,
        toManager,
        fromDepartment: earlier.position.department,
        toDepartment: node.position.department,
        managerChanged,
        departmentChanged,
      });
    }
    const higherTier = tierRank(node.position.tier) > tierRank(earlier.position.tier);
    const higherTitle =
      earlier.position.title !== node.position.title &&
      tierRank(titleTier(node.position.title, titleTiers)) > tierRank(titleTier(earlier.position.title, titleTiers));
    const movedUp = managerChanged && node.depth < earlier.depth;
    if (higherTier || higherTitle || movedUp) {
      diff.promotions.push({
        employeeId: person.employeeId,
        name: person.name,
        positionId: node.position.id,
        fromTitle: earlier.position.title,
        toTitle: node.position.title,
        fromTier: earlier.position.tier,
        toTier: node.position.tier,
        fromDepth: earlier.depth,
        toDepth: node.depth,
        reason: higherTier ? 'HIGHER_TIER' : higherTitle ? 'HIGHER_TITLE' : 'FEWER_LAYERS_ABOVE',
      });
    }
  }
  for (const node of before.nodes) {
    if (before.isFirstPostOfHolder(node) && stayed[node.ordinal] === 0) diff.leavers.push(personIn(node));
  }
  return diff;
}

/**
 * Promotions as `analyzeSnapshot` takes them: employee id → the date they were first seen
 * (the next snapshot's date). The real date lies between the two snapshots; the later bound
 * keeps a recent promotion inside the window rather than dropping it early.
 */
export function inferredPromotions(diff: SnapshotDiff, nextAsOf: IsoDate = diff.nextAsOf): Map<string, IsoDate> {
  return new Map(diff.promotions.map((promotion) => [promotion.employeeId, nextAsOf]));
}

function indexOf(snapshot: SnapshotData | SnapshotIndex): SnapshotIndex {
  return snapshot instanceof SnapshotIndex ? snapshot : new SnapshotIndex(snapshot);
}

function personIn(node: PositionNode): PersonInSnapshot {
  return {
    employeeId: node.person?.employeeId ?? node.position.externalId,
    name: node.person?.name ?? '',
    positionId: node.position.id,
    title: node.position.title,
    department: node.position.department,
    tier: node.position.tier,
  };
}

/** The tier the title alone names (IC when it names none). */
function titleTier(title: string, cache: Map<string, Tier>): Tier {
  let tier = cache.get(title);
  if (tier === undefined) {
    tier = inferTierFromTitle(title)?.tier ?? 'IC';
    cache.set(title, tier);
  }
  return tier;
}

function managerKey(node: PositionNode): string | null {
  const manager = node.parent;
  if (!manager) return null;
  return manager.person?.employeeId ?? manager.position.externalId;
}
