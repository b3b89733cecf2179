import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../common/caller';
import { isUuid } from '../common/uuid';
import { OrgSnapshotEntity } from './org-snapshot.entity';

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

  async byVersion(caller: Caller, organizationId: string, version?: number | null): Promise<OrgSnapshotEntity> {
    assertCanAccess(caller, organizationId);
    const repository = this.dataSource.getRepository(OrgSnapshotEntity);
    const snapshot = version
      ? await repository.findOneBy({ organizationId, version })
      : await repository.findOne({ where: { organizationId }, order: { version: 'DESC' } });
    if (!snapshot) {
      throw new DomainError(
        'NOT_FOUND',
        version ? `The organization has no snapshot version ${version}` : 'The organization has no snapshot yet',
      );
    }
    return snapshot;
  }
}
