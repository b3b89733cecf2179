import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AnalysisModule } from '../analysis/analysis.module';
import { AuditModule } from '../audit/audit.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { ScenariosService } from './scenarios.service';

@Module({
  imports: [AccessModule, AnalysisModule, AuditModule, SnapshotsModule],
  providers: [ScenariosService],
  exports: [ScenariosService],
})
export class ScenariosModule {}
