import type { Bounds } from '@rolemap/org-chart-layout';
import type { Size, ViewTransform } from './types';

/** The world-space rectangle the viewport shows, grown by `overscan` screen pixels on each side. */
export function visibleWorldRect(transform: ViewTransform, viewport: Size, overscan = 0): Bounds {
  const { x, y, k } = transform;
  return {
    x0: (-overscan - x) / k,
    y0: (-overscan - y) / k,
    x1: (viewport.width + overscan - x) / k,
    y1: (viewport.height + overscan - y) / k,
  };
}

/**
 * Cards that intersect the viewport. Nodes carry the card's centre x and top y.
 * Pure and linear: 10k comparisons are far cheaper than 10k DOM cards.
 */
export function cullNodes<T extends { x: number; y: number }>(
  nodes: readonly T[],
  transform: ViewTransform,
  viewport: Size,
  card: Size,
  overscan = 0,
): T[] {
  const rect = visibleWorldRect(transform, viewport, overscan);
  const half = card.width / 2;
  const out: T[] = [];
  for (const node of nodes) {
    if (node.x + half >= rect.x0 && node.x - half <= rect.x1 && node.y + card.height >= rect.y0 && node.y <= rect.y1) {
      out.push(node);
    }
  }
  return out;
}

/** Items with a world bounding box (link fans) that intersect the viewport. */
export function cullBoxes<T extends Bounds>(items: readonly T[], transform: ViewTransform, viewport: Size, overscan = 0): T[] {
  const rect = visibleWorldRect(transform, viewport, overscan);
  return items.filter((item) => item.x1 >= rect.x0 && item.x0 <= rect.x1 && item.y1 >= rect.y0 && item.y0 <= rect.y1);
}
