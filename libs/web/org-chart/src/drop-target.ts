import type { LaidOutNode, Size } from './types';

/**
 * The laid-out card under a point in chart (world) coordinates, other than `exceptId` (a card
 * being dragged, which is under the pointer itself). Cards never overlap, so the first hit is it.
 */
export function cardAt(
  nodes: readonly LaidOutNode[],
  x: number,
  y: number,
  card: Size,
  exceptId: string | null = null,
): LaidOutNode | null {
  for (const node of nodes) {
    if (node.id === exceptId) continue;
    const left = node.x - card.width / 2;
    if (x >= left && x <= left + card.width && y >= node.y && y <= node.y + card.height) return node;
  }
  return null;
}
