import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { AnalysisResolver, PositionAnalysisResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';
import { ClassificationOverridesService } from './classification-overrides.service';

@Module({
  imports: [OrganizationsModule, SnapshotsModule],
  providers: [AnalysisService, ClassificationOverridesService, AnalysisResolver, PositionAnalysisResolver],
  exports: [AnalysisService],
})
export class AnalysisModule {}
