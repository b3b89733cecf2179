export * from './types';
export { OrgChart, DEFAULT_OPTIONS } from './org-chart';
export { OrgDataError, VIRTUAL_ROOT_ID } from '@rolemap/org-chart-layout';
export { cullNodes, cullBoxes, visibleWorldRect } from './cull';
export { dottedLinksOf, type DottedLink } from './dotted-links';
export {
  BADGES,
  BADGE_KINDS,
  CHART_VALUE_LEVELS,
  TACTICAL_GAP_STOPS,
  NO_DATA_COLOR,
  NO_DATA_LABEL,
  NO_DATA_TINT,
  TIER_NAMES,
  TIER_SOURCE_TEXT,
  tierWithSource,
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
export { useOrgChart, type ExternalDrop } from './useOrgChart';
