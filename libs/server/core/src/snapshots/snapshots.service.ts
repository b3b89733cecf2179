import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../common/caller';
import { isUuid } from '../common/uuid';
import { OrgSnapshotEntity } from './org-snapshot.entity';
import { latestSnapshot, snapshotBefore } from './snapshot-order';

@Injectable()
export class SnapshotsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The snapshot, after checking the caller may see its organization. */
  async get(caller: Caller, snapshotId: string): Promise<OrgSnapshotEntity> {
    const snapshot = isUuid(snapshotId)
      ? await this.dataSource.getRepository(OrgSnapshotEntity).findOneBy({ id: snapshotId })
      : null;
    if (!snapshot) throw new DomainError('NOT_FOUND', `No snapshot with id ${snapshotId}`);
    assertCanAccess(caller, snapshot.organizationId);
    return snapshot;
  }

  /** The snapshot with that version number (import sequence), or the newest by as-of date when none is given. */
  async byVersion(caller: Caller, organizationId: string, version?: number | null): Promise<OrgSnapshotEntity> {
    assertCanAccess(caller, organizationId);
    const snapshot = version
      ? await this.dataSource.getRepository(OrgSnapshotEntity).findOneBy({ organizationId, version })
      : await latestSnapshot(this.dataSource.manager, organizationId);
    if (!snapshot) {
      throw new DomainError(
        'NOT_FOUND',
        version ? `The organization has no snapshot version ${version}` : 'The organization has no snapshot yet',
      );
    }
    return snapshot;
  }

  /** The snapshot right before this one by as-of date (what it is compared with), or null for the earliest. */
  async before(caller: Caller, snapshot: OrgSnapshotEntity): Promise<OrgSnapshotEntity | null> {
    assertCanAccess(caller, snapshot.organizationId);
    return snapshotBefore(this.dataSource.manager, snapshot);
  }
}
