import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type CSSProperties } from 'react';
import { OrgChartBreadcrumb } from './OrgChartBreadcrumb';
import type { OrgChart } from './org-chart';
import type { OrgChartNode, OrgChartOptions } from './types';
import { type ExternalDrop, useOrgChart } from './useOrgChart';

export type OrgChartViewProps = {
  nodes: readonly OrgChartNode[];
  /** Controlled selection; leave undefined to let the chart keep its own. */
  selectedId?: string | null;
  highlightedIds?: readonly string[];
  onSelect?: (node: OrgChartNode | null) => void;
  /** Non-empty: highlights matches and centres the first (takes precedence over highlightedIds). */
  searchQuery?: string;
  /** Levels shown (0 = top only); changing it re-collapses the chart. */
  depth?: number;
  /** The compact layout (people stacked in columns under their manager); switching keeps what is open. */
  compact?: boolean;
  /** Card size, spacing, zoom limits…; changing them rebuilds the chart. */
  options?: Omit<
    OrgChartOptions,
    | 'onSelect'
    | 'onToggle'
    | 'initialDepth'
    | 'loadChildren'
    | 'onLoadError'
    | 'onCardDrop'
    | 'externalDropType'
    | 'onExternalDrop'
  >;
  /** A lazy chart: fetches a team when its card is opened (see OrgChartOptions.loadChildren). */
  loadChildren?: (id: string) => Promise<readonly OrgChartNode[]>;
  onLoadError?: (id: string, error: unknown) => void;
  /** Cards can be dragged onto others (see OrgChartOptions.onCardDrop). */
  onCardDrop?: (draggedId: string, targetId: string) => void;
  /**
   * An HTML5 drag of `type` from outside the chart (a responsibility from a side panel) can be
   * dropped onto a card (see OrgChartOptions.onExternalDrop); changing the type rebuilds the chart.
   */
  externalDrop?: ExternalDrop;
  showBreadcrumb?: boolean;
  height?: number | string;
  className?: string;
  style?: CSSProperties;
};

export type OrgChartViewHandle = {
  fit(): void;
  exportSvg(): string;
  exportPng(scale?: number): Promise<Blob>;
  search(query: string): OrgChartNode[];
  expandAll(): void;
  collapseToDepth(depth: number): void;
  centerOn(id: string): void;
  /** The underlying D3 chart, for anything not wrapped here. */
  chart(): OrgChart | null;
};

const DEFAULT_DEPTH = 2;

/** React owns the container element; the D3 OrgChart owns the SVG inside it. */
export const OrgChartView = forwardRef<OrgChartViewHandle, OrgChartViewProps>(function OrgChartView(
  {
    nodes,
    selectedId,
    highlightedIds,
    onSelect,
    searchQuery,
    depth,
    compact = false,
    options,
    loadChildren,
    onLoadError,
    onCardDrop,
    externalDrop,
    showBreadcrumb = true,
    height = 600,
    className,
    style,
  },
  ref,
) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [ownSelectedId, setOwnSelectedId] = useState<string | null>(null);
  const activeId = selectedId === undefined ? ownSelectedId : selectedId;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const handleSelect = useCallback((node: OrgChartNode | null) => {
    setOwnSelectedId(node?.id ?? null);
    onSelectRef.current?.(node);
  }, []);
  const chart = useOrgChart(containerRef, options ?? {}, handleSelect, loadChildren, onLoadError, onCardDrop, externalDrop);

  // Before the data: the first render already lays out in the chosen layout.
  useEffect(() => {
    chart?.setCompact(compact);
  }, [chart, compact]);

  // New data resets expansion to the current depth; a depth change alone only re-collapses.
  const depthRef = useRef(depth ?? DEFAULT_DEPTH);
  depthRef.current = depth ?? DEFAULT_DEPTH;
  const appliedDepth = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!chart) return;
    chart.setData(nodes).collapseToDepth(depthRef.current);
    appliedDepth.current = depthRef.current;
    chart.render();
  }, [chart, nodes]);

  useEffect(() => {
    const next = depth ?? DEFAULT_DEPTH;
    if (!chart || appliedDepth.current === next) return;
    appliedDepth.current = next;
    chart.collapseToDepth(next);
  }, [chart, depth]);

  useEffect(() => {
    if (chart && selectedId !== undefined) chart.select(selectedId, { notify: false });
  }, [chart, nodes, selectedId]);

  const highlightKey = (highlightedIds ?? []).join('\u0000');
  useEffect(() => {
    if (!chart) return;
    const query = searchQuery?.trim() ?? '';
    if (query) chart.search(query);
    else chart.highlight(highlightKey ? highlightKey.split('\u0000') : []);
  }, [chart, nodes, searchQuery, highlightKey]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => chart?.fit(),
      exportSvg: () => chart?.exportSvg() ?? '',
      exportPng: (scale?: number) => chart?.exportPng(scale) ?? Promise.reject(new Error('The chart is not mounted')),
      search: (query: string) => chart?.search(query) ?? [],
      expandAll: () => chart?.expandAll(),
      collapseToDepth: (level: number) => chart?.collapseToDepth(level),
      centerOn: (id: string) => chart?.centerOn(id),
      chart: () => chart,
    }),
    [chart],
  );

  // Recomputed on render: cheap (walks up one branch) and always in step with the data.
  const trail = chart && activeId ? chart.ancestorsOf(activeId) : [];
  const selectFromBreadcrumb = useCallback(
    (id: string) => {
      chart?.select(id);
      chart?.focusNode(id);
    },
    [chart],
  );

  return (
    <div className={className} style={{ display: 'flex', flexDirection: 'column', gap: 8, ...style }}>
      {showBreadcrumb && <OrgChartBreadcrumb trail={trail} onSelect={selectFromBreadcrumb} />}
      <div ref={containerRef} data-testid="org-chart-container" style={{ position: 'relative', height, minHeight: 0 }} />
    </div>
  );
});
