export type * from './model/report-types';
export { ReportScopeError } from './model/report-scope-error';
export { type RoleScope, buildRoleDefinitions, roleDefinitionsOf, streamRoleDefinitions } from './model/build-role-definitions';
export { buildDelegationReview } from './model/build-delegation-review';
export {
  type DelegationPlanInputs,
  type PlanScenarioInput,
  PROGRESS_LABELS,
  SCENARIO_STATUS_LABELS,
  buildDelegationPlan,
} from './model/build-delegation-plan';
export { TACTICAL_LEADER_COUNT, TOP_RISK_COUNT, buildOrganizationSummary, spanBands } from './model/build-organization-summary';
export { TAKE_ON_MIN_SHORTFALL_POINTS, WORK_AT_LEVEL, levelsToTakeOn } from './model/level-advice';
export {
  HIGH_SEVERITY,
  MEDIUM_SEVERITY,
  REPORT_TITLES,
  notCheckedLine,
  reportAppendix,
  severityLabel,
} from './model/report-context';

export { type CellValue, type ColumnType, type ReportColumn, type ReportTable, reportTables } from './tables/report-tables';
export { spreadsheetSafe } from './tables/spreadsheet-safe';

export {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
  type ReportRequest,
  isReportFormat,
} from './catalog';
export { writeReport } from './write-report';
export type { WriteReportOptions } from './write-report-options';
export { writePdf } from './pdf/write-pdf';
export { writeXlsx } from './xlsx/write-xlsx';
export { UTF8_BOM, writeCsv } from './csv/write-csv';
export { writeMarkdown } from './markdown/write-markdown';
export {
  DECIDES_FROM_PCT,
  DECISION_RIGHTS_SOURCE,
  KEY_ACCOUNTABILITY_LIMIT,
  RECOMMENDS_FROM_PCT,
  decisionRightsOf,
  draftPurposeOf,
  keyAccountabilitiesOf,
} from './model/role-definition-parts';

export {
  CHART_CARD,
  CHART_EXPORT_LIMITS,
  CHART_PAPERS,
  type ChartExport,
  type ChartExportRequest,
  type ChartPaper,
  type PrintedChartNode,
  buildChartExport,
} from './chart/chart-export';
export { MIN_READABLE_SCALE, PAPER_SIZES, planChartPages, type ChartPagePlan } from './chart/chart-pages';
export { writeChartPdf } from './chart/write-chart-pdf';
