import { Module } from '@nestjs/common';
import { AnalysisModule, AuditModule, ReviewsModule } from '@rolemap/server-core';
import { ReportsService } from './reports.service';

@Module({
  imports: [AnalysisModule, ReviewsModule, AuditModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
