import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { RequestDeadline } from './graphql-limits/request-deadline';
import { AssignmentEntity } from '../modules/people/assignment.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { PositionEntity } from '../modules/positions/position.entity';
import { ResponsibilityEntity } from '../modules/responsibilities/responsibility.entity';
import { OrgSnapshotEntity } from '../modules/snapshots/org-snapshot.entity';

/**
 * Per-request batching: however deep a GraphQL tree query goes, each field of each level
 * costs one SQL statement, not one per node.
 */
export interface DataLoaders {
  positionById: DataLoader<string, PositionEntity | null>;
  directReports: DataLoader<string, PositionEntity[]>;
  assignmentByPosition: DataLoader<string, AssignmentEntity | null>;
  assignmentByPerson: DataLoader<string, AssignmentEntity | null>;
  personById: DataLoader<string, PersonEntity | null>;
  responsibilitiesByPosition: DataLoader<PositionKey, ResponsibilityEntity[], string>;
  snapshotById: DataLoader<string, OrgSnapshotEntity | null>;
}

export interface PositionKey {
  positionId: string;
  snapshotId: string;
}

@Injectable()
export class DataLoadersFactory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Past the request's deadline a batch fails before it queries, so a stopped request issues no more SQL. */
  create(deadline?: RequestDeadline): DataLoaders {
    const batch =
      <K, V>(load: (keys: readonly K[]) => Promise<V[]>) =>
      async (keys: readonly K[]) => {
        deadline?.throwIfExceeded();
        return load(keys);
      };
    const positions = this.dataSource.getRepository(PositionEntity);
    const assignments = this.dataSource.getRepository(AssignmentEntity);
    const people = this.dataSource.getRepository(PersonEntity);
    const responsibilities = this.dataSource.getRepository(ResponsibilityEntity);
    const snapshots = this.dataSource.getRepository(OrgSnapshotEntity);
    return {
      positionById: new DataLoader(
        batch(async (ids: readonly string[]) => one(ids, await positions.findBy({ id: In([...ids]) }), (p) => p.id)),
      ),
      directReports: new DataLoader(
        batch(async (ids: readonly string[]) =>
          many(
            ids,
            await positions.find({ where: { reportsToId: In([...ids]) }, order: { title: 'ASC', externalId: 'ASC' } }),
            (p) => p.reportsToId as string,
          ),
        ),
      ),
      assignmentByPosition: new DataLoader(
        batch(async (ids: readonly string[]) =>
          one(ids, await assignments.findBy({ positionId: In([...ids]) }), (a) => a.positionId),
        ),
      ),
      assignmentByPerson: new DataLoader(
        batch(async (ids: readonly string[]) =>
          one(ids, await assignments.findBy({ personId: In([...ids]) }), (a) => a.personId),
        ),
      ),
      personById: new DataLoader(
        batch(async (ids: readonly string[]) => one(ids, await people.findBy({ id: In([...ids]) }), (p) => p.id)),
      ),
      // Keyed by position; the snapshot id lets PostgreSQL use the (snapshot_id, position_id) index.
      responsibilitiesByPosition: new DataLoader(
        batch(async (keys: readonly PositionKey[]) => {
          const rows = await responsibilities.find({
            where: {
              snapshotId: In([...new Set(keys.map((key) => key.snapshotId))]),
              positionId: In(keys.map((key) => key.positionId)),
            },
            order: { sharePct: 'DESC', title: 'ASC' },
          });
          return many(
            keys.map((key) => key.positionId),
            rows,
            (r) => r.positionId,
          );
        }),
        { cacheKeyFn: (key) => key.positionId },
      ),
      snapshotById: new DataLoader(
        batch(async (ids: readonly string[]) => one(ids, await snapshots.findBy({ id: In([...ids]) }), (s) => s.id)),
      ),
    };
  }
}

function one<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

function many<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
