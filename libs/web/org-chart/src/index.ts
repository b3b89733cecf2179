export * from './types';
export { OrgChart, DEFAULT_OPTIONS } from './org-chart';
export { OrgDataError, VIRTUAL_ROOT_ID } from '@rolemap/org-chart-layout';
export { cullNodes, cullBoxes, visibleWorldRect } from './cull';
export {
  BADGES,
  BADGE_KINDS,
  CHART_VALUE_LEVELS,
  TACTICAL_GAP_STOPS,
  TIER_NAMES,
  VALUE_LEVEL_COLORS,
  VALUE_LEVEL_NAMES,
  tacticalGapColor,
  tacticalGapTint,
  type BadgeKind,
  type BadgeMeta,
} from '@rolemap/org-chart-layout';
export { OrgChartView, type OrgChartViewHandle, type OrgChartViewProps } from './OrgChartView';
export { OrgChartLegend, type OrgChartLegendProps } from './OrgChartLegend';
export { OrgChartBreadcrumb, type OrgChartBreadcrumbProps } from './OrgChartBreadcrumb';
export { useOrgChart } from './useOrgChart';
