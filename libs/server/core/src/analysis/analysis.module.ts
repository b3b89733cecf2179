import { Module } from '@nestjs/common';
import { OverridesModule } from '../overrides/overrides.module';
import { PolicyModule } from '../policy/policy.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { AnalysisService } from './analysis.service';

@Module({
  imports: [SnapshotsModule, PolicyModule, OverridesModule],
  providers: [AnalysisService],
  exports: [AnalysisService],
})
export class AnalysisModule {}
