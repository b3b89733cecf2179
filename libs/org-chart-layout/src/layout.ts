import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { ChartDatum, PlacedNode } from './chart-types';
import { VIRTUAL_ROOT_ID, type IndexNode, type OrgIndex } from './org-index';

/** One path per expanded parent: the elbow "fan" to all its children (and, compact, the grid's trunk and rows). */
export interface LinkFan {
  parentId: string;
  /** World-space bounding box, for culling. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  d: string;
}

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OrgLayout<T extends ChartDatum = ChartDatum> {
  /** Real nodes in pre-order. */
  nodes: PlacedNode<T>[];
  byId: Map<string, PlacedNode<T>>;
  fans: LinkFan[];
  /** Card extents (x0..x1 includes half card widths, y1 includes the card height). */
  bounds: Bounds;
}

export interface LayoutSpacing {
  cardWidth: number;
  cardHeight: number;
  gapX: number;
  gapY: number;
}

export interface LayoutOptions extends LayoutSpacing {
  /**
   * Compact layout for wide teams (as d3-org-chart's `compact`): a manager's people without an
   * open team of their own are stacked in a grid of columns under them instead of one long row.
   */
  compact?: boolean;
}

/** Fewer people than this under one manager stay in a row even in the compact layout. */
export const COMPACT_MIN_PEOPLE = 3;

/**
 * Columns of a compact grid of `count` cards: about as wide as tall on screen, and even, so the
 * trunk from the manager runs down the gap between the two middle columns, never through a card.
 */
export function compactColumns(count: number, spacing: LayoutSpacing): number {
  const slotWidth = spacing.cardWidth + spacing.gapX;
  const rowHeight = spacing.cardHeight + spacing.gapY;
  const square = Math.sqrt((count * rowHeight) / slotWidth);
  return Math.max(2, 2 * Math.round(square / 2));
}

/** What the tidy tree places: a card, or one row of a compact grid (as wide as its columns). */
interface Slot<T extends ChartDatum> {
  node: IndexNode<T> | null;
  grid: { cards: IndexNode<T>[]; row: number; columns: number } | null;
  /** Width in card slots, for the separation between neighbours. */
  width: number;
  children: Slot<T>[];
}

/**
 * Tidy tree over the expanded part only: collapsed subtrees are never visited, so the cost
 * follows what is on screen, not the size of the org. Plain TypeScript over d3-hierarchy, so
 * the browser chart and the printed chart (server) place every card in the same spot.
 */
export function computeLayout<T extends ChartDatum>(
  index: OrgIndex<T>,
  expanded: ReadonlySet<string>,
  options: LayoutOptions,
): OrgLayout<T> {
  const isOpen = (node: IndexNode<T>) => !!node.children && expanded.has(node.data.id);
  const slotOf = (node: IndexNode<T>): Slot<T> => {
    const slot: Slot<T> = { node, grid: null, width: 1, children: [] };
    if (!isOpen(node)) return slot;
    const team = node.children!;
    const people = options.compact ? team.filter((child) => !isOpen(child)) : [];
    if (people.length < COMPACT_MIN_PEOPLE) {
      slot.children = team.map(slotOf);
      return slot;
    }
    // The grid takes the manager's first place; open teams follow to its right.
    slot.children = [gridRows(people, compactColumns(people.length, options)), ...team.filter(isOpen).map(slotOf)];
    return slot;
  };

  const visible = hierarchy<Slot<T>>(slotOf(index.root), (slot) => slot.children);
  const slotWidth = options.cardWidth + options.gapX;
  const rowHeight = options.cardHeight + options.gapY;
  const placed = tree<Slot<T>>()
    .nodeSize([slotWidth, rowHeight])
    // Cousins get a little more air than siblings so teams read as groups; a grid row is as wide as its columns.
    .separation((a, b) => (a.data.width + b.data.width) / 2 + (a.parent === b.parent ? 0 : 0.2))(visible);

  const yShift = index.virtualRoot ? rowHeight : 0;
  const levelShift = index.virtualRoot ? 1 : 0;
  const positions = new Map<string, { x: number; y: number }>();
  // Grid rows by the id of their manager, top row first: the fans draw their trunk and rows.
  const gridsOf = new Map<string, { x: number; y: number; cards: IndexNode<T>[] }[]>();
  placed.each((h: HierarchyPointNode<Slot<T>>) => {
    const y = h.y - yShift;
    const { node, grid } = h.data;
    if (node) {
      positions.set(node.data.id, { x: h.x, y });
      return;
    }
    const { cards, row, columns } = grid!;
    const inRow = cards.slice(row * columns, (row + 1) * columns);
    inRow.forEach((card, i) => positions.set(card.data.id, { x: h.x + (i - (inRow.length - 1) / 2) * slotWidth, y }));
    const managerId = cards[0].parent!.data.id;
    const rows = gridsOf.get(managerId) ?? [];
    rows[row] = { x: h.x, y, cards: inRow };
    gridsOf.set(managerId, rows);
  });

  const nodes: PlacedNode<T>[] = [];
  const byId = new Map<string, PlacedNode<T>>();
  const fans: LinkFan[] = [];
  const bounds: Bounds = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const halfWidth = options.cardWidth / 2;

  const visit = (source: IndexNode<T>) => {
    if (source.data.id !== VIRTUAL_ROOT_ID) {
      const at = positions.get(source.data.id)!;
      const node: PlacedNode<T> = {
        id: source.data.id,
        x: at.x,
        y: at.y,
        level: source.depth - levelShift + 1,
        parentId: source.parent && source.parent.data.id !== VIRTUAL_ROOT_ID ? source.parent.data.id : null,
        data: source.data,
      };
      nodes.push(node);
      byId.set(node.id, node);
      bounds.x0 = Math.min(bounds.x0, node.x - halfWidth);
      bounds.x1 = Math.max(bounds.x1, node.x + halfWidth);
      bounds.y0 = Math.min(bounds.y0, node.y);
      bounds.y1 = Math.max(bounds.y1, node.y + options.cardHeight);
    }
    if (!isOpen(source)) return;
    for (const child of source.children!) visit(child);
    if (source.data.id !== VIRTUAL_ROOT_ID) {
      fans.push(fanOf(source, source.children!, gridsOf.get(source.data.id) ?? [], positions, options));
    }
  };
  visit(index.root);

  if (nodes.length === 0) Object.assign(bounds, { x0: 0, y0: 0, x1: 0, y1: 0 });
  return { nodes, byId, fans, bounds };
}

/** A compact grid as a chain of row slots (each row the child of the one above), so every row is in the contour. */
function gridRows<T extends ChartDatum>(cards: IndexNode<T>[], columns: number): Slot<T> {
  const rows = Math.ceil(cards.length / columns);
  let below: Slot<T> | null = null;
  for (let row = rows - 1; row >= 0; row--) {
    below = { node: null, grid: { cards, row, columns }, width: columns, children: below ? [below] : [] };
  }
  return below!;
}

function fanOf<T extends ChartDatum>(
  manager: IndexNode<T>,
  team: IndexNode<T>[],
  grid: { x: number; y: number; cards: IndexNode<T>[] }[],
  positions: Map<string, { x: number; y: number }>,
  spacing: LayoutSpacing,
): LinkFan {
  const at = positions.get(manager.data.id)!;
  const top = at.y + spacing.cardHeight;
  const mid = top + spacing.gapY / 2;
  const inGrid = new Set(grid.flatMap((row) => row.cards));
  let minX = at.x;
  let maxX = at.x;
  let bottom = top + spacing.gapY;
  let d = `M${at.x},${top}V${mid}`;
  const drop = (x: number, from: number, to: number) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    d += `M${x},${from}V${to}`;
  };
  // The first row of a grid hangs from the fan's own bar, like any child.
  for (const child of team) {
    const c = positions.get(child.data.id)!;
    if (!inGrid.has(child) || grid[0].cards.includes(child)) drop(c.x, mid, c.y);
  }
  d += `M${minX},${mid}H${maxX}`;
  if (grid.length > 1) {
    // The trunk runs down the gap between the middle columns to the bar above the last row.
    const last = grid[grid.length - 1];
    d += `M${grid[0].x},${mid}V${last.y - spacing.gapY / 2}`;
    for (const row of grid.slice(1)) {
      const bar = row.y - spacing.gapY / 2;
      let rowMin = row.x;
      let rowMax = row.x;
      for (const card of row.cards) {
        const c = positions.get(card.data.id)!;
        rowMin = Math.min(rowMin, c.x);
        rowMax = Math.max(rowMax, c.x);
        drop(c.x, bar, c.y);
      }
      d += `M${rowMin},${bar}H${rowMax}`;
    }
    bottom = last.y;
  }
  return { parentId: manager.data.id, x0: minX, x1: maxX, y0: top, y1: bottom, d };
}
