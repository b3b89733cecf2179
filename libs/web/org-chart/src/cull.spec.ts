import { cullBoxes, cullNodes, visibleWorldRect } from './cull';
import { tacticalGapColor, tacticalGapTint } from '@rolemap/org-chart-layout';
import { safeCanvasScale } from './export';
import { badgeCounts, truncate } from './card';

const CARD = { width: 100, height: 50 };
// A 10 × 10 grid, 200px apart: card centres at x = 0..1800, tops at y = 0..1800.
const GRID = Array.from({ length: 100 }, (_, i) => ({ id: i, x: (i % 10) * 200, y: Math.floor(i / 10) * 200 }));

describe('cullNodes', () => {
  it('keeps only the cards that intersect the viewport', () => {
    // Identity view, 500×300: x from 0 to 500 catches columns 0..2 (card at 600 starts at 550), y 0..300 rows 0..1.
    const kept = cullNodes(GRID, { x: 0, y: 0, k: 1 }, { width: 500, height: 300 }, CARD);
    expect(kept.map((n) => n.id)).toEqual([0, 1, 2, 10, 11, 12]);
    expect(kept.length).toBeLessThan(GRID.length);
  });

  it('follows the zoom transform (pan and scale)', () => {
    // Panned so world x 1000..1500 is on screen.
    const panned = cullNodes(GRID, { x: -1000, y: 0, k: 1 }, { width: 500, height: 100 }, CARD);
    expect(panned.map((n) => n.id)).toEqual([5, 6, 7]);
    // Zoomed out to k = 0.1 the same viewport shows the whole grid.
    expect(cullNodes(GRID, { x: 50, y: 50, k: 0.1 }, { width: 500, height: 300 }, CARD)).toHaveLength(100);
  });

  it('overscan grows the rendered area on every side', () => {
    const view = { x: -1000, y: -1000, k: 1 };
    const tight = cullNodes(GRID, view, { width: 100, height: 100 }, CARD, 0);
    const loose = cullNodes(GRID, view, { width: 100, height: 100 }, CARD, 200);
    expect(tight.map((n) => n.id)).toEqual([55]);
    expect(loose.length).toBeGreaterThan(tight.length);
  });

  it('visibleWorldRect inverts the transform', () => {
    expect(visibleWorldRect({ x: 100, y: 50, k: 2 }, { width: 300, height: 100 })).toEqual({ x0: -50, y0: -25, x1: 100, y1: 25 });
  });

  it('cullBoxes keeps link fans that cross the viewport', () => {
    const fans = [
      { id: 'in', x0: 0, x1: 100, y0: 0, y1: 10 },
      { id: 'spanning', x0: -5000, x1: 5000, y0: 20, y1: 30 },
      { id: 'out', x0: 900, x1: 1000, y0: 0, y1: 10 },
    ];
    expect(cullBoxes(fans, { x: 0, y: 0, k: 1 }, { width: 200, height: 100 }).map((f) => f.id)).toEqual(['in', 'spanning']);
  });
});

describe('palette', () => {
  it('maps tactical gap to distinct colours along green → amber → red and clamps', () => {
    const colours = [0, 0.25, 0.5, 0.75, 1].map(tacticalGapColor);
    expect(new Set(colours).size).toBe(5);
    expect(tacticalGapColor(0)).toBe('rgb(26, 152, 80)');
    expect(tacticalGapColor(1)).toBe('rgb(215, 48, 39)');
    expect(tacticalGapColor(-3)).toBe(tacticalGapColor(0));
    expect(tacticalGapColor(7)).toBe(tacticalGapColor(1));
    expect(tacticalGapColor(Number.NaN)).toBe(tacticalGapColor(0));
    expect(tacticalGapTint(0)).not.toBe(tacticalGapTint(1));
  });
});

describe('card helpers', () => {
  it('truncates by an estimated width with an ellipsis', () => {
    expect(truncate('Short', 200, 10)).toBe('Short');
    const cut = truncate('A very long job title that does not fit on a card', 100, 10);
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(Math.floor(100 / 5.6));
  });

  it('counts badges once per kind, in a fixed order, ignoring other findings', () => {
    expect(badgeCounts(['DELEGATION_GAP', 'LAYERS', 'PIGEONHOLING_RISK', 'DELEGATION_GAP'])).toEqual([
      ['DELEGATION_GAP', 2],
      ['PIGEONHOLING_RISK', 1],
    ]);
  });

  it('safeCanvasScale keeps huge exports under the canvas limits', () => {
    expect(safeCanvasScale(1000, 800, 2)).toBe(2);
    expect(1_000_000 * safeCanvasScale(1_000_000, 2000, 2)).toBeLessThanOrEqual(16384);
  });
});
