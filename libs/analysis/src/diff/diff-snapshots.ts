import { type IsoDate, type SnapshotData, type Tier, tierRank } from '@rolemap/domain';
import { type PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';
import { inferTierFromTitle } from '../tiers/infer-tier-from-title';
import { type ChartHolders, chartHoldersOf, isChartHolders, managerKey } from './chart-holders';

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
 * responsibilities diffs the same. The chart before may come as its holders (`chartHoldersOf`).
 */
export function diffSnapshots(
  previousSnapshot: SnapshotData | SnapshotIndex | ChartHolders,
  nextSnapshot: SnapshotData | SnapshotIndex,
): SnapshotDiff {
  const titleTiers = new Map<string, Tier>();
  // An index the caller already built is reused: at 100k people each build is a large share of a diff.
  const before = isChartHolders(previousSnapshot) ? previousSnapshot : chartHoldersOf(previousSnapshot);
  const after = indexOf(nextSnapshot);
  const next = after.snapshot;
  const diff: SnapshotDiff = {
    previousSnapshotId: before.snapshotId,
    nextSnapshotId: next.snapshotId,
    previousAsOf: before.asOf,
    nextAsOf: next.asOf,
    joiners: [],
    leavers: [],
    moves: [],
    promotions: [],
  };

  const holderOf = new Map<string, number>();
  for (let holder = 0; holder < before.employeeIds.length; holder++) holderOf.set(before.employeeIds[holder], holder);
  // Previous holders still in the chart: the rest are the leavers.
  const stayed = new Uint8Array(before.employeeIds.length);
  for (const node of after.nodes) {
    const person = node.person;
    if (!person || !after.isFirstPostOfHolder(node)) continue;
    const earlier = holderOf.get(person.employeeId);
    if (earlier === undefined) {
      diff.joiners.push(personIn(node));
      continue;
    }
    stayed[earlier] = 1;
    const fromManager = before.managerKeys[earlier];
    const toManager = managerKey(node);
    const managerChanged = fromManager !== toManager;
    const fromDepartment = before.departments[earlier];
    const departmentChanged = (fromDepartment ?? null) !== (node.position.department ?? null);
    if (managerChanged || departmentChanged) {
      diff.moves.push({
        employeeId: person.employeeId,
        name: person.name,
        fromManager,
        toManager,
        fromDepartment,
        toDepartment: node.position.department,
        managerChanged,
        departmentChanged,
      });
    }
    const fromTitle = before.titles[earlier];
    const fromTier = before.tiers[earlier];
    const fromDepth = before.depths[earlier];
    const higherTier = tierRank(node.position.tier) > tierRank(fromTier);
    const higherTitle =
      fromTitle !== node.position.title &&
      tierRank(titleTier(node.position.title, titleTiers)) > tierRank(titleTier(fromTitle, titleTiers));
    const movedUp = managerChanged && node.depth < fromDepth;
    if (higherTier || higherTitle || movedUp) {
      diff.promotions.push({
        employeeId: person.employeeId,
        name: person.name,
        positionId: node.position.id,
        fromTitle,
        toTitle: node.position.title,
        fromTier,
        toTier: node.position.tier,
        fromDepth,
        toDepth: node.depth,
        reason: higherTier ? 'HIGHER_TIER' : higherTitle ? 'HIGHER_TITLE' : 'FEWER_LAYERS_ABOVE',
      });
    }
  }
  for (let holder = 0; holder < before.employeeIds.length; holder++) {
    if (stayed[holder] === 1) continue;
    diff.leavers.push({
      employeeId: before.employeeIds[holder],
      name: before.names[holder],
      positionId: before.positionIds[holder],
      title: before.titles[holder],
      department: before.departments[holder],
      tier: before.tiers[holder],
    });
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
