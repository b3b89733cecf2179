import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller';
import { isUuid } from '../common/uuid';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { PersonEntity } from './person.entity';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
  ) {}

  async get(caller: Caller, id: string): Promise<PersonEntity> {
    const person = isUuid(id) ? await this.dataSource.getRepository(PersonEntity).findOneBy({ id }) : null;
    if (!person) throw new DomainError('NOT_FOUND', `No person with id ${id}`);
    await this.snapshots.get(caller, person.snapshotId);
    return person;
  }

  async byEmployeeId(caller: Caller, snapshotId: string, employeeId: string): Promise<PersonEntity | null> {
    await this.snapshots.get(caller, snapshotId);
    return this.dataSource.getRepository(PersonEntity).findOneBy({ snapshotId, employeeId });
  }
}
