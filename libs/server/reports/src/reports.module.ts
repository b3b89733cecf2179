import { Module } from '@nestjs/common';
import { AccessModule, AnalysisModule, ReviewsModule } from '@rolemap/server-core';
import { ReportsService } from './reports.service';

@Module({
  imports: [AccessModule, AnalysisModule, ReviewsModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
