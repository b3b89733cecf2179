import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SnapshotsResolver } from './snapshots.resolver';
import { SnapshotsService } from './snapshots.service';

@Module({
  imports: [OrganizationsModule],
  providers: [SnapshotsService, SnapshotsResolver],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
