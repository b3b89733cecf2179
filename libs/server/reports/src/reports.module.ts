import { Module } from '@nestjs/common';
import { AnalysisModule, ReviewsModule } from '@rolemap/server-core';
import { ReportsService } from './reports.service';

@Module({
  imports: [AnalysisModule, ReviewsModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
