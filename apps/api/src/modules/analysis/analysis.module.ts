import { Module } from '@nestjs/common';
import { OverridesModule } from '../overrides/overrides.module';
import { PolicyModule } from '../policy/policy.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { AnalysisResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';

@Module({
  imports: [SnapshotsModule, PolicyModule, OverridesModule],
  providers: [AnalysisService, AnalysisResolver],
  exports: [AnalysisService],
})
export class AnalysisModule {}
