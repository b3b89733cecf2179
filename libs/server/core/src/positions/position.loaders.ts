import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { type BeforeBatch, guardedBatch, manyByKey, oneByKey } from '../common/batch-rows';
import { PositionEntity } from './position.entity';

/**
 * Per-request batching for tree queries: however deep a query goes, each level costs one SQL
 * statement, not one per node. Create one set per request (they cache what they load).
 */
export interface PositionLoaders {
  byId: DataLoader<string, PositionEntity | null>;
  /** Direct reports by manager position id, by title then external id. */
  directReports: DataLoader<string, PositionEntity[]>;
}

/** The position ids of a snapshot the request's caller may see, or null for all (PositionScopeService). */
export type VisiblePositions = (snapshotId: string) => Promise<ReadonlySet<string> | null>;

/**
 * `visibleIn` keeps every position outside the caller's scope out of what the loaders return, so
 * walking up (reportsTo) or down (directReports) from a visible position never leaves the scope.
 */
export function createPositionLoaders(
  dataSource: DataSource,
  beforeBatch?: BeforeBatch,
  visibleIn?: VisiblePositions,
): PositionLoaders {
  const positions = dataSource.getRepository(PositionEntity);
  const inScope = async (rows: PositionEntity[]): Promise<PositionEntity[]> => {
    if (!visibleIn || rows.length === 0) return rows;
    const bySnapshot = new Map<string, ReadonlySet<string> | null>();
    for (const snapshotId of new Set(rows.map((row) => row.snapshotId))) bySnapshot.set(snapshotId, await visibleIn(snapshotId));
    return rows.filter((row) => {
      const visible = bySnapshot.get(row.snapshotId);
      return !visible || visible.has(row.id);
    });
  };
  return {
    byId: new DataLoader(
      guardedBatch(beforeBatch, async (ids: readonly string[]) =>
        oneByKey(ids, await inScope(await positions.findBy({ id: In([...ids]) })), (p) => p.id),
      ),
    ),
    directReports: new DataLoader(
      guardedBatch(beforeBatch, async (ids: readonly string[]) =>
        manyByKey(
          ids,
          await inScope(
            // Joined on the manager's snapshot so the (snapshot_id, reports_to_id) index answers.
            await positions
              .createQueryBuilder('c')
              .innerJoin(PositionEntity, 'm', 'c.snapshot_id = m.snapshot_id AND c.reports_to_id = m.id')
              .where('m.id IN (:...ids)', { ids: [...ids] })
              .orderBy('c.title', 'ASC')
              .addOrderBy('c.external_id', 'ASC')
              .getMany(),
          ),
          (p) => p.reportsToId as string,
        ),
      ),
    ),
  };
}
