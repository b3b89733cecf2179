import { type EntityManager, type FindOptionsOrder, LessThan, LessThanOrEqual } from 'typeorm';
import { OrgSnapshotEntity } from './org-snapshot.entity';

/**
 * The organization's timeline: snapshots in the order of the dates they describe (`asOf`), not
 * the order they were imported in, so an older chart imported late still sits in the past.
 * Two charts of the same date are ordered by import (`version`): the later import is newer.
 * Index: org_snapshot_timeline_idx (organization_id, as_of, version).
 */
export const NEWEST_FIRST: FindOptionsOrder<OrgSnapshotEntity> = { asOf: 'DESC', version: 'DESC' };

type TimelinePoint = Pick<OrgSnapshotEntity, 'organizationId' | 'asOf' | 'version'>;

/** The newest chart of the organization, or null when it has none. */
export function latestSnapshot(manager: EntityManager, organizationId: string): Promise<OrgSnapshotEntity | null> {
  return manager.getRepository(OrgSnapshotEntity).findOne({ where: { organizationId }, order: NEWEST_FIRST });
}

/** Every chart of the organization, newest first. */
export function snapshotTimeline(manager: EntityManager, organizationId: string): Promise<OrgSnapshotEntity[]> {
  return manager.getRepository(OrgSnapshotEntity).find({ where: { organizationId }, order: NEWEST_FIRST });
}

/** The chart right before `snapshot` on the timeline (what it is compared with), or null for the first. */
export function snapshotBefore(manager: EntityManager, snapshot: TimelinePoint): Promise<OrgSnapshotEntity | null> {
  const { organizationId, asOf, version } = snapshot;
  return manager.getRepository(OrgSnapshotEntity).findOne({
    where: [
      { organizationId, asOf: LessThan(asOf) },
      { organizationId, asOf, version: LessThan(version) },
    ],
    order: NEWEST_FIRST,
  });
}

/**
 * The chart a new import dated `asOf` will follow: the last one imported for that date or
 * before it. The import is new on the timeline only if it differs from this one.
 */
export function snapshotPrecedingImport(
  manager: EntityManager,
  organizationId: string,
  asOf: string,
): Promise<OrgSnapshotEntity | null> {
  return manager
    .getRepository(OrgSnapshotEntity)
    .findOne({ where: { organizationId, asOf: LessThanOrEqual(asOf) }, order: NEWEST_FIRST });
}
