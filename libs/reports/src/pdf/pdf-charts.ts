import type { MixLine } from '../model/report-types';
import { formatPct } from '../model/level-advice';
import type { PdfCanvas } from './pdf-canvas';
import { COLOR, FONT } from './pdf-theme';

const LABEL_WIDTH = 92;
const GAP_COLUMN = 62;
const BAR = 7.5;
const BAR_GAP = 2;
const ROW_GAP = 7;
const LEGEND_HEIGHT = 16;
const AXIS_HEIGHT = 14;

/** Height the mix chart takes, so callers can keep it on one page with its heading. */
export function mixChartHeight(levels: number): number {
  return LEGEND_HEIGHT + levels * (2 * BAR + BAR_GAP + ROW_GAP) + AXIS_HEIGHT + 6;
}

/**
 * Expected vs actual share of time per value level as paired horizontal bars (vector, so it
 * prints sharp): expected in blue, actual in orange (Okabe-Ito, safe for colour-blind
 * readers), each bar labelled with its value so the colours are never the only cue, and the
 * gap in points in a column of its own.
 */
export function drawMixChart(canvas: PdfCanvas, mix: readonly MixLine[], expectedLabel: string): void {
  const height = mixChartHeight(mix.length);
  canvas.ensureSpace(height);
  const { doc } = canvas;
  const top = canvas.y;
  const plotLeft = canvas.left + LABEL_WIDTH;
  const plotWidth = canvas.width - LABEL_WIDTH - GAP_COLUMN - 26;
  const largest = Math.max(100, ...mix.flatMap((line) => [line.expectedPct, line.actualPct]));
  const scaleMax = Math.ceil(largest / 25) * 25;
  const xOf = (pct: number) => plotLeft + (Math.max(0, pct) / scaleMax) * plotWidth;

  // Legend.
  const legendStyle = { size: 8, color: COLOR.ink };
  let legendX = plotLeft;
  for (const [color, text] of [
    [COLOR.expected, expectedLabel],
    [COLOR.actual, 'Actual (share of time)'],
  ] as const) {
    doc
      .save()
      .rect(legendX, top + 1, 9, 7)
      .fill(color)
      .restore();
    canvas.label(text, legendX + 13, top, legendStyle);
    canvas.style(legendStyle);
    legendX += 13 + canvas.widthOf(text, legendStyle) + 16;
  }
  canvas.labelRight('Gap', canvas.left + canvas.width, top, { size: 8, color: COLOR.muted, font: FONT.bold });

  const plotTop = top + LEGEND_HEIGHT;
  const plotBottom = plotTop + mix.length * (2 * BAR + BAR_GAP + ROW_GAP) - ROW_GAP + 4;
  // Grid and axis.
  for (let tick = 0; tick <= scaleMax; tick += 25) {
    const x = xOf(tick);
    doc
      .save()
      .moveTo(x, plotTop - 3)
      .lineTo(x, plotBottom)
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .strokeColor(tick === 0 ? COLOR.faint : COLOR.hairline)
      .stroke()
      .restore();
    const text = `${tick}%`;
    canvas.style({ size: 7 });
    canvas.label(text, x - canvas.widthOf(text, { size: 7 }) / 2, plotBottom + 3, { size: 7, color: COLOR.muted });
  }

  mix.forEach((line, i) => {
    const rowTop = plotTop + i * (2 * BAR + BAR_GAP + ROW_GAP);
    canvas.label(line.label, canvas.left, rowTop + BAR - 3, { size: 9, font: FONT.bold });
    bar(canvas, xOf, rowTop, line.expectedPct, COLOR.expected);
    bar(canvas, xOf, rowTop + BAR + BAR_GAP, line.actualPct, COLOR.actual);
    const gap = line.gapPoints;
    const gapText = gap === 0 ? '0' : `${gap > 0 ? '+' : '-'}${Math.round(Math.abs(gap) * 10) / 10} pts`;
    const big = Math.abs(gap) >= 10;
    canvas.labelRight(gapText, canvas.left + canvas.width, rowTop + BAR - 3, {
      size: 9,
      font: big ? FONT.bold : FONT.regular,
      color: big ? COLOR.ink : COLOR.muted,
    });
  });
  canvas.y = top + height;
}

function bar(canvas: PdfCanvas, xOf: (pct: number) => number, y: number, pct: number, color: string): void {
  const x0 = xOf(0);
  const width = Math.max(0, xOf(pct) - x0);
  if (width > 0) canvas.doc.save().rect(x0, y, width, BAR).fill(color).restore();
  canvas.label(formatPct(pct), x0 + width + 3, y + 0.5, { size: 7, color: COLOR.ink });
}

export interface BarItem {
  label: string;
  value: number;
  /** Text after the bar instead of the bare value. */
  valueText?: string;
  color?: string;
}

const BAR_ROW = 16;

export function barChartHeight(items: number): number {
  return items * BAR_ROW + 6;
}

/** A single-series horizontal bar chart with labelled values (findings per kind, spans…). */
export function drawBarChart(canvas: PdfCanvas, items: readonly BarItem[], options: { labelWidth?: number } = {}): void {
  const labelWidth = options.labelWidth ?? 130;
  const rowHeight = BAR_ROW;
  const height = barChartHeight(items.length);
  canvas.ensureSpace(height);
  const top = canvas.y;
  const plotLeft = canvas.left + labelWidth;
  const plotWidth = canvas.width - labelWidth - 90;
  const largest = Math.max(1, ...items.map((item) => item.value));
  items.forEach((item, i) => {
    const y = top + i * rowHeight;
    canvas.label(canvas.fitLine(item.label, labelWidth - 8, { size: 9 }), canvas.left, y + 2, { size: 9 });
    const width = (item.value / largest) * plotWidth;
    if (width > 0)
      canvas.doc
        .save()
        .rect(plotLeft, y + 1, width, 10)
        .fill(item.color ?? COLOR.expected)
        .restore();
    canvas.label(item.valueText ?? String(item.value), plotLeft + width + 4, y + 2, { size: 8.5, color: COLOR.ink });
  });
  canvas.doc
    .save()
    .moveTo(plotLeft, top - 2)
    .lineTo(plotLeft, top + items.length * rowHeight)
    .lineWidth(0.8)
    .strokeColor(COLOR.faint)
    .stroke()
    .restore();
  canvas.y = top + height;
}
