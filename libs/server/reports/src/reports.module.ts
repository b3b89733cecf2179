import { type DynamicModule, Module } from '@nestjs/common';
import {
  AccessModule,
  AnalysisModule,
  AuditModule,
  OrganizationsModule,
  ReviewsModule,
  RolePurposesModule,
  ScenariosModule,
  SnapshotsModule,
} from '@rolemap/server-core';
import { ReportJobs } from './report-jobs.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [AccessModule, AnalysisModule, ReviewsModule, AuditModule, RolePurposesModule, ScenariosModule, SnapshotsModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

/** Reports on the background-job queue (needs JobsModule): the API runs them, the CLI queues them. */
@Module({})
export class ReportJobsModule {
  static register(): DynamicModule {
    return {
      module: ReportJobsModule,
      imports: [ReportsModule, OrganizationsModule, SnapshotsModule],
      providers: [ReportJobs],
      exports: [ReportJobs, ReportsModule],
    };
  }
}
