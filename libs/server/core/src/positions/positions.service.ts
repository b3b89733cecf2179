import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller';
import { isUuid } from '../common/uuid';
import { PositionScopeService } from '../access/position-scope.service';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { PositionEntity } from './position.entity';

/** A page of a snapshot's positions: `first` rows after the cursor, optionally filtered. */
export interface PositionPageQuery {
  snapshotId: string;
  first: number;
  /** Cursor from the previous page's `pageInfo.endCursor`. */
  after?: string | null;
  /** Case-insensitive match on title, department or external id. */
  search?: string | null;
  department?: string | null;
}

export interface PositionPage {
  totalCount: number;
  nodes: PositionEntity[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

@Injectable()
export class PositionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
    private readonly scope: PositionScopeService,
  ) {}

  async get(caller: Caller, id: string): Promise<PositionEntity> {
    const position = isUuid(id) ? await this.dataSource.getRepository(PositionEntity).findOneBy({ id }) : null;
    if (!position) throw new DomainError('NOT_FOUND', `No position with id ${id}`);
    const snapshot = await this.snapshots.get(caller, position.snapshotId);
    await this.scope.assertVisible(caller, snapshot, position.id, `No position with id ${id}`);
    return position;
  }

  /** Keyset paging by external id, so page 2,000 of a 100k chart costs the same as page 1. */
  async page(caller: Caller, args: PositionPageQuery): Promise<PositionPage> {
    const snapshot = await this.snapshots.get(caller, args.snapshotId);
    const query = this.dataSource
      .getRepository(PositionEntity)
      .createQueryBuilder('p')
      .where('p.snapshot_id = :snapshotId', { snapshotId: args.snapshotId });
    const scope = this.scope.condition(caller, snapshot, 'p.id');
    if (scope) query.andWhere(scope.sql, scope.parameters);
    if (args.search?.trim()) {
      query.andWhere('(p.title ILIKE :pattern OR p.department ILIKE :pattern OR p.external_id ILIKE :pattern)', {
        pattern: `%${escapeLike(args.search.trim())}%`,
      });
    }
    if (args.department) query.andWhere('p.department = :department', { department: args.department });
    const totalCount = await query.getCount();
    if (args.after) query.andWhere('p.external_id > :after', { after: decodeCursor(args.after) });
    const rows = await query
      .orderBy('p.external_id', 'ASC')
      .limit(args.first + 1)
      .getMany();
    const nodes = rows.slice(0, args.first);
    const hasNextPage = rows.length > args.first;
    return {
      totalCount,
      nodes,
      pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].externalId) : null },
    };
  }

  /** The position and everything below it down to `depth` levels, in one recursive SQL statement. */
  async subtree(caller: Caller, positionId: string, depth: number): Promise<PositionEntity[]> {
    const root = await this.get(caller, positionId);
    // Each step probes (snapshot_id, reports_to_id) with the parent row's own values: a filter
    // on a constant snapshot id here lets the planner scan the whole snapshot at every level.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH RECURSIVE sub AS (
         SELECT p.*, 0 AS relative_depth FROM position p WHERE p.id = $1
         UNION ALL
         SELECT c.*, sub.relative_depth + 1 FROM sub
           JOIN position c ON c.snapshot_id = sub.snapshot_id AND c.reports_to_id = sub.id
         WHERE sub.relative_depth < $2
       )
       SELECT * FROM sub ORDER BY relative_depth, title, external_id`,
      [root.id, depth],
    );
    const visible = await this.scope.visible(caller, await this.snapshots.get(caller, root.snapshotId));
    return rows.map(positionFromRow).filter((position) => !visible || visible.has(position.id));
  }
}

export function positionFromRow(row: Record<string, unknown>): PositionEntity {
  return Object.assign(new PositionEntity(), {
    id: row.id,
    snapshotId: row.snapshot_id,
    externalId: row.external_id,
    title: row.title,
    department: row.department,
    location: row.location,
    tier: row.tier,
    tierSource: row.tier_source,
    grade: (row.grade as string | null | undefined) ?? null,
    fte: Number(row.fte),
    reportsToId: row.reports_to_id,
    vacant: row.vacant,
    depth: Number(row.depth),
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function encodeCursor(externalId: string): string {
  return Buffer.from(externalId, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded || decoded.includes('\0') || decoded.includes('\uFFFD')) throw new DomainError('BAD_USER_INPUT', 'Invalid cursor');
  return decoded;
}
