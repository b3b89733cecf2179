import { Module } from '@nestjs/common';
import { ReportJobsModule } from '@rolemap/server-reports';
import { JobsController } from '../jobs/jobs.controller';
import { ReportsController } from './reports.controller';

@Module({ imports: [ReportJobsModule.register()], controllers: [ReportsController, JobsController] })
export class ReportsHttpModule {}
