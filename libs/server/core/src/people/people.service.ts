import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller';
import { isUuid } from '../common/uuid';
import { PositionScopeService } from '../access/position-scope.service';
import { SnapshotsService } from '../snapshots/snapshots.service';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { AssignmentEntity } from './assignment.entity';
import { PersonEntity } from './person.entity';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
    private readonly scope: PositionScopeService,
  ) {}

  async get(caller: Caller, id: string): Promise<PersonEntity> {
    const person = isUuid(id) ? await this.dataSource.getRepository(PersonEntity).findOneBy({ id }) : null;
    if (!person) throw new DomainError('NOT_FOUND', `No person with id ${id}`);
    const snapshot = await this.snapshots.get(caller, person.snapshotId);
    if (!(await this.inScope(caller, snapshot, person))) throw new DomainError('NOT_FOUND', `No person with id ${id}`);
    return person;
  }

  async byEmployeeId(caller: Caller, snapshotId: string, employeeId: string): Promise<PersonEntity | null> {
    const snapshot = await this.snapshots.get(caller, snapshotId);
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ snapshotId, employeeId });
    return person && (await this.inScope(caller, snapshot, person)) ? person : null;
  }

  /** People are in the caller's scope through the position they hold. */
  private async inScope(caller: Caller, snapshot: OrgSnapshotEntity, person: PersonEntity): Promise<boolean> {
    const visible = await this.scope.visible(caller, snapshot);
    if (!visible) return true;
    const assignment = await this.dataSource.getRepository(AssignmentEntity).findOneBy({ personId: person.id });
    return !!assignment && visible.has(assignment.positionId);
  }
}
