import { Module } from '@nestjs/common';
import { AccessModule, AnalysisModule, AuditModule, ReviewsModule, RolePurposesModule } from '@rolemap/server-core';
import { ReportsService } from './reports.service';

@Module({
  imports: [AccessModule, AnalysisModule, ReviewsModule, AuditModule, RolePurposesModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
