import type { PdfCanvas, TextStyle } from './pdf-canvas';
import { COLOR, CONTENT_BOTTOM, FONT, PAGE } from './pdf-theme';

export interface PdfColumn {
  header: string;
  /** Share of the table width; shares are scaled to add up to the whole width. */
  share: number;
  align?: 'left' | 'right';
}

/** A cell: plain text, or a main line with a smaller second line under it. */
export type PdfCell = string | { text: string; detail?: string; bold?: boolean; color?: string };

/** A full-width row that heads the rows after it (e.g. one value level); kept with the next row. */
export interface PdfGroupRow {
  group: string;
}

export type PdfRow = PdfCell[] | PdfGroupRow;

export interface PdfTableOptions {
  fontSize?: number;
  /** Shaded every other row, for wide tables that are read across. */
  zebra?: boolean;
  /** Starts the table on a new page unless it fits whole (when it fits on a page at all). */
  keepTogether?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3.5;
const FULL_PAGE = CONTENT_BOTTOM - PAGE.marginTop;

const headerStyleOf = (size: number): TextStyle => ({ font: FONT.bold, size: size - 0.5, color: COLOR.accent, lineGap: 1 });
const groupStyleOf = (size: number): TextStyle => ({ font: FONT.bold, size, color: COLOR.ink, lineGap: 1 });

/**
 * Column widths from the shares, widened where needed so the longest word of every header fits
 * on its line ("Share" never prints as "Sha-re"): the room comes from the columns that have more
 * than their own longest header word needs, in proportion to what they can spare.
 */
export function columnWidths(canvas: PdfCanvas, columns: readonly PdfColumn[], size = 9): number[] {
  const totalShare = columns.reduce((sum, column) => sum + column.share, 0);
  const widths = columns.map((column) => (column.share / totalShare) * canvas.width);
  canvas.style(headerStyleOf(size));
  const minimum = columns.map((column) => {
    const words = column.header.split(/\s+/).filter(Boolean);
    // A little slack over the measured word: line breaking rounds, and bold glyphs differ a hair.
    return words.length === 0 ? 2 * PAD_X : Math.max(...words.map((word) => canvas.doc.widthOfString(word))) + 2 * PAD_X + 1;
  });
  const missing = widths.reduce((sum, width, i) => sum + Math.max(0, minimum[i] - width), 0);
  if (missing <= 0) return widths;
  const spare = widths.map((width, i) => Math.max(0, width - minimum[i]));
  const totalSpare = spare.reduce((sum, value) => sum + value, 0);
  if (totalSpare < missing) return widths; // Too many columns for the page: nothing sensible to give.
  return widths.map((width, i) => (width < minimum[i] ? minimum[i] : width - (spare[i] / totalSpare) * missing));
}

function headerHeightOf(canvas: PdfCanvas, columns: readonly PdfColumn[], widths: readonly number[], size: number): number {
  const style = headerStyleOf(size);
  return Math.max(...columns.map((column, i) => canvas.measure(column.header, widths[i] - 2 * PAD_X, style))) + 2 * PAD_Y;
}

function rowHeight(canvas: PdfCanvas, row: PdfRow, widths: readonly number[], size: number): number {
  if (!Array.isArray(row)) return canvas.measure(row.group, canvas.width - 2 * PAD_X, groupStyleOf(size)) + 2 * PAD_Y + 3;
  let height = 0;
  row.forEach((cell, i) => {
    const width = widths[i] - 2 * PAD_X;
    const { text, detail, bold } = normalise(cell);
    let cellHeight = canvas.measure(text, width, { font: bold ? FONT.bold : FONT.regular, size, lineGap: 1 });
    if (detail) cellHeight += 1 + canvas.measure(detail, width, { size: size - 1.5, lineGap: 1 });
    height = Math.max(height, cellHeight);
  });
  return height + 2 * PAD_Y;
}

/** The height drawTable takes on one page (header, rows and the space after), to keep a section together. */
export function tableHeight(
  canvas: PdfCanvas,
  columns: readonly PdfColumn[],
  rows: readonly PdfRow[],
  options: PdfTableOptions = {},
): number {
  const size = options.fontSize ?? 9;
  const widths = columnWidths(canvas, columns, size);
  return (
    headerHeightOf(canvas, columns, widths, size) + rows.reduce((sum, row) => sum + rowHeight(canvas, row, widths, size), 0) + 8
  );
}

/**
 * A table across the content width whose cells wrap. Each row is measured before it is drawn:
 * a row that does not fit goes to the next page whole, and the header row is repeated there,
 * so a table can run over many pages without a row split in half. A row taller than a whole
 * page (pathological text) is cut with an ellipsis rather than overflowing the footer.
 */
export function drawTable(
  canvas: PdfCanvas,
  columns: readonly PdfColumn[],
  rows: readonly PdfRow[],
  options: PdfTableOptions = {},
): void {
  const size = options.fontSize ?? 9;
  const widths = columnWidths(canvas, columns, size);
  const xs: number[] = [];
  widths.reduce((x, width) => (xs.push(x), x + width), canvas.left);

  const headerStyle = headerStyleOf(size);
  const headerHeight = headerHeightOf(canvas, columns, widths, size);

  const drawHeader = () => {
    const y = canvas.y;
    canvas.doc.save().rect(canvas.left, y, canvas.width, headerHeight).fill(COLOR.accentTint).restore();
    columns.forEach((column, i) => {
      canvas.textAt(column.header, xs[i] + PAD_X, y + PAD_Y, widths[i] - 2 * PAD_X, {
        ...headerStyle,
        align: column.align ?? 'left',
      });
    });
    canvas.y = y + headerHeight;
  };

  const measureRow = (row: PdfRow): number => rowHeight(canvas, row, widths, size);

  // The header must not sit alone at the bottom of a page; a short table stays whole.
  const firstRowHeight = rows.length > 0 ? measureRow(rows[0]) : 0;
  const secondRowHeight = rows.length > 1 && !Array.isArray(rows[0]) ? measureRow(rows[1]) : 0;
  const whole = options.keepTogether ? tableHeight(canvas, columns, rows, options) : 0;
  canvas.ensureSpace(whole > 0 && whole <= FULL_PAGE ? whole : headerHeight + Math.min(firstRowHeight + secondRowHeight, 140));
  drawHeader();

  const groupStyle = groupStyleOf(size);
  const fullPage = FULL_PAGE - headerHeight;
  let stripe = 0;
  rows.forEach((row, rowIndex) => {
    const height = Math.min(rowIndex === 0 ? firstRowHeight : measureRow(row), fullPage);
    const next = rows[rowIndex + 1];
    // A group row needs its first member row on the same page.
    const keepWith = !Array.isArray(row) && next ? Math.min(measureRow(next), 80) : 0;
    if (canvas.y + height + keepWith > CONTENT_BOTTOM) {
      canvas.addPage();
      drawHeader();
    }
    const y = canvas.y;
    if (!Array.isArray(row)) {
      canvas.textAt(row.group, canvas.left + PAD_X, y + PAD_Y + 3, canvas.width - 2 * PAD_X, groupStyle, height - 2 * PAD_Y);
      canvas.rule(y + height, COLOR.rule, 0.7);
      canvas.y = y + height;
      stripe = 0;
      return;
    }
    stripe++;
    if (options.zebra && stripe % 2 === 0)
      canvas.doc.save().rect(canvas.left, y, canvas.width, height).fill(COLOR.zebra).restore();
    row.forEach((cell, i) => {
      const { text, detail, bold, color } = normalise(cell);
      const width = widths[i] - 2 * PAD_X;
      const align = columns[i]?.align ?? 'left';
      const style: TextStyle = { font: bold ? FONT.bold : FONT.regular, size, color: color ?? COLOR.ink, lineGap: 1, align };
      const used = canvas.textAt(text, xs[i] + PAD_X, y + PAD_Y, width, style, height - 2 * PAD_Y);
      if (detail && used < height - 2 * PAD_Y) {
        canvas.textAt(
          detail,
          xs[i] + PAD_X,
          y + PAD_Y + used + 1,
          width,
          { size: size - 1.5, color: COLOR.muted, lineGap: 1, align },
          height - 2 * PAD_Y - used - 1,
        );
      }
    });
    canvas.rule(y + height, COLOR.hairline, 0.5);
    canvas.y = y + height;
  });
  canvas.y += 8;
}

function normalise(cell: PdfCell): { text: string; detail?: string; bold?: boolean; color?: string } {
  return typeof cell === 'string' ? { text: cell } : cell;
}
