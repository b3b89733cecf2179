import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { PositionsService } from './positions.service';

@Module({
  imports: [AccessModule, SnapshotsModule],
  providers: [PositionsService],
  exports: [PositionsService],
})
export class PositionsModule {}
