import {
  type ChartCardData,
  type OrgLayout,
  OrgDataError,
  buildOrgIndex,
  computeLayout,
  expandedToDepth,
} from '@rolemap/org-chart-layout';
import { DomainError } from '@rolemap/domain';
import { ReportScopeError } from '../model/report-scope-error';

export const CHART_PAPERS = ['a4', 'letter'] as const;
export type ChartPaper = (typeof CHART_PAPERS)[number];

/** A card of the printed chart: what the browser draws, plus the team it hides when collapsed. */
export interface PrintedChartNode extends ChartCardData {
  directReports: number;
}

/**
 * What is drawn: the levels shown (0 = the top only, null = everything), the cards opened beyond
 * them and the ones closed within them — how the web describes its chart in a few ids — and the
 * layout. The browser's chart card and spacing defaults, so the print matches the screen.
 */
export interface ChartExportRequest {
  depth: number | null;
  open: readonly string[];
  closed: readonly string[];
  compact: boolean;
  paper: ChartPaper;
}

export interface ChartExport {
  title: string;
  organizationName: string;
  snapshotVersion: number;
  asOf: string;
  paper: ChartPaper;
  compact: boolean;
  layout: OrgLayout<PrintedChartNode>;
  /** Cards that are collapsed with people below them (+N on the card). */
  hiddenBelow: ReadonlyMap<string, number>;
  card: { width: number; height: number };
}

/** The browser chart's defaults (libs/web/org-chart DEFAULT_OPTIONS). */
export const CHART_CARD = { cardWidth: 220, cardHeight: 96, gapX: 24, gapY: 48 };

/** Bounds of one request: a URL of ids, not the whole org. */
export const CHART_EXPORT_LIMITS = { maxIds: 500, maxDepth: 50 };

/**
 * Lays out the chart as the web shows it, with the shared layout code, from every position the
 * caller may see. Ids the snapshot does not have are refused, naming the field and the id.
 */
export function buildChartExport(
  nodes: readonly PrintedChartNode[],
  request: ChartExportRequest,
  header: { organizationName: string; snapshotVersion: number; asOf: string },
): ChartExport {
  const { depth } = request;
  if (depth !== null && (!Number.isInteger(depth) || depth < 0 || depth > CHART_EXPORT_LIMITS.maxDepth)) {
    throw new DomainError('BAD_USER_INPUT', `depth must be a whole number from 0 to ${CHART_EXPORT_LIMITS.maxDepth}, or all`);
  }
  const ids = request.open.length + request.closed.length;
  if (ids > CHART_EXPORT_LIMITS.maxIds) {
    throw new DomainError('BAD_USER_INPUT', `open and closed: at most ${CHART_EXPORT_LIMITS.maxIds} ids together (got ${ids})`);
  }
  let index;
  try {
    index = buildOrgIndex(nodes);
  } catch (error) {
    if (error instanceof OrgDataError) throw new DomainError('BAD_USER_INPUT', error.message);
    throw error;
  }
  const expanded = index ? expandedToDepth(index, request.depth ?? Infinity) : new Set<string>();
  for (const [field, list] of [
    ['open', request.open],
    ['closed', request.closed],
  ] as const) {
    for (const id of list) {
      if (!index?.byId.has(id)) {
        throw new ReportScopeError(`${field}: no position ${id} in snapshot v${header.snapshotVersion}`, id);
      }
    }
  }
  for (const id of request.open) expanded.add(id);
  for (const id of request.closed) expanded.delete(id);
  const layout = index
    ? computeLayout(index, expanded, { ...CHART_CARD, compact: request.compact })
    : { nodes: [], byId: new Map(), fans: [], bounds: { x0: 0, y0: 0, x1: 0, y1: 0 } };
  const hiddenBelow = new Map<string, number>();
  for (const placed of layout.nodes) {
    const node = index!.byId.get(placed.id)!;
    if (node.children?.length && !expanded.has(placed.id)) hiddenBelow.set(placed.id, (node.value ?? 1) - 1);
  }
  return {
    title: 'Org chart',
    ...header,
    paper: request.paper,
    compact: request.compact,
    layout,
    hiddenBelow,
    card: { width: CHART_CARD.cardWidth, height: CHART_CARD.cardHeight },
  };
}
