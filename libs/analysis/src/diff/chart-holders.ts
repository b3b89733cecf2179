import type { IsoDate, SnapshotData, Tier } from '@rolemap/domain';
import { type PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';

/**
 * A snapshot as the diff compares it with the next one: each holder's first post, in the
 * snapshot's position order, as columns. Plain arrays and nothing linked, so the chart before can
 * be read and prepared on another thread and handed over without its 100k-odd row objects.
 */
export interface ChartHolders {
  kind: 'chart-holders';
  snapshotId: string;
  asOf: IsoDate;
  employeeIds: string[];
  names: string[];
  positionIds: string[];
  titles: string[];
  departments: (string | null)[];
  tiers: Tier[];
  /** Levels below the top of the chart (0 = top). */
  depths: Int32Array;
  /** The manager's employee id, or their post's reference when it is vacant; null at the top. */
  managerKeys: (string | null)[];
}

/** The holders of a snapshot (or of an index already built of one) as `diffSnapshots` reads them. */
export function chartHoldersOf(snapshot: SnapshotData | SnapshotIndex): ChartHolders {
  const index = snapshot instanceof SnapshotIndex ? snapshot : new SnapshotIndex(snapshot);
  const holders: ChartHolders = {
    kind: 'chart-holders',
    snapshotId: index.snapshot.snapshotId,
    asOf: index.snapshot.asOf,
    employeeIds: [],
    names: [],
    positionIds: [],
    titles: [],
    departments: [],
    tiers: [],
    depths: new Int32Array(index.nodes.length),
    managerKeys: [],
  };
  let count = 0;
  for (const node of index.nodes) {
    const person = node.person;
    if (!person || !index.isFirstPostOfHolder(node)) continue;
    holders.employeeIds.push(person.employeeId);
    holders.names.push(person.name);
    holders.positionIds.push(node.position.id);
    holders.titles.push(node.position.title);
    holders.departments.push(node.position.department);
    holders.tiers.push(node.position.tier);
    holders.depths[count++] = node.depth;
    holders.managerKeys.push(managerKey(node));
  }
  holders.depths = holders.depths.slice(0, count);
  return holders;
}

export function isChartHolders(value: object): value is ChartHolders {
  return (value as Partial<ChartHolders>).kind === 'chart-holders';
}

/** Whom the diff takes as a post's manager: the manager's employee id, or their post's reference when vacant. */
export function managerKey(node: PositionNode): string | null {
  const manager = node.parent;
  if (!manager) return null;
  return manager.person?.employeeId ?? manager.position.externalId;
}
