// The org chart's geometry and colours in plain TypeScript: the browser chart (libs/web/org-chart)
// and the printed chart (libs/reports) lay out and colour cards with the same code.
export type * from './chart-types';
export {
  OrgDataError,
  VIRTUAL_ROOT_ID,
  buildOrgIndex,
  expandedToDepth,
  levelOf,
  realAncestors,
  searchKeysOf,
  type IndexNode,
  type OrgIndex,
} from './org-index';
export {
  COMPACT_MIN_PEOPLE,
  compactColumns,
  computeLayout,
  type Bounds,
  type LayoutOptions,
  type LayoutSpacing,
  type LinkFan,
  type OrgLayout,
} from './layout';
export * from './palette';
