import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { type BeforeBatch, guardedBatch, manyByKey } from '../common/batch-rows';
import { ResponsibilityEntity } from './responsibility.entity';

export interface PositionKey {
  positionId: string;
  snapshotId: string;
}

/** Per-request batching of responsibilities (see PositionLoaders). */
export interface ResponsibilityLoaders {
  /** A position's responsibilities, largest share of time first. */
  byPosition: DataLoader<PositionKey, ResponsibilityEntity[], string>;
}

export function createResponsibilityLoaders(dataSource: DataSource, beforeBatch?: BeforeBatch): ResponsibilityLoaders {
  const responsibilities = dataSource.getRepository(ResponsibilityEntity);
  return {
    // Keyed by position; the snapshot id lets PostgreSQL use the (snapshot_id, position_id) index.
    byPosition: new DataLoader(
      guardedBatch(beforeBatch, async (keys: readonly PositionKey[]) => {
        const rows = await responsibilities.find({
          where: {
            snapshotId: In([...new Set(keys.map((key) => key.snapshotId))]),
            positionId: In(keys.map((key) => key.positionId)),
          },
          order: { sharePct: 'DESC', title: 'ASC' },
        });
        return manyByKey(
          keys.map((key) => key.positionId),
          rows,
          (r) => r.positionId,
        );
      }),
      { cacheKeyFn: (key) => key.positionId },
    ),
  };
}
