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
  /** The dotted-line managers of a position, by title then external id (scope: see DottedLinePosition). */
  dottedLineManagers: DataLoader<string, DottedLinePosition[]>;
  /** The positions that answer to a position on a dotted line, by title then external id. */
  dottedLineReports: DataLoader<string, DottedLinePosition[]>;
}

/**
 * The far end of a dotted line, named but not opened: a leader's dotted-line report may sit
 * outside their subtree, so it comes as what a card's heading says (title, holder's name) with
 * `inScope` false, never with its ratings, responsibilities or findings.
 */
export interface DottedLinePosition {
  id: string;
  snapshotId: string;
  externalId: string;
  title: string;
  department: string | null;
  vacant: boolean;
  /** The holder's name; null for a vacant post. */
  name: string | null;
  /** Whether the caller may open the position itself (it is inside their scope). */
  inScope: boolean;
}

interface DottedLineRow {
  link_key: string;
  id: string;
  snapshot_id: string;
  external_id: string;
  title: string;
  department: string | null;
  vacant: boolean;
  name: string | null;
}

// `near` is the position asked about, `far` the other end of the line; joined through the asked
// position's snapshot so the (snapshot_id, …) keys of position_dotted_line answer.
function dottedLineSql(nearColumn: 'position_id' | 'manager_position_id', farColumn: 'position_id' | 'manager_position_id') {
  return `SELECT near.id AS link_key, far.id, far.snapshot_id, far.external_id, far.title, far.department, far.vacant,
            pe.name
       FROM position near
       JOIN position_dotted_line d ON d.snapshot_id = near.snapshot_id AND d.${nearColumn} = near.id
       JOIN position far ON far.id = d.${farColumn}
       LEFT JOIN assignment a ON a.position_id = far.id
       LEFT JOIN person pe ON pe.id = a.person_id
      WHERE near.id = ANY($1::uuid[])
      ORDER BY far.title, far.external_id`;
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
  const dottedLines = (sql: string) =>
    new DataLoader<string, DottedLinePosition[]>(
      guardedBatch(beforeBatch, async (ids: readonly string[]) => {
        const rows: DottedLineRow[] = await dataSource.query(sql, [[...ids]]);
        const bySnapshot = new Map<string, ReadonlySet<string> | null>();
        for (const snapshotId of new Set(rows.map((row) => row.snapshot_id)))
          bySnapshot.set(snapshotId, visibleIn ? await visibleIn(snapshotId) : null);
        const links = rows.map((row) => {
          const visible = bySnapshot.get(row.snapshot_id);
          return {
            key: row.link_key,
            position: {
              id: row.id,
              snapshotId: row.snapshot_id,
              externalId: row.external_id,
              title: row.title,
              department: row.department,
              vacant: row.vacant,
              name: row.vacant ? null : row.name,
              inScope: !visible || visible.has(row.id),
            },
          };
        });
        return manyByKey(ids, links, (link) => link.key).map((list) => list.map((link) => link.position));
      }),
    );
  return {
    dottedLineManagers: dottedLines(dottedLineSql('position_id', 'manager_position_id')),
    dottedLineReports: dottedLines(dottedLineSql('manager_position_id', 'position_id')),
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
