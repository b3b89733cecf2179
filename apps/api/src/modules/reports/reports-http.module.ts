import { Module } from '@nestjs/common';
import { ChartExportModule, ReportJobsModule } from '@rolemap/server-reports';
import { JobsController } from '../jobs/jobs.controller';
import { ChartExportController } from './chart-export.controller';
import { ReportsController } from './reports.controller';

// The chart's controller comes first: its fixed path must win over the reports' `:kind`.
@Module({
  imports: [ReportJobsModule.register(), ChartExportModule],
  controllers: [ChartExportController, ReportsController, JobsController],
})
export class ReportsHttpModule {}
