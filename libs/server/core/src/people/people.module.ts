import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { PeopleService } from './people.service';

@Module({
  imports: [AccessModule, SnapshotsModule],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
