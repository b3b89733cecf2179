import type { Size, ViewTransform } from './types';

export type MinimapCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Where the minimap goes, in order of preference: the first corner with no card under it. */
export const MINIMAP_CORNERS: readonly MinimapCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The minimap's rectangle in the chart's own (screen) coordinates, `margin` in from the corner. */
export function minimapRect(corner: MinimapCorner, viewport: Size, minimap: Size, margin: number): Rect {
  const left = corner.endsWith('left') ? margin : viewport.width - margin - minimap.width;
  const top = corner.startsWith('top') ? margin : viewport.height - margin - minimap.height;
  return { left, top, right: left + minimap.width, bottom: top + minimap.height };
}

/**
 * The corner where the minimap covers no card (cards carry their centre x and top y, in world
 * space), or null when every corner would cover one: then it is better hidden than in the way.
 * Linear in the cards given: pass the culled ones in view.
 */
export function minimapCorner(
  cards: readonly { x: number; y: number }[],
  transform: ViewTransform,
  viewport: Size,
  card: Size,
  minimap: Size,
  margin: number,
): MinimapCorner | null {
  // The map is useless on a chart not much bigger than itself.
  if (viewport.width < minimap.width * 2 || viewport.height < minimap.height * 2) return null;
  const { x, y, k } = transform;
  const halfWidth = card.width / 2;
  for (const corner of MINIMAP_CORNERS) {
    const map = minimapRect(corner, viewport, minimap, margin);
    const covers = cards.some((node) => {
      const left = (node.x - halfWidth) * k + x;
      const top = node.y * k + y;
      return left < map.right && left + card.width * k > map.left && top < map.bottom && top + card.height * k > map.top;
    });
    if (!covers) return corner;
  }
  return null;
}
