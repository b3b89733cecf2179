import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { PositionsService } from './positions.service';

@Module({
  imports: [SnapshotsModule],
  providers: [PositionsService],
  exports: [PositionsService],
})
export class PositionsModule {}
