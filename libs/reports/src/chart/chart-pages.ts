import type { Bounds } from '@rolemap/org-chart-layout';
import type { ChartPaper } from './chart-export';

/** Portrait sizes in PDF points. */
export const PAPER_SIZES: Record<ChartPaper, { width: number; height: number; name: string }> = {
  a4: { width: 595.28, height: 841.89, name: 'A4' },
  letter: { width: 612, height: 792, name: 'Letter' },
};

export const PAGE_MARGIN = 28;
/** Room above the chart for the running title and the page label. */
export const PAGE_HEADER = 20;

/**
 * Smallest print scale (points per screen pixel) at which a card stays readable: the name is set
 * at 13 px on screen, so 6.5 pt on paper, the title at 5.5 pt (a footnote's size). Below it the
 * chart is tiled instead; a card is then 39 × 17 mm on paper.
 */
export const MIN_READABLE_SCALE = 0.5;
/** Never print cards larger than on screen. */
export const MAX_SCALE = 1;

export interface ChartTile {
  /** 1-based row and column in the grid of tiles. */
  row: number;
  column: number;
  /** The world rectangle this page shows. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ChartPagePlan {
  orientation: 'portrait' | 'landscape';
  /** Page size in points, oriented. */
  width: number;
  height: number;
  scale: number;
  /** One page, or tiles to lay side by side (rows × columns, empty ones left out). */
  mode: 'fit' | 'tiles';
  rows: number;
  columns: number;
  tiles: ChartTile[];
}

/** The drawable area of a page, in points. */
export function contentArea(width: number, height: number): { width: number; height: number } {
  return { width: width - PAGE_MARGIN * 2, height: height - PAGE_MARGIN * 2 - PAGE_HEADER };
}

/**
 * One page when the whole chart fits at a readable size (in whichever orientation prints it
 * larger); else tiles at the readable size, in the orientation that needs fewer pages. Tiles
 * with nothing on them are left out (`occupied` says which world rectangles hold something).
 */
export function planChartPages(
  bounds: Bounds,
  paper: ChartPaper,
  occupied: (x0: number, y0: number, x1: number, y1: number) => boolean,
): ChartPagePlan {
  const chartWidth = Math.max(1, bounds.x1 - bounds.x0);
  const chartHeight = Math.max(1, bounds.y1 - bounds.y0);
  const { width: pw, height: ph } = PAPER_SIZES[paper];
  const orientations = [
    { orientation: 'landscape' as const, width: ph, height: pw },
    { orientation: 'portrait' as const, width: pw, height: ph },
  ];

  const fits = orientations.map((page) => {
    const area = contentArea(page.width, page.height);
    return { ...page, scale: Math.min(MAX_SCALE, area.width / chartWidth, area.height / chartHeight) };
  });
  const best = fits.reduce((a, b) => (b.scale > a.scale ? b : a));
  if (best.scale >= MIN_READABLE_SCALE) {
    return { ...best, mode: 'fit', rows: 1, columns: 1, tiles: [{ row: 1, column: 1, ...bounds }] };
  }

  const tiled = orientations.map((page) => {
    const area = contentArea(page.width, page.height);
    const tileWidth = area.width / MIN_READABLE_SCALE;
    const tileHeight = area.height / MIN_READABLE_SCALE;
    const columns = Math.ceil(chartWidth / tileWidth);
    const rows = Math.ceil(chartHeight / tileHeight);
    const tiles: ChartTile[] = [];
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const x0 = bounds.x0 + column * tileWidth;
        const y0 = bounds.y0 + row * tileHeight;
        const tile = { row: row + 1, column: column + 1, x0, y0, x1: x0 + tileWidth, y1: y0 + tileHeight };
        if (occupied(tile.x0, tile.y0, tile.x1, tile.y1)) tiles.push(tile);
      }
    }
    return { ...page, scale: MIN_READABLE_SCALE, mode: 'tiles' as const, rows, columns, tiles };
  });
  return tiled.reduce((a, b) => (b.tiles.length < a.tiles.length ? b : a));
}
