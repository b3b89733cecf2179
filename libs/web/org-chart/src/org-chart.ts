import { drag, type DragBehavior, type SubjectPosition } from 'd3-drag';
import { select, type Selection } from 'd3-selection';
// Adds selection.transition() and selection.interrupt(), used for the animated pans.
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { SVG_NS, applyCardState, drawCard, drawToggle, type CardState } from './card';
import { cullBoxes, cullNodes } from './cull';
import { cardAt } from './drop-target';
import { type DottedLink, dottedLinksOf } from './dotted-links';
import { exportChartPng, exportChartSvg } from './export';
import {
  LINK_COLOR,
  TIER_SOURCE_TEXT,
  VIRTUAL_ROOT_ID,
  buildOrgIndex,
  computeLayout,
  expandedToDepth,
  levelOf,
  realAncestors,
  searchKeysOf,
  type IndexNode as AnyIndexNode,
  type LinkFan,
  type OrgIndex as AnyOrgIndex,
  type OrgLayout as AnyOrgLayout,
} from '@rolemap/org-chart-layout';
import { type MinimapCorner, minimapCorner } from './minimap-placement';
import type { LaidOutNode, OrgChartNode, OrgChartOptions, OrgChartStats, Size, ViewTransform } from './types';

/** Cards are dragged by the pointer's position (see createDrag's subject). */
type CardDrag = DragBehavior<NodeElement, LaidOutNode, LaidOutNode | SubjectPosition>;

type IndexNode = AnyIndexNode<OrgChartNode>;
type OrgIndex = AnyOrgIndex<OrgChartNode>;
type OrgLayout = AnyOrgLayout<OrgChartNode>;

/** Options without a default: the callbacks, and the drag type that goes with onExternalDrop. */
type Unset = 'onSelect' | 'onToggle' | 'loadChildren' | 'onLoadError' | 'onCardDrop' | 'externalDropType' | 'onExternalDrop';
type ResolvedOptions = Required<Omit<OrgChartOptions, Unset>> & Pick<OrgChartOptions, Unset>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  cardWidth: 220,
  cardHeight: 96,
  gapX: 24,
  gapY: 48,
  initialDepth: 2,
  width: 960,
  height: 600,
  overscan: 200,
  cullThrottleMs: 80,
  lodScale: 0.4,
  scaleExtent: [0.05, 2],
  animationMs: 250,
  minimap: true,
  compact: false,
  dottedLines: true,
  ariaLabel: 'Organization chart',
};

// Darker than the reporting lines and dashed, so a second line reads as "also answers to".
const DOTTED_LINK_COLOR = '#6B7280';
const MINIMAP: Size = { width: 180, height: 120 };
const MINIMAP_MARGIN = 8;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
// Focus styling needs a pseudo-class, so it is the one rule not written as attributes.
const FOCUS_CSS =
  '.rm-node{cursor:pointer;outline:none}.rm-node:focus-visible .rm-card{stroke:#1D4ED8;stroke-width:4}' +
  '.rm-node--dragging{cursor:grabbing;opacity:.85}.rm-node--drop-target .rm-card{stroke:#7C3AED;stroke-width:5}' +
  '.rm-toggle{cursor:pointer}.rm-toggle:hover rect{fill:#111827}';

const focusSheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * The focus and hover rules, as a constructed style sheet where the browser has them: a page
 * served with a Content-Security-Policy that forbids inline styles (rolemap's does) blocks a
 * `<style>` element but not the CSSOM. Elsewhere (older browsers, jsdom) an inline `<style>`.
 */
function addFocusStyles(doc: Document, svg: Selection<SVGSVGElement, unknown, null, undefined>): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet?.prototype.replaceSync === 'function') {
    let sheet = focusSheets.get(doc);
    if (!sheet) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(FOCUS_CSS);
      focusSheets.set(doc, sheet);
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  }
  svg.append('style').text(FOCUS_CSS);
}

interface NodeElement extends SVGGElement {
  __rmVersion?: number;
  __rmLayout?: number;
  __rmLod?: boolean;
  /** The data object the card was drawn from; new data (after setData) redraws the card. */
  __rmData?: OrgChartNode;
}

/**
 * Framework-free D3 org chart. The DOM holds only the cards inside the viewport:
 * the index is built once in setData, the tidy tree covers only the expanded part,
 * and culling runs on zoom end (and throttled during a gesture).
 */
export class OrgChart {
  private readonly options: ResolvedOptions;
  private readonly root: HTMLDivElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly linksLayer: Selection<SVGGElement, unknown, null, undefined>;
  /** Dashed dotted-line connectors: over the reporting lines, beneath the cards. */
  private readonly dottedLayer: Selection<SVGGElement, unknown, null, undefined>;
  private dottedLinks: DottedLink[] = [];
  private readonly nodesLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private minimap: {
    svg: Selection<SVGSVGElement, unknown, null, undefined>;
    dots: Selection<SVGPathElement, unknown, null, undefined>;
    frame: Selection<SVGRectElement, unknown, null, undefined>;
    scale: number;
    dx: number;
    dy: number;
    corner: MinimapCorner | null;
  } | null = null;
  /** The cards the last draw kept (in view and the overscan): what the minimap must not cover. */
  private drawnCards: readonly { x: number; y: number }[] = [];
  private resizeObserver: ResizeObserver | null = null;
  /** Set when cards can be dropped onto others (options.onCardDrop). */
  private readonly dragBehavior: CardDrag | null;
  private dropTargetId: string | null = null;

  private index: OrgIndex | null = null;
  /** The data as given, plus what a lazy chart fetched since (addNodes). */
  private data: OrgChartNode[] = [];
  /** Nodes whose team is being fetched (lazy chart). */
  private loading = new Set<string>();
  private expanded = new Set<string>();
  private compact: boolean;
  private layout: OrgLayout | null = null;
  private layoutDirty = true;
  /** Bumped on every layout; cards re-position only when their stamp differs. */
  private layoutVersion = 0;
  /** Bumped on every selection/highlight/expansion change; cards re-style only when their stamp differs. */
  private stateVersion = 0;
  private transform: ZoomTransform = zoomIdentity;
  private size: Size;
  private selectedId: string | null = null;
  private focusId: string | null = null;
  private highlighted = new Set<string>();
  private rendered = 0;
  private hasRendered = false;
  private silentZoom = false;
  private cullTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    options: OrgChartOptions = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.compact = this.options.compact;
    const doc = container.ownerDocument;
    this.root = doc.createElement('div');
    this.root.className = 'rm-org-chart';
    Object.assign(this.root.style, { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' });
    container.appendChild(this.root);
    this.size = this.measureContainer();

    this.svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
      .attr('class', 'rm-svg')
      .attr('role', 'tree')
      .attr('aria-label', this.options.ariaLabel)
      .attr('aria-multiselectable', 'false')
      .attr('width', '100%')
      .attr('height', '100%')
      .attr('font-family', FONT_FAMILY)
      .style('display', 'block')
      .style('touch-action', 'none');
    this.root.appendChild(this.svg.node()!);
    addFocusStyles(doc, this.svg);
    this.viewport = this.svg.append('g').attr('class', 'rm-viewport');
    this.linksLayer = this.viewport.append('g').attr('class', 'rm-links').attr('aria-hidden', 'true');
    this.dottedLayer = this.viewport.append('g').attr('class', 'rm-dotted-links').attr('aria-hidden', 'true');
    this.nodesLayer = this.viewport.append('g').attr('class', 'rm-nodes');

    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent(this.options.scaleExtent)
      // A fixed extent keeps d3-zoom from measuring the SVG.
      .extent(() => [
        [0, 0],
        [this.size.width, this.size.height],
      ])
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(event))
      .on('end', () => {
        if (this.silentZoom) return;
        this.clearCullTimer();
        this.draw();
      });
    this.svg.call(this.zoomBehavior).on('dblclick.zoom', null);

    // One delegated listener per event instead of one per card keeps entering cards cheap.
    const svgNode = this.svg.node()!;
    svgNode.addEventListener('click', this.onClick);
    svgNode.addEventListener('keydown', this.onKeyDown);
    svgNode.addEventListener('focusin', this.onFocusIn);
    if (this.options.onExternalDrop) {
      svgNode.addEventListener('dragover', this.onExternalDragOver);
      svgNode.addEventListener('dragleave', this.onExternalDragLeave);
      svgNode.addEventListener('drop', this.onExternalDropEvent);
    }

    this.dragBehavior = this.options.onCardDrop ? this.createDrag() : null;
    if (this.options.minimap) this.createMinimap();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.onResize());
      this.resizeObserver.observe(this.root);
    }
  }

  // ---------------------------------------------------------------- data

  /** Indexes the data (the only O(n) pass over the whole org) and resets expansion to the initial depth. */
  setData(nodes: readonly OrgChartNode[]): this {
    const previouslyExpanded = this.expanded;
    this.data = [...nodes];
    this.loading.clear();
    this.index = buildOrgIndex(nodes);
    // New data for the same org (a refetch after an edit) keeps what the user had opened (and
    // is still there with its team); a different org starts from the initial depth.
    const kept = this.index ? [...previouslyExpanded].filter((id) => this.index!.byId.get(id)?.children?.length) : [];
    this.expanded =
      kept.length > 0 ? new Set(kept) : this.index ? expandedToDepth(this.index, this.options.initialDepth) : new Set();
    if (this.selectedId && !this.index?.byId.has(this.selectedId)) this.selectedId = null;
    if (this.focusId && !this.index?.byId.has(this.focusId)) this.focusId = null;
    this.highlighted = new Set([...this.highlighted].filter((id) => this.index?.byId.has(id)));
    if (this.selectedId) this.revealAncestors(this.selectedId);
    this.hasRendered = false;
    this.invalidateLayout();
    return this;
  }

  /**
   * Adds nodes to the data (a team fetched on expand, the path to a search hit) and keeps what is
   * open; nodes already present are left as they are. Re-indexes what is loaded, not the org.
   */
  addNodes(nodes: readonly OrgChartNode[]): this {
    const fresh = new Map<string, OrgChartNode>();
    for (const node of nodes) if (!this.index?.byId.has(node.id) && !fresh.has(node.id)) fresh.set(node.id, node);
    if (fresh.size === 0) return this;
    this.data.push(...fresh.values());
    this.index = buildOrgIndex(this.data);
    this.highlighted = new Set([...this.highlighted].filter((id) => this.index?.byId.has(id)));
    this.invalidateLayout();
    if (this.hasRendered) this.render();
    return this;
  }

  /** True while the node's team is being fetched (lazy chart). */
  isLoading(id: string): boolean {
    return this.loading.has(id);
  }

  /** Lays out (if expansion changed) and draws the cards inside the viewport. */
  render(): this {
    if (this.destroyed) return this;
    if (!this.index) {
      this.layout = null;
      this.nodesLayer.selectAll('*').remove();
      this.linksLayer.selectAll('*').remove();
      this.dottedLayer.selectAll('*').remove();
      this.dottedLinks = [];
      this.rendered = 0;
      this.updateMinimap();
      return this;
    }
    if (this.layoutDirty) this.relayout();
    if (!this.hasRendered) {
      this.hasRendered = true;
      this.setTransform(this.initialTransform(), false);
    } else {
      this.draw();
    }
    return this;
  }

  getNode(id: string): OrgChartNode | undefined {
    return this.index?.byId.get(id)?.data;
  }

  /** The path from the top of the org down to the node, the node included (for a breadcrumb). */
  ancestorsOf(id: string): OrgChartNode[] {
    const node = this.index?.byId.get(id);
    if (!node) return [];
    return [...realAncestors(node).map((n) => n.data), node.data];
  }

  /**
   * Switches between the normal tidy tree and the compact layout (people without an open team
   * stacked in columns under their manager). Keeps what is open and selected, and keeps the
   * selected (or focused) card where it was on screen.
   */
  setCompact(compact: boolean): this {
    if (compact === this.compact) return this;
    this.compact = compact;
    const anchorId =
      [this.selectedId, this.focusId].find((id) => id && this.layout?.byId.has(id)) ?? this.layout?.nodes[0]?.id ?? null;
    this.keepInPlace(anchorId, () => this.invalidateLayout());
    return this;
  }

  isCompact(): boolean {
    return this.compact;
  }

  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  getSelectedId(): string | null {
    return this.selectedId;
  }

  getTransform(): ViewTransform {
    const { x, y, k } = this.transform;
    return { x, y, k };
  }

  getStats(): OrgChartStats {
    return { total: this.index?.byId.size ?? 0, laidOut: this.layout?.nodes.length ?? 0, rendered: this.rendered };
  }

  // ---------------------------------------------------------------- expansion

  expand(id: string): this {
    const node = this.index?.byId.get(id);
    if (!node || this.expanded.has(id)) return this;
    if (!node.children) {
      if (this.canLoad(node)) void this.loadThenExpand(id);
      return this;
    }
    this.expanded.add(id);
    this.afterToggle(id, true);
    return this;
  }

  /** Resolves once the node is open (its team fetched first in a lazy chart), or could not be. */
  async expandAsync(id: string): Promise<boolean> {
    const node = this.index?.byId.get(id);
    if (node && !node.children && this.canLoad(node)) await this.loadThenExpand(id);
    else this.expand(id);
    return this.expanded.has(id);
  }

  private canLoad(node: IndexNode): boolean {
    return !!this.options.loadChildren && (node.data.directReports ?? 0) > 0;
  }

  private async loadThenExpand(id: string): Promise<void> {
    if (this.loading.has(id)) return;
    this.loading.add(id);
    this.stateVersion++;
    if (this.hasRendered) this.draw();
    try {
      const team = await this.options.loadChildren!(id);
      if (this.destroyed || !this.loading.has(id)) return;
      this.loading.delete(id);
      this.addNodes(team);
      if (this.index?.byId.get(id)?.children?.length && !this.expanded.has(id)) {
        this.expanded.add(id);
        this.afterToggle(id, true);
      } else {
        this.stateVersion++;
        if (this.hasRendered) this.draw();
      }
    } catch (error) {
      if (this.destroyed) return;
      this.loading.delete(id);
      this.stateVersion++;
      if (this.hasRendered) this.draw();
      this.options.onLoadError?.(id, error);
    }
  }

  collapse(id: string): this {
    if (!this.expanded.has(id)) return this;
    this.expanded.delete(id);
    // Keyboard focus must not stay on a card that just disappeared.
    if (this.focusId && this.isInside(this.focusId, id)) this.focusId = id;
    this.afterToggle(id, false);
    return this;
  }

  toggle(id: string): this {
    return this.expanded.has(id) ? this.collapse(id) : this.expand(id);
  }

  expandAll(): this {
    if (!this.index) return this;
    this.expanded = expandedToDepth(this.index, Infinity);
    this.invalidateLayout();
    return this.rerender();
  }

  /** Shows levels 0..depth (0 = the top of the org only). */
  collapseToDepth(depth: number): this {
    if (!this.index) return this;
    this.expanded = expandedToDepth(this.index, Math.max(0, depth));
    if (this.focusId && levelOf(this.index, this.index.byId.get(this.focusId)!) > depth) this.focusId = null;
    this.invalidateLayout();
    return this.rerender();
  }

  // ---------------------------------------------------------------- view

  fit(animate = true): this {
    if (!this.layout) return this;
    const { x0, y0, x1, y1 } = this.layout.bounds;
    const pad = 24;
    const [minK, maxK] = this.options.scaleExtent;
    const k = Math.max(
      minK,
      Math.min(1, maxK, (this.size.width - pad * 2) / Math.max(1, x1 - x0), (this.size.height - pad * 2) / Math.max(1, y1 - y0)),
    );
    const x = this.size.width / 2 - ((x0 + x1) / 2) * k;
    const y = this.size.height / 2 - ((y0 + y1) / 2) * k;
    this.setTransform(zoomIdentity.translate(x, y).scale(k), animate);
    return this;
  }

  /** Expands the node's ancestors if needed and pans so the node sits in the middle. */
  centerOn(id: string, animate = true): this {
    if (!this.index?.byId.has(id)) return this;
    if (this.revealAncestors(id)) this.rerender();
    const placed = this.layout?.byId.get(id);
    if (!placed) return this;
    const k = this.transform.k;
    const cx = placed.x;
    const cy = placed.y + this.options.cardHeight / 2;
    this.setTransform(zoomIdentity.translate(this.size.width / 2 - cx * k, this.size.height / 2 - cy * k).scale(k), animate);
    return this;
  }

  highlight(ids: Iterable<string>): this {
    this.highlighted = new Set([...ids].filter((id) => this.index?.byId.has(id)));
    this.stateVersion++;
    if (this.hasRendered) this.draw();
    return this;
  }

  getHighlighted(): string[] {
    return [...this.highlighted];
  }

  /**
   * Case-insensitive match on name, title or id (an exact id first, then reading order).
   * Highlights all matches and centres the first one, expanding its ancestors.
   */
  search(query: string): OrgChartNode[] {
    const q = query.trim().toLowerCase();
    if (!this.index || q === '') {
      this.highlight([]);
      return [];
    }
    const matches: IndexNode[] = [];
    const exact = this.index.byId.get(query.trim());
    if (exact) matches.push(exact);
    const keys = searchKeysOf(this.index);
    for (const node of this.index.preorder) {
      if (node !== exact && keys.get(node.data.id)!.includes(q)) matches.push(node);
    }
    this.highlight(matches.map((node) => node.data.id));
    const first = matches[0];
    if (first) {
      this.focusId = first.data.id;
      this.stateVersion++;
      this.centerOn(first.data.id, this.hasRendered);
    }
    return matches.map((node) => node.data);
  }

  /** Selects a node (null clears), revealing it; `notify: false` skips onSelect (for controlled props). */
  select(id: string | null, { notify = true }: { notify?: boolean } = {}): this {
    const next = id && this.index?.byId.has(id) ? id : null;
    if (next === this.selectedId) return this;
    this.selectedId = next;
    if (next) {
      this.focusId = next;
      if (this.revealAncestors(next)) this.invalidateLayout();
    }
    this.stateVersion++;
    if (this.hasRendered) this.render();
    if (notify) this.options.onSelect?.(next ? this.index!.byId.get(next)!.data : null);
    return this;
  }

  /** Moves keyboard focus to a card, centring it. */
  focusNode(id: string, animate = true): this {
    if (!this.index?.byId.has(id)) return this;
    this.focusId = id;
    this.stateVersion++;
    this.centerOn(id, animate);
    this.draw();
    this.elementFor(id)?.focus({ preventScroll: true });
    return this;
  }

  /**
   * The card under a point of the page (client coordinates, as pointer and drag events give
   * them), whatever the zoom and pan; null over empty space or outside the chart.
   */
  cardAtPoint(clientX: number, clientY: number): OrgChartNode | null {
    if (!this.layout) return null;
    const box = this.svg.node()!.getBoundingClientRect();
    const sx = clientX - box.left;
    const sy = clientY - box.top;
    if (sx < 0 || sy < 0 || sx > this.size.width || sy > this.size.height) return null;
    const [x, y] = this.transform.invert([sx, sy]);
    return cardAt(this.layout.nodes, x, y, this.cardSize())?.data ?? null;
  }

  // ---------------------------------------------------------------- export

  /** A standalone SVG document of the whole expanded tree (not only the viewport), all styles inline. */
  exportSvg(): string {
    if (this.hasRendered && this.layoutDirty) this.relayout();
    const layout = this.layout ?? (this.index ? computeLayout(this.index, this.expanded, this.layoutOptions()) : null);
    return exportChartSvg(this.root.ownerDocument, layout, this.cardSize(), (id) => this.cardState(id), FONT_FAMILY);
  }

  /** PNG of exportSvg() drawn on a canvas; the scale shrinks when the org exceeds the browser's canvas limits. */
  exportPng(scale = 2): Promise<Blob> {
    return exportChartPng(this.root.ownerDocument, this.exportSvg(), scale);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.clearCullTimer();
    this.resizeObserver?.disconnect();
    this.svg.interrupt();
    this.svg.on('.zoom', null);
    const svgNode = this.svg.node()!;
    svgNode.removeEventListener('click', this.onClick);
    svgNode.removeEventListener('keydown', this.onKeyDown);
    svgNode.removeEventListener('focusin', this.onFocusIn);
    svgNode.removeEventListener('dragover', this.onExternalDragOver);
    svgNode.removeEventListener('dragleave', this.onExternalDragLeave);
    svgNode.removeEventListener('drop', this.onExternalDropEvent);
    this.root.remove();
    this.index = null;
    this.layout = null;
  }

  // ---------------------------------------------------------------- internals

  private cardSize(): Size {
    return { width: this.options.cardWidth, height: this.options.cardHeight };
  }

  private measureContainer(): Size {
    // Read once per resize, never per card: jsdom reports 0, so fall back to the options.
    return {
      width: this.root.clientWidth || this.container.clientWidth || this.options.width,
      height: this.root.clientHeight || this.container.clientHeight || this.options.height,
    };
  }

  private onResize(): void {
    const next = this.measureContainer();
    if (next.width === this.size.width && next.height === this.size.height) return;
    this.size = next;
    if (this.hasRendered) this.draw();
  }

  private invalidateLayout(): void {
    this.layoutDirty = true;
    this.stateVersion++;
  }

  private relayout(): void {
    this.layout = computeLayout(this.index!, this.expanded, this.layoutOptions());
    // After the layout, from where it put the cards: dotted lines never take part in placing them.
    this.dottedLinks = this.options.dottedLines ? dottedLinksOf(this.layout.nodes, this.layout.byId, this.cardSize()) : [];
    this.layoutDirty = false;
    this.layoutVersion++;
    this.stateVersion++;
    this.updateMinimapDots();
  }

  private rerender(): this {
    return this.hasRendered ? this.render() : this;
  }

  private layoutOptions() {
    return { ...this.options, compact: this.compact };
  }

  private afterToggle(id: string, expanded: boolean): void {
    // Keep the toggled card where it was on screen, so the click target does not jump away.
    this.keepInPlace(id, () => this.invalidateLayout());
    this.options.onToggle?.(id, expanded);
  }

  /** Runs a change that moves cards, then pans so the card `id` (if any) stays where it was on screen. */
  private keepInPlace(id: string | null, change: () => void): void {
    const before = id ? this.layout?.byId.get(id) : undefined;
    change();
    if (!this.hasRendered) return;
    this.relayout();
    const after = id ? this.layout!.byId.get(id) : undefined;
    if (before && after) {
      const { x, y, k } = this.transform;
      this.setTransform(zoomIdentity.translate(x + (before.x - after.x) * k, y + (before.y - after.y) * k).scale(k), false);
    } else {
      this.draw();
    }
  }

  /** Expands every collapsed ancestor; true when something changed. */
  private revealAncestors(id: string): boolean {
    const node = this.index?.byId.get(id);
    if (!node) return false;
    let changed = false;
    for (let current = node.parent; current; current = current.parent) {
      if (!this.expanded.has(current.data.id)) {
        this.expanded.add(current.data.id);
        changed = true;
      }
    }
    if (changed) this.invalidateLayout();
    return changed;
  }

  private isInside(id: string, ancestorId: string): boolean {
    for (let current = this.index?.byId.get(id)?.parent; current; current = current.parent) {
      if (current.data.id === ancestorId) return true;
    }
    return false;
  }

  private initialTransform(): ZoomTransform {
    const layout = this.layout!;
    const top = layout.nodes.filter((node) => node.level === 1);
    const centreX = top.length === 1 ? top[0].x : (layout.bounds.x0 + layout.bounds.x1) / 2;
    return zoomIdentity.translate(this.size.width / 2 - centreX, 32);
  }

  private setTransform(next: ZoomTransform, animate: boolean): void {
    if (animate && this.options.animationMs > 0 && this.hasRendered) {
      this.svg.transition().duration(this.options.animationMs).call(this.zoomBehavior.transform, next);
      return;
    }
    this.silentZoom = true;
    try {
      this.svg.interrupt().call(this.zoomBehavior.transform, next);
    } finally {
      this.silentZoom = false;
    }
    this.transform = next;
    this.viewport.attr('transform', next.toString());
    // A jump changes what is inside the viewport: cull right away.
    if (this.hasRendered) this.draw();
    else this.updateMinimapFrame();
  }

  private onZoom(event: D3ZoomEvent<SVGSVGElement, unknown>): void {
    this.transform = event.transform;
    this.viewport.attr('transform', event.transform.toString());
    this.updateMinimapFrame();
    this.placeMinimap();
    if (this.silentZoom || this.cullTimer) return;
    // Throttled culling while panning; the overscan hides the gap until the next pass.
    this.cullTimer = setTimeout(() => {
      this.cullTimer = null;
      this.draw();
    }, this.options.cullThrottleMs);
  }

  private clearCullTimer(): void {
    if (this.cullTimer) clearTimeout(this.cullTimer);
    this.cullTimer = null;
  }

  private cardState(id: string): CardState {
    const node = this.index!.byId.get(id)!;
    const hasChildren = this.hasTeam(node);
    const expanded = hasChildren ? this.expanded.has(id) : null;
    return {
      selected: this.selectedId === id,
      highlighted: this.highlighted.has(id),
      expanded,
      hiddenCount: expanded === false ? (node.data.descendantCount ?? (node.value ?? 1) - 1) : 0,
      hiddenFindings: expanded === false ? (node.data.findingsBelow ?? 0) : 0,
      hiddenWithoutData: expanded === false ? (node.data.withoutDataBelow ?? 0) : 0,
      loading: this.loading.has(id),
      directReports: node.data.directReports ?? node.children?.length ?? 0,
    };
  }

  /** Reports in the data, or (lazy chart) reports the data says exist and can be fetched. */
  private hasTeam(node: IndexNode): boolean {
    return !!node.children?.length || this.canLoad(node);
  }

  private ariaLabel(node: OrgChartNode): string {
    const findings = node.badges.length;
    const name = node.vacant ? `Vacant${node.name && node.name.toLowerCase() !== 'vacant' ? ` ${node.name}` : ''}` : node.name;
    const tier =
      { IC: 'individual contributor', MANAGER: 'manager', DIRECTOR: 'director', EXECUTIVE: 'executive' }[node.tier] ?? node.tier;
    const data = node.hasData === false ? ', no data: no responsibilities recorded' : '';
    const source = node.tierSource ? TIER_SOURCE_TEXT[node.tierSource] : undefined;
    return `${name}, ${node.title}, ${tier}${source ? ` ${source}` : ''}, ${findings} finding${findings === 1 ? '' : 's'}${data}`;
  }

  private elementFor(id: string): NodeElement | null {
    const nodes = this.nodesLayer.node()!.children;
    for (let i = 0; i < nodes.length; i++) {
      if ((nodes[i] as SVGGElement).dataset.id === id) return nodes[i] as NodeElement;
    }
    return null;
  }

  /** Culls and joins; only entering cards are built, others re-styled only when their version is stale. */
  private draw(): void {
    if (!this.layout || !this.index || this.destroyed) return;
    const card = this.cardSize();
    const view = this.transform;
    const visible = cullNodes(this.layout.nodes, view, this.size, card, this.options.overscan);
    this.drawnCards = visible.slice();
    const focusId =
      [this.focusId, this.selectedId].find((id) => id && this.layout!.byId.has(id)) ?? this.layout.nodes[0]?.id ?? null;
    // The tab stop and the selected card always stay in the DOM, so Tab can always enter the tree.
    for (const keep of [focusId, this.selectedId]) {
      const placed = keep ? this.layout.byId.get(keep) : undefined;
      if (placed && !visible.includes(placed)) visible.push(placed);
    }
    const lod = view.k < this.options.lodScale;
    const { layoutVersion, stateVersion } = this;

    const update = (element: NodeElement, node: LaidOutNode) => {
      if (element.__rmLod !== lod || element.__rmData !== node.data) {
        element.textContent = '';
        drawCard(element, node.data, card, lod);
        if (this.hasTeam(this.index!.byId.get(node.id)!)) drawToggle(element, card);
        element.setAttribute('aria-label', this.ariaLabel(node.data));
        element.__rmLod = lod;
        element.__rmData = node.data;
        element.__rmVersion = -1;
      }
      if (element.__rmLayout !== layoutVersion) {
        element.setAttribute('transform', `translate(${node.x - card.width / 2},${node.y})`);
        element.__rmLayout = layoutVersion;
      }
      if (element.__rmVersion !== stateVersion) {
        const state = this.cardState(node.id);
        applyCardState(element, state);
        element.setAttribute('aria-selected', String(state.selected));
        if (state.expanded === null) element.removeAttribute('aria-expanded');
        else element.setAttribute('aria-expanded', String(state.expanded));
        element.setAttribute('tabindex', node.id === focusId ? '0' : '-1');
        element.__rmVersion = stateVersion;
      }
    };

    this.nodesLayer
      .selectAll<NodeElement, LaidOutNode>('g.rm-node')
      .data(visible, (d) => d.id)
      .join(
        (enter) =>
          enter
            .append((node) => {
              const element = this.root.ownerDocument.createElementNS(SVG_NS, 'g') as NodeElement;
              const source = this.index!.byId.get(node.id)!;
              const siblings = source.parent?.children ?? [source];
              element.setAttribute('class', 'rm-node');
              element.setAttribute('data-id', node.id);
              element.setAttribute('role', 'treeitem');
              element.setAttribute('aria-level', String(node.level));
              element.setAttribute('aria-setsize', String(siblings.length));
              element.setAttribute('aria-posinset', String(siblings.indexOf(source) + 1));
              update(element, node);
              return element;
            })
            .call((entered) => {
              if (this.dragBehavior) entered.call(this.dragBehavior);
            }),
        (existing) =>
          existing.each(function (node) {
            update(this, node);
          }),
        (exit) => exit.remove(),
      );
    this.rendered = visible.length;

    this.linksLayer
      .selectAll<SVGPathElement, LinkFan>('path')
      .data(cullBoxes(this.layout.fans, view, this.size, this.options.overscan), (d) => d.parentId)
      .join((enter) => enter.append('path').attr('fill', 'none').attr('stroke', LINK_COLOR).attr('stroke-width', 1.5))
      .attr('d', (d) => d.d);
    this.dottedLayer
      .selectAll<SVGPathElement, DottedLink>('path')
      .data(cullBoxes(this.dottedLinks, view, this.size, this.options.overscan), (d) => d.key)
      .join((enter) =>
        enter
          .append('path')
          .attr('class', 'rm-dotted-link')
          .attr('fill', 'none')
          .attr('stroke', DOTTED_LINK_COLOR)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', '6 4'),
      )
      .attr('data-report', (d) => d.reportId)
      .attr('data-manager', (d) => d.managerId)
      .attr('d', (d) => d.d);
    this.updateMinimapFrame();
    this.placeMinimap();
  }

  // ---------------------------------------------------------------- events

  private idFromEvent(event: Event): string | null {
    const target = event.target as Element | null;
    const card = target?.closest?.('.rm-node') as SVGGElement | null;
    return card?.dataset.id ?? null;
  }

  private readonly onClick = (event: MouseEvent) => {
    if (event.defaultPrevented) return;
    const id = this.idFromEvent(event);
    if (!id) return;
    if ((event.target as Element).closest('.rm-toggle')) {
      this.toggle(id);
      return;
    }
    this.focusId = id;
    this.select(id);
  };

  private readonly onFocusIn = (event: FocusEvent) => {
    const id = this.idFromEvent(event);
    if (!id) return;
    if (id !== this.focusId) {
      this.focusId = id;
      this.stateVersion++;
      this.draw();
    }
    // Tabbing onto a card that sits (partly) off screen brings it into view.
    if (!this.isFullyVisible(id)) this.centerOn(id);
  };

  private isFullyVisible(id: string): boolean {
    const placed = this.layout?.byId.get(id);
    if (!placed) return false;
    const { x, y, k } = this.transform;
    const left = (placed.x - this.options.cardWidth / 2) * k + x;
    const top = placed.y * k + y;
    return (
      left >= 0 &&
      top >= 0 &&
      left + this.options.cardWidth * k <= this.size.width &&
      top + this.options.cardHeight * k <= this.size.height
    );
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const index = this.index;
    const id = this.idFromEvent(event) ?? this.focusId;
    if (!index || !id) return;
    const node = index.byId.get(id);
    if (!node) return;
    const real = (candidate: IndexNode | null | undefined) =>
      candidate && candidate.data.id !== VIRTUAL_ROOT_ID ? candidate.data.id : null;
    const siblings = node.parent?.children ?? [node];
    const position = siblings.indexOf(node);
    let target: string | null = null;
    switch (event.key) {
      case 'ArrowUp':
        target = real(node.parent);
        break;
      case 'ArrowDown':
        if (node.children?.length) {
          this.expand(id);
          target = node.children[0].data.id;
        } else if (this.canLoad(node)) {
          void this.expandAsync(id).then((open) => {
            const first = open ? this.index?.byId.get(id)?.children?.[0] : undefined;
            if (first) this.focusNode(first.data.id);
          });
        }
        break;
      case 'ArrowLeft':
        target = real(siblings[position - 1]);
        break;
      case 'ArrowRight':
        target = real(siblings[position + 1]);
        break;
      case 'Home':
        target = index.preorder[0]?.data.id ?? null;
        break;
      case 'End':
        target = this.layout?.nodes[this.layout.nodes.length - 1]?.id ?? null;
        break;
      case '+':
      case '=':
        this.expand(id);
        break;
      case '-':
      case '_':
        this.collapse(id);
        break;
      case 'Enter':
      case ' ':
        this.select(id);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target) this.focusNode(target);
    else this.elementFor(id)?.focus({ preventScroll: true });
  };

  // ---------------------------------------------------------------- drag and drop

  /**
   * d3-drag on the cards: the card follows the pointer (in chart coordinates, so zoom and pan
   * do not matter), the card under it is ringed as the drop target, and letting go over one
   * reports both ids. The card then goes back to its place until new data moves it.
   */
  private createDrag(): CardDrag {
    let offset = { x: 0, y: 0 };
    let moved = false;
    const targetAt = (x: number, y: number, id: string) =>
      this.layout ? cardAt(this.layout.nodes, x, y, this.cardSize(), id) : null;
    return (
      drag<NodeElement, LaidOutNode>()
        // Not from the expand/collapse pill, and only the main button.
        .filter((event: MouseEvent) => !event.button && !(event.target as Element).closest('.rm-toggle'))
        // The pointer itself, not the card's centre: the card keeps the grip where it was taken.
        .subject((event: { x: number; y: number }) => ({ x: event.x, y: event.y }))
        .clickDistance(4)
        .on('start', (event, d) => {
          moved = false;
          offset = { x: event.x - (d.x - this.options.cardWidth / 2), y: event.y - d.y };
        })
        .on('drag', (event, d) => {
          const element = this.elementFor(d.id);
          if (!moved) {
            // Drawn last, so it stays above the cards it passes over. Only once it really moves:
            // a card moved in the DOM between mousedown and mouseup gets no click (no selection).
            element?.parentNode?.appendChild(element);
            element?.classList.add('rm-node--dragging');
          }
          moved = true;
          element?.setAttribute('transform', `translate(${event.x - offset.x},${event.y - offset.y})`);
          this.markDropTarget(targetAt(event.x, event.y, d.id)?.id ?? null);
        })
        .on('end', (event, d) => {
          const element = this.elementFor(d.id);
          element?.classList.remove('rm-node--dragging');
          this.markDropTarget(null);
          // Back to its place; new data (after the app accepts the move) redraws it elsewhere.
          if (element) element.__rmLayout = -1;
          this.draw();
          const target = moved ? targetAt(event.x, event.y, d.id) : null;
          if (target) this.options.onCardDrop?.(d.id, target.id);
        })
    );
  }

  /** Rings the card something would be dropped on (null: none). */
  private markDropTarget(id: string | null): void {
    if (id === this.dropTargetId) return;
    if (this.dropTargetId) this.elementFor(this.dropTargetId)?.classList.remove('rm-node--drop-target');
    this.dropTargetId = id;
    if (id) this.elementFor(id)?.classList.add('rm-node--drop-target');
  }

  /** An HTML5 drag of the type the chart accepts (options.externalDropType), not any file or text. */
  private acceptsDrag(event: DragEvent): event is DragEvent & { dataTransfer: DataTransfer } {
    const type = this.options.externalDropType;
    return !!type && !!event.dataTransfer && Array.from(event.dataTransfer.types).includes(type);
  }

  // Cancelling dragover is what tells the browser a drop is allowed here: only over a card.
  private readonly onExternalDragOver = (event: DragEvent) => {
    if (!this.acceptsDrag(event)) return;
    const target = this.cardAtPoint(event.clientX, event.clientY);
    this.markDropTarget(target?.id ?? null);
    if (!target) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };

  private readonly onExternalDragLeave = (event: DragEvent) => {
    // From one card to another is not leaving the chart; where the browser gives no relatedTarget,
    // the next dragover rings the card again.
    const next = event.relatedTarget as Node | null;
    if (next && this.svg.node()!.contains(next)) return;
    this.markDropTarget(null);
  };

  private readonly onExternalDropEvent = (event: DragEvent) => {
    if (!this.acceptsDrag(event)) return;
    event.preventDefault();
    const target = this.cardAtPoint(event.clientX, event.clientY);
    this.markDropTarget(null);
    if (target) this.options.onExternalDrop?.(target.id, event.dataTransfer.getData(this.options.externalDropType!));
  };

  // ---------------------------------------------------------------- minimap

  private createMinimap(): void {
    const doc = this.root.ownerDocument;
    const svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
      .attr('class', 'rm-minimap')
      .attr('aria-hidden', 'true')
      .attr('width', MINIMAP.width)
      .attr('height', MINIMAP.height)
      .style('position', 'absolute')
      .style('background', 'rgba(255,255,255,0.92)')
      .style('border', '1px solid #D1D5DB')
      .style('border-radius', '6px')
      .style('cursor', 'crosshair');
    this.root.appendChild(svg.node()!);
    // A single path for every card: the minimap costs one element whatever the org size.
    const dots = svg.append('path').attr('fill', '#6B7280');
    const frame = svg.append('rect').attr('fill', 'rgba(29,78,216,0.08)').attr('stroke', '#1D4ED8').attr('stroke-width', 1.5);
    this.minimap = { svg, dots, frame, scale: 1, dx: 0, dy: 0, corner: null };
    this.placeMinimap();
    svg.on('click', (event: MouseEvent) => {
      const box = (svg.node() as SVGSVGElement).getBoundingClientRect();
      const { scale, dx, dy } = this.minimap!;
      const wx = (event.clientX - box.left - dx) / scale;
      const wy = (event.clientY - box.top - dy) / scale;
      const k = this.transform.k;
      this.setTransform(zoomIdentity.translate(this.size.width / 2 - wx * k, this.size.height / 2 - wy * k).scale(k), true);
    });
  }

  private updateMinimapDots(): void {
    if (!this.minimap) return;
    const layout = this.layout;
    if (!layout || layout.nodes.length === 0) {
      this.minimap.dots.attr('d', null);
      return;
    }
    const { x0, y0, x1, y1 } = layout.bounds;
    const pad = 6;
    const scale = Math.min((MINIMAP.width - pad * 2) / Math.max(1, x1 - x0), (MINIMAP.height - pad * 2) / Math.max(1, y1 - y0));
    const dx = pad - x0 * scale + (MINIMAP.width - pad * 2 - (x1 - x0) * scale) / 2;
    const dy = pad - y0 * scale;
    Object.assign(this.minimap, { scale, dx, dy });
    const w = Math.max(1, this.options.cardWidth * scale).toFixed(1);
    const h = Math.max(1, this.options.cardHeight * scale).toFixed(1);
    const parts: string[] = [];
    for (const node of layout.nodes) {
      parts.push(
        `M${(dx + (node.x - this.options.cardWidth / 2) * scale).toFixed(1)},${(dy + node.y * scale).toFixed(1)}h${w}v${h}h-${w}z`,
      );
    }
    this.minimap.dots.attr('d', parts.join(''));
  }

  private updateMinimap(): void {
    this.updateMinimapDots();
    this.updateMinimapFrame();
  }

  /** Moves the minimap to a corner with no card under it, or hides it when every corner has one. */
  private placeMinimap(): void {
    if (!this.minimap) return;
    const corner = minimapCorner(this.drawnCards, this.transform, this.size, this.cardSize(), MINIMAP, MINIMAP_MARGIN);
    if (corner === this.minimap.corner && this.minimap.svg.attr('data-placed')) return;
    const style = (
      this.minimap.svg
        .attr('data-placed', 'true')
        .attr('data-corner', corner ?? 'hidden')
        .node() as SVGSVGElement
    ).style;
    style.display = corner ? '' : 'none';
    if (corner) {
      const edge = `${MINIMAP_MARGIN}px`;
      style.top = corner.startsWith('top') ? edge : '';
      style.bottom = corner.startsWith('bottom') ? edge : '';
      style.left = corner.endsWith('left') ? edge : '';
      style.right = corner.endsWith('right') ? edge : '';
    }
    this.minimap.corner = corner;
  }

  private updateMinimapFrame(): void {
    if (!this.minimap) return;
    const { scale, dx, dy, frame } = this.minimap;
    const { x, y, k } = this.transform;
    frame
      .attr('x', dx + (-x / k) * scale)
      .attr('y', dy + (-y / k) * scale)
      .attr('width', (this.size.width / k) * scale)
      .attr('height', (this.size.height / k) * scale);
  }
}
