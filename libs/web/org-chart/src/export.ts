import { SVG_NS, applyCardState, drawCard, drawToggle, type CardState } from './card';
import { LINK_COLOR, type OrgLayout } from '@rolemap/org-chart-layout';
import type { OrgChartNode, Size } from './types';

const PADDING = 24;
// Chromium and Firefox refuse canvases beyond these; stay under them rather than fail.
const MAX_CANVAS_SIDE = 16384;
const MAX_CANVAS_AREA = 16384 * 16384 * 0.5;

/**
 * Serialises the whole laid-out tree (every expanded card, not just the viewport) as a standalone SVG:
 * cards carry their styles as presentation attributes, so no stylesheet is needed.
 */
export function exportChartSvg(
  doc: Document,
  layout: OrgLayout<OrgChartNode> | null,
  card: Size,
  stateOf: (id: string) => CardState,
  fontFamily: string,
): string {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  const bounds = layout?.bounds ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  // The toggle pill hangs 9px under the last row.
  const width = Math.ceil(bounds.x1 - bounds.x0 + PADDING * 2);
  const height = Math.ceil(bounds.y1 - bounds.y0 + PADDING * 2 + 10);
  svg.setAttribute('version', '1.1');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', fontFamily);
  svg.setAttribute('role', 'img');
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = 'Organization chart';
  svg.appendChild(title);
  const background = doc.createElementNS(SVG_NS, 'rect');
  for (const [key, value] of Object.entries({ width, height, fill: '#FFFFFF' })) background.setAttribute(key, String(value));
  svg.appendChild(background);

  const world = doc.createElementNS(SVG_NS, 'g');
  world.setAttribute('transform', `translate(${PADDING - bounds.x0},${PADDING - bounds.y0})`);
  svg.appendChild(world);
  if (layout) {
    for (const fan of layout.fans) {
      const path = doc.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', fan.d);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', LINK_COLOR);
      path.setAttribute('stroke-width', '1.5');
      world.appendChild(path);
    }
    for (const node of layout.nodes) {
      const g = doc.createElementNS(SVG_NS, 'g');
      g.setAttribute('transform', `translate(${node.x - card.width / 2},${node.y})`);
      drawCard(g, node.data, card, false);
      const state = stateOf(node.id);
      if (state.expanded !== null) drawToggle(g, card);
      applyCardState(g, state);
      g.removeAttribute('class');
      world.appendChild(g);
    }
  }
  const xml = new (doc.defaultView?.XMLSerializer ?? XMLSerializer)().serializeToString(svg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** The largest scale ≤ `scale` that keeps the canvas within browser limits. */
export function safeCanvasScale(width: number, height: number, scale: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_CANVAS_AREA / Math.max(width * height, 1));
  return Math.max(0.01, Math.min(scale, bySide, byArea));
}

export function exportChartPng(doc: Document, svgText: string, scale: number): Promise<Blob> {
  const view = doc.defaultView;
  if (!view) return Promise.reject(new Error('exportPng needs a browser window'));
  const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svgText)?.[1] ?? 0);
  const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svgText)?.[1] ?? 0);
  const factor = safeCanvasScale(width, height, scale);
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * factor));
  canvas.height = Math.max(1, Math.round(height * factor));
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return Promise.reject(new Error('exportPng: this environment has no 2D canvas'));
  const ctx = context;
  const url = view.URL.createObjectURL(new view.Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise<Blob>((resolve, reject) => {
    const image = new view.Image();
    image.onload = () => {
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      view.URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('exportPng: the canvas produced no image'))), 'image/png');
    };
    image.onerror = () => {
      view.URL.revokeObjectURL(url);
      reject(new Error('exportPng: the browser could not draw the SVG'));
    };
    image.src = url;
  });
}
