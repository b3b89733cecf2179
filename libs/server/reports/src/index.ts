// Report models from a snapshot's analysis and its reviews, on top of the server core.
export { ReportsService } from './reports.service';
export { ReportJobsModule, ReportsModule } from './reports.module';
export { type ReportJobParams, type ReportJobResult, ReportJobs, reportFileName } from './report-jobs.service';
export { REPORT_KINDS, type ReportKind, type ReportRequest } from '@rolemap/reports';
export { ChartExportService } from './chart-export.service';
export { ChartExportModule } from './chart-export.module';
