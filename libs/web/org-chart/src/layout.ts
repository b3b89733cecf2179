import { hierarchy, tree } from 'd3-hierarchy';
import { VIRTUAL_ROOT_ID, type IndexNode, type OrgIndex } from './org-index';
import type { LaidOutNode } from './types';

/** One path per expanded parent: the elbow "fan" to all its children. */
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

export interface OrgLayout {
  /** Real nodes in pre-order. */
  nodes: LaidOutNode[];
  byId: Map<string, LaidOutNode>;
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

/**
 * Tidy tree over the expanded part only: collapsed subtrees are never visited,
 * so the cost follows what is on screen, not the size of the org.
 */
export function computeLayout(index: OrgIndex, expanded: ReadonlySet<string>, spacing: LayoutSpacing): OrgLayout {
  const visible = hierarchy<IndexNode>(index.root, (node) =>
    node.children && expanded.has(node.data.id) ? node.children : undefined,
  );
  const rowHeight = spacing.cardHeight + spacing.gapY;
  tree<IndexNode>()
    .nodeSize([spacing.cardWidth + spacing.gapX, rowHeight])
    // Cousins get a little more air than siblings so teams read as groups.
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(visible);

  const yShift = index.virtualRoot ? rowHeight : 0;
  const levelShift = index.virtualRoot ? 1 : 0;
  const nodes: LaidOutNode[] = [];
  const byId = new Map<string, LaidOutNode>();
  const fans: LinkFan[] = [];
  const bounds: Bounds = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const halfWidth = spacing.cardWidth / 2;

  visible.eachBefore((h) => {
    const source = h.data;
    if (source.data.id === VIRTUAL_ROOT_ID) return;
    const placed: LaidOutNode = {
      id: source.data.id,
      x: h.x ?? 0,
      y: (h.y ?? 0) - yShift,
      level: source.depth - levelShift + 1,
      parentId: h.parent && h.parent.data.data.id !== VIRTUAL_ROOT_ID ? h.parent.data.data.id : null,
      data: source.data,
    };
    nodes.push(placed);
    byId.set(placed.id, placed);
    bounds.x0 = Math.min(bounds.x0, placed.x - halfWidth);
    bounds.x1 = Math.max(bounds.x1, placed.x + halfWidth);
    bounds.y0 = Math.min(bounds.y0, placed.y);
    bounds.y1 = Math.max(bounds.y1, placed.y + spacing.cardHeight);
  });

  visible.each((h) => {
    if (!h.children || h.data.data.id === VIRTUAL_ROOT_ID) return;
    const px = h.x ?? 0;
    const top = (h.y ?? 0) - yShift + spacing.cardHeight;
    const childTop = top + spacing.gapY;
    const mid = top + spacing.gapY / 2;
    let minX = px;
    let maxX = px;
    let d = `M${px},${top}V${mid}`;
    for (const child of h.children) {
      const cx = child.x ?? 0;
      minX = Math.min(minX, cx);
      maxX = Math.max(maxX, cx);
      d += `M${cx},${mid}V${childTop}`;
    }
    d += `M${minX},${mid}H${maxX}`;
    fans.push({ parentId: h.data.data.id, x0: minX, x1: maxX, y0: top, y1: childTop, d });
  });

  if (nodes.length === 0) Object.assign(bounds, { x0: 0, y0: 0, x1: 0, y1: 0 });
  return { nodes, byId, fans, bounds };
}
