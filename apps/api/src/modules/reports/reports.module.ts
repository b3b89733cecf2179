import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [AnalysisModule, ReviewsModule, OrganizationsModule, SnapshotsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
