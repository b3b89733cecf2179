import { minimapCorner, minimapRect } from './minimap-placement';

const viewport = { width: 800, height: 600 };
const card = { width: 200, height: 80 };
const minimap = { width: 180, height: 120 };
const identity = { x: 0, y: 0, k: 1 };

describe('where the minimap goes', () => {
  it('sits bottom right when no card is there', () => {
    expect(minimapCorner([{ x: 400, y: 20 }], identity, viewport, card, minimap, 8)).toBe('bottom-right');
  });

  it('moves to the next free corner when a card is under it, and hides when every corner has one', () => {
    const bottomRight = { x: 700, y: 500 };
    const bottomLeft = { x: 100, y: 500 };
    const topRight = { x: 700, y: 10 };
    const topLeft = { x: 100, y: 10 };
    expect(minimapCorner([bottomRight], identity, viewport, card, minimap, 8)).toBe('bottom-left');
    expect(minimapCorner([bottomRight, bottomLeft], identity, viewport, card, minimap, 8)).toBe('top-right');
    expect(minimapCorner([bottomRight, bottomLeft, topRight], identity, viewport, card, minimap, 8)).toBe('top-left');
    expect(minimapCorner([bottomRight, bottomLeft, topRight, topLeft], identity, viewport, card, minimap, 8)).toBeNull();
  });

  it('follows the zoom and pan: a card off to the side stays clear until it moves under the map', () => {
    const map = minimapRect('bottom-right', viewport, minimap, 8);
    expect(map).toEqual({ left: 612, top: 472, right: 792, bottom: 592 });
    // A card whose right edge ends one pixel before the map, then one pixel into it.
    const justClear = { x: 612 - 1 - card.width / 2, y: 500 };
    expect(minimapCorner([justClear], identity, viewport, card, minimap, 8)).toBe('bottom-right');
    expect(minimapCorner([justClear], { x: 2, y: 0, k: 1 }, viewport, card, minimap, 8)).toBe('bottom-left');
    // Zoomed out to half size, the same card no longer reaches the corner.
    expect(minimapCorner([{ x: 700, y: 500 }], { x: 0, y: 0, k: 0.5 }, viewport, card, minimap, 8)).toBe('bottom-right');
  });

  it('is not shown on a chart barely bigger than itself', () => {
    expect(minimapCorner([], identity, { width: 300, height: 600 }, card, minimap, 8)).toBeNull();
  });
});
