import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  BADGES,
  CHART_VALUE_LEVELS,
  LINK_COLOR,
  MUTED_TEXT_COLOR,
  TEXT_COLOR,
  TIER_SHORT,
  VALUE_LEVEL_COLORS,
  badgeCounts,
  tacticalGapColor,
  tacticalGapTint,
  type Bounds,
  type PlacedNode,
} from '@rolemap/org-chart-layout';
import type { ValueMix } from '@rolemap/domain';
import { FONT, registerReportFonts } from '../pdf/pdf-fonts';
import { pdfSafe } from '../pdf/pdf-text';
import { longDate } from '../pdf/pdf-theme';
import type { ChartExport, PrintedChartNode } from './chart-export';
import {
  PAGE_HEADER,
  PAGE_MARGIN,
  PAPER_SIZES,
  contentArea,
  planChartPages,
  type ChartPagePlan,
  type ChartTile,
} from './chart-pages';

type Doc = PDFKit.PDFDocument;

/** Room around the cards: the ring and the +N pill hang a little outside them. */
const CHART_PADDING = 14;

/**
 * Writes the chart as a vector PDF: cards, text and connectors are drawn with pdfkit's paths and
 * text (set in the report font), never as a picture, so it prints sharp at any size and names can
 * be searched and copied. One page when the chart stays readable on it, else tiles at a readable
 * size after an overview page that shows which page holds which part.
 */
export async function writeChartPdf(chart: ChartExport, out: Writable): Promise<ChartPagePlan> {
  const { default: PDFDocument } = await import('pdfkit');
  const bounds = paddedBounds(chart);
  const plan = planChartPages(bounds, chart.paper, (x0, y0, x1, y1) => occupied(chart, x0, y0, x1, y1));
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [plan.width, plan.height],
    info: {
      Title: `${chart.title}: ${chart.organizationName}`,
      Subject: `Snapshot ${chart.snapshotVersion}, ${chart.asOf}`,
      Author: 'rolemap',
      Creator: 'rolemap',
      // The snapshot's date, not the clock: the same chart gives the same file.
      CreationDate: new Date(`${chart.asOf}T00:00:00Z`),
    },
    displayTitle: true,
  }) as Doc;
  registerReportFonts(doc);
  doc.pipe(out);

  const overview = plan.mode === 'tiles';
  const total = plan.tiles.length + (overview ? 1 : 0);
  const runningTitle = `${chart.organizationName} · Org chart · Snapshot ${chart.snapshotVersion}, ${longDate(chart.asOf)}`;
  let page = 0;
  const newPage = (label: string) => {
    page++;
    doc.addPage({ size: [plan.width, plan.height], margin: 0 });
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED_TEXT_COLOR);
    doc.text(pdfSafe(runningTitle), PAGE_MARGIN, PAGE_MARGIN, { lineBreak: false });
    const pageLabel = `Page ${page} of ${total}${label ? `, ${label}` : ''}`;
    doc.font(FONT.bold).text(pageLabel, plan.width - PAGE_MARGIN - doc.widthOfString(pageLabel), PAGE_MARGIN, {
      lineBreak: false,
    });
  };

  if (overview) {
    newPage('overview');
    drawOverview(doc, chart, bounds, plan);
  }
  for (const tile of plan.tiles) {
    newPage(plan.mode === 'tiles' ? `row ${tile.row} column ${tile.column}` : '');
    drawTile(doc, chart, tile, plan.scale, plan);
  }
  if (total === 0) newPage('');
  doc.end();
  await finished(out);
  return plan;
}

function paddedBounds(chart: ChartExport): Bounds {
  const { x0, y0, x1, y1 } = chart.layout.bounds;
  return { x0: x0 - CHART_PADDING, y0: y0 - CHART_PADDING, x1: x1 + CHART_PADDING, y1: y1 + CHART_PADDING };
}

function occupied(chart: ChartExport, x0: number, y0: number, x1: number, y1: number): boolean {
  const { width, height } = chart.card;
  return (
    chart.layout.nodes.some((n) => n.x + width / 2 > x0 && n.x - width / 2 < x1 && n.y + height > y0 && n.y < y1) ||
    chart.layout.fans.some((f) => f.x1 >= x0 && f.x0 <= x1 && f.y1 >= y0 && f.y0 <= y1)
  );
}

/** Moves world coordinates of `tile` into the page's content area at `scale`, clipped to it. */
function enterTile(doc: Doc, tile: ChartTile, scale: number, plan: ChartPagePlan): void {
  const area = contentArea(plan.width, plan.height);
  const left = PAGE_MARGIN;
  const top = PAGE_MARGIN + PAGE_HEADER;
  // A fitted chart sits centred on its page.
  const dx = plan.mode === 'fit' ? (area.width - (tile.x1 - tile.x0) * scale) / 2 : 0;
  doc.save();
  doc.rect(left, top, area.width, area.height).clip();
  doc.translate(left + dx - tile.x0 * scale, top - tile.y0 * scale);
  doc.scale(scale);
}

function drawTile(doc: Doc, chart: ChartExport, tile: ChartTile, scale: number, plan: ChartPagePlan): void {
  enterTile(doc, tile, scale, plan);
  const { width, height } = chart.card;
  for (const fan of chart.layout.fans) {
    if (fan.x1 < tile.x0 || fan.x0 > tile.x1 || fan.y1 < tile.y0 || fan.y0 > tile.y1) continue;
    doc.path(fan.d).lineWidth(1.5).strokeColor(LINK_COLOR).stroke();
  }
  for (const node of chart.layout.nodes) {
    if (node.x + width / 2 + 30 < tile.x0 || node.x - width / 2 - 30 > tile.x1) continue;
    if (node.y + height + 12 < tile.y0 || node.y - 6 > tile.y1) continue;
    drawCard(doc, node, chart);
  }
  doc.restore();
}

/** The whole chart small, with the grid of pages over it and each page's number in its cell. */
function drawOverview(doc: Doc, chart: ChartExport, bounds: Bounds, plan: ChartPagePlan): void {
  const area = contentArea(plan.width, plan.height);
  const legendHeight = 28;
  const gridWidth = plan.columns * (plan.tiles[0].x1 - plan.tiles[0].x0);
  const gridHeight = plan.rows * (plan.tiles[0].y1 - plan.tiles[0].y0);
  const scale = Math.min(area.width / gridWidth, (area.height - legendHeight) / gridHeight);
  const whole: ChartTile = {
    row: 0,
    column: 0,
    x0: bounds.x0,
    y0: bounds.y0,
    x1: bounds.x0 + gridWidth,
    y1: bounds.y0 + gridHeight,
  };
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(TEXT_COLOR)
    .text(
      pdfSafe(
        `${chart.layout.nodes.length.toLocaleString('en-US')} cards on ${plan.tiles.length} pages of ${PAPER_SIZES[chart.paper].name} ` +
          `${plan.orientation} (${plan.rows} rows × ${plan.columns} columns; pages with nothing on them are left out). ` +
          'Lay them side by side by row and column.',
      ),
      PAGE_MARGIN,
      PAGE_MARGIN + PAGE_HEADER,
      { width: area.width },
    );
  const shifted = { ...plan, height: plan.height - legendHeight };
  doc.save();
  doc.translate(0, legendHeight);
  enterTile(doc, whole, scale, shifted);
  const { width, height } = chart.card;
  for (const fan of chart.layout.fans) doc.path(fan.d);
  doc
    .lineWidth(0.5 / scale)
    .strokeColor(LINK_COLOR)
    .stroke();
  for (const node of chart.layout.nodes) {
    doc
      .rect(node.x - width / 2, node.y, width, height)
      .fillColor(pdfColor(tacticalGapColor(node.data.tacticalGap)))
      .fill();
  }
  for (const tile of plan.tiles) {
    const number = plan.tiles.indexOf(tile) + 2;
    doc
      .rect(tile.x0, tile.y0, tile.x1 - tile.x0, tile.y1 - tile.y0)
      .lineWidth(1 / scale)
      .strokeColor('#1D4ED8')
      .stroke();
    doc
      .font(FONT.bold)
      .fontSize(14 / scale)
      .fillColor('#1D4ED8')
      .text(String(number), tile.x0 + 6 / scale, tile.y0 + 6 / scale, { lineBreak: false });
  }
  doc.restore();
  doc.restore();
}

function drawCard(doc: Doc, placed: PlacedNode<PrintedChartNode>, chart: ChartExport): void {
  const { width: w, height: h } = chart.card;
  const node = placed.data;
  const left = placed.x - w / 2;
  const top = placed.y;
  const gap = node.tacticalGap;
  doc.save();
  doc.translate(left, top);
  doc.roundedRect(0, 0, w, h, 8).lineWidth(2);
  if (node.vacant) doc.dash(6, { space: 4 });
  doc.fillAndStroke(pdfColor(tacticalGapTint(gap)), pdfColor(tacticalGapColor(gap)));
  doc.undash();

  const pad = 12;
  const inner = w - pad * 2;
  const name = node.vacant ? `Vacant${node.name && node.name.toLowerCase() !== 'vacant' ? ` (${node.name})` : ''}` : node.name;
  line(doc, name, pad, 20, inner, node.vacant ? FONT.italic : FONT.bold, 13, TEXT_COLOR);
  line(doc, node.title, pad, 35, inner, FONT.regular, 11, MUTED_TEXT_COLOR);
  const meta = [TIER_SHORT[node.tier] ?? node.tier, node.department].filter(Boolean).join(' \u00b7 ');
  line(doc, meta, pad, 49, inner, FONT.regular, 10, MUTED_TEXT_COLOR);
  mixBar(doc, node.actualMix, pad, 56, inner, 8);
  mixBar(doc, node.expectedMix, pad, 66, inner, 3);

  let bx = pad;
  const by = h - 22;
  for (const [kind, count] of badgeCounts(node.badges)) {
    const badge = BADGES[kind];
    const text = count > 1 ? `${badge.short}\u00d7${count}` : badge.short;
    const bw = 10 + text.length * 6;
    doc.roundedRect(bx, by, bw, 14, 7).fillColor(badge.color).fill();
    doc.font(FONT.bold).fontSize(9).fillColor('#FFFFFF');
    doc.text(text, bx + (bw - doc.widthOfString(text)) / 2, by + 10.5, { lineBreak: false, baseline: 'alphabetic' });
    bx += bw + 4;
  }
  const gapText = `gap ${Math.round(Math.min(1, Math.max(0, gap || 0)) * 100)}%`;
  doc.font(FONT.regular).fontSize(10).fillColor(TEXT_COLOR);
  doc.text(gapText, w - pad - doc.widthOfString(gapText), h - 11, { lineBreak: false, baseline: 'alphabetic' });

  const hidden = chart.hiddenBelow.get(placed.id);
  if (hidden) {
    // What the collapsed card hides, as on screen: the print says the team is not shown.
    const label = `+${hidden.toLocaleString('en-US')}`;
    doc.font(FONT.bold).fontSize(10);
    const pill = Math.max(48, doc.widthOfString(label) + 16);
    doc
      .roundedRect(w / 2 - pill / 2, h - 9, pill, 18, 9)
      .lineWidth(1.5)
      .fillAndStroke('#374151', '#FFFFFF');
    doc
      .fillColor('#FFFFFF')
      .text(label, w / 2 - doc.widthOfString(label) / 2, h + 4, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.restore();
}

/** One line of text cut to the width it has, with an ellipsis: measured with the real font. */
function line(doc: Doc, text: string, x: number, baseline: number, width: number, font: string, size: number, color: string) {
  doc.font(font).fontSize(size).fillColor(color);
  let shown = pdfSafe(text);
  if (doc.widthOfString(shown) > width) {
    let low = 0;
    let high = shown.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (doc.widthOfString(`${shown.slice(0, mid).trimEnd()}\u2026`) <= width) low = mid;
      else high = mid - 1;
    }
    shown = `${shown.slice(0, low).trimEnd()}\u2026`;
  }
  doc.text(shown, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

function mixBar(doc: Doc, mix: ValueMix, x: number, y: number, width: number, height: number): void {
  const total = CHART_VALUE_LEVELS.reduce((sum, level) => sum + Math.max(0, mix[level] ?? 0), 0);
  if (total <= 0) {
    doc.rect(x, y, width, height).fillColor('#E5E7EB').fill();
    return;
  }
  let offset = x;
  for (const level of CHART_VALUE_LEVELS) {
    const share = (Math.max(0, mix[level] ?? 0) / total) * width;
    if (share <= 0) continue;
    doc.rect(offset, y, share, height).fillColor(VALUE_LEVEL_COLORS[level]).fill();
    offset += share;
  }
}

/** pdfkit reads hex colours and names, not the `rgb(…)` strings d3's interpolators give. */
export function pdfColor(css: string): string {
  const match = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(css);
  if (!match) return css;
  return `#${match
    .slice(1, 4)
    .map((part) => Math.min(255, Number(part)).toString(16).padStart(2, '0'))
    .join('')}`;
}
