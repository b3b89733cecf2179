import type { FindingKind, Tier, ValueMix } from '@rolemap/domain';
import type { PlacedNode } from '@rolemap/org-chart-layout';

/** One position in the chart, as the app feeds it from GraphQL. */
export interface OrgChartNode {
  id: string;
  parentId: string | null;
  name: string;
  title: string;
  tier: Tier;
  /** What decided the tier (OVERRIDE, GRADE, TITLE, STRUCTURE); said in the card's tooltip and label. */
  tierSource?: string;
  department?: string | null;
  vacant?: boolean;
  /** Percent of time per value level, as the person actually works. */
  actualMix: ValueMix;
  /** Percent of time per value level the tier's policy expects. */
  expectedMix: ValueMix;
  /** 0 (works at level) to 1 (works far below level); drives the card colour. */
  tacticalGap: number;
  /**
   * False when no responsibilities are recorded: the work is unknown, so the card is grey
   * "no data" instead of a gap colour (a gap of 0 would read as healthy). Absent means true.
   */
  hasData?: boolean;
  /** Findings on this position; PROMOTED_STILL_TACTICAL, DELEGATION_GAP and PIGEONHOLING_RISK show as badges. */
  badges: FindingKind[];
  /** Falls back to the number of children present in the data. */
  directReports?: number;
  /**
   * Everyone below, however deep (a lazy chart knows it before the team is loaded); falls back
   * to what is present in the data.
   */
  descendantCount?: number;
  /** Open findings in the team below, not the position's own (a collapsed card says so). */
  findingsBelow?: number;
  /** A scenario changes this card (moved, new mix, new post): drawn with a "changed" mark. */
  changed?: boolean;
  /** People in the team below with no responsibilities recorded (a collapsed card says so). */
  withoutDataBelow?: number;
  /**
   * Dotted-line (matrix) managers' ids: drawn as dashed connectors when both cards are laid out,
   * beneath the cards; they never move a card (the tree follows parentId alone).
   */
  dottedLineManagerIds?: readonly string[];
}

/** Zoom/pan state: screen = world * k + (x, y). */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A node placed by the tidy-tree layout; x is the card's centre, y its top edge. */
export type LaidOutNode = PlacedNode<OrgChartNode>;

export interface OrgChartOptions {
  /** Fixed card size: the chart never measures the DOM, so it lays out the same in jsdom and browsers. */
  cardWidth?: number;
  cardHeight?: number;
  /** Horizontal gap between neighbouring cards. */
  gapX?: number;
  /** Vertical gap between a parent row and its children. */
  gapY?: number;
  /** Levels shown on load: nodes deeper than this start collapsed (0 = root only). */
  initialDepth?: number;
  /** Viewport size used when the container reports none (jsdom, hidden tabs). */
  width?: number;
  height?: number;
  /** Extra screen pixels rendered around the viewport so panning does not show blanks. */
  overscan?: number;
  /** Minimum time between re-culls while a zoom gesture is running. */
  cullThrottleMs?: number;
  /** Below this zoom scale cards are drawn as plain coloured blocks. */
  lodScale?: number;
  scaleExtent?: [number, number];
  /** Duration of centring/fit animations; 0 jumps. */
  animationMs?: number;
  /** Draw the overview minimap in the bottom-right corner. */
  minimap?: boolean;
  /**
   * Start in the compact layout (as d3-org-chart's `compact`): people without an open team of their
   * own stacked in columns under their manager; switch later with setCompact.
   */
  compact?: boolean;
  /** Draw the dashed dotted-line connectors (nodes' dottedLineManagerIds); on by default. */
  dottedLines?: boolean;
  ariaLabel?: string;
  onSelect?: (node: OrgChartNode | null) => void;
  /** Called after every expand or collapse of one node. */
  onToggle?: (id: string, expanded: boolean) => void;
  /**
   * A lazy chart: fetches a node's direct reports when it is opened and its reports are not in the
   * data yet (its `directReports` says it has some). The chart adds them and opens the node.
   */
  loadChildren?: (id: string) => Promise<readonly OrgChartNode[]>;
  /** A team could not be fetched; the node stays closed. */
  onLoadError?: (id: string, error: unknown) => void;
  /**
   * Makes cards draggable (d3-drag): dropping one card onto another calls this with both ids
   * (a scenario moves the person under the card dropped on). The chart itself changes nothing:
   * the app sends new data when the move is accepted.
   */
  onCardDrop?: (draggedId: string, targetId: string) => void;
  /**
   * The HTML5 drag-and-drop type (lower case, e.g. `application/x-rolemap-responsibility`) the
   * chart accepts from outside itself: dragged over a card, that card is ringed as the drop
   * target; anything else dragged over the chart is refused. Needs onExternalDrop.
   */
  externalDropType?: string;
  /**
   * Something of `externalDropType` (a responsibility from a side panel) was dropped onto a card:
   * called with the card's id and the dragged data of that type. As with onCardDrop, the chart
   * changes nothing itself.
   */
  onExternalDrop?: (targetId: string, data: string) => void;
}

export interface OrgChartStats {
  /** Nodes in the data. */
  total: number;
  /** Nodes in the expanded part of the tree (laid out). */
  laidOut: number;
  /** Cards currently in the DOM (laid out and inside the viewport). */
  rendered: number;
}
