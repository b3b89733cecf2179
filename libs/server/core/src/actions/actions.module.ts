import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AnalysisModule } from '../analysis/analysis.module';
import { AuditModule } from '../audit/audit.module';
import { FindingsModule } from '../findings/findings.module';
import { ActionsService } from './actions.service';

@Module({
  imports: [AccessModule, AnalysisModule, AuditModule, FindingsModule],
  providers: [ActionsService],
  exports: [ActionsService],
})
export class ActionsModule {}
