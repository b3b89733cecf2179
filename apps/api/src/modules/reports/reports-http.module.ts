import { Module } from '@nestjs/common';
import { ChartExportModule, ReportsModule } from '@rolemap/server-reports';
import { ChartExportController } from './chart-export.controller';
import { ReportsController } from './reports.controller';

// The chart's controller comes first: its fixed path must win over the reports' `:kind`.
@Module({ imports: [ReportsModule, ChartExportModule], controllers: [ChartExportController, ReportsController] })
export class ReportsHttpModule {}
