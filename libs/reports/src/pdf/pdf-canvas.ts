import type PDFDocument from 'pdfkit';
import { pdfSafe } from './pdf-text';
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, PAGE } from './pdf-theme';

type Doc = InstanceType<typeof PDFDocument>;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center' | 'justify';
  lineGap?: number;
}

export interface CanvasMark {
  pageNumber: number;
  y: number;
  section: string;
  /** Heights recorded for the final pass up to here. */
  measured: number;
}

/**
 * Every height the layout pass measured, in order, with what it was measured for: the final pass
 * runs the same code on the same report and asks for the same heights in the same order, so it
 * reads them back here instead of measuring again. About 170 measurements a role, kept from the
 * first role until the final pass reaches the last, so they are kept small: heights and widths
 * take few distinct values (line heights, column widths), each stored as a 16-bit index into a
 * table of them, with the text's length (modulo 2^16) as a check: 6 bytes a measurement, in
 * chunks the final pass lets go of as it reads them.
 */
class MeasureTape {
  private static readonly CHUNK = 16_384;
  /** An index for a value the table has no room for: read back as "not recorded". */
  private static readonly UNKNOWN = 0xffff;
  private readonly values: number[] = [];
  private readonly indexOf = new Map<number, number>();
  private readonly heights: Array<Uint16Array | null> = [];
  private readonly widths: Array<Uint16Array | null> = [];
  private readonly lengths: Array<Uint16Array | null> = [];
  private recorded = 0;
  private replayAt = -1;

  get length(): number {
    return this.recorded;
  }

  record(height: number, width: number, textLength: number): void {
    const chunk = Math.floor(this.recorded / MeasureTape.CHUNK);
    const at = this.recorded % MeasureTape.CHUNK;
    if (chunk === this.heights.length) {
      this.heights.push(new Uint16Array(MeasureTape.CHUNK));
      this.widths.push(new Uint16Array(MeasureTape.CHUNK));
      this.lengths.push(new Uint16Array(MeasureTape.CHUNK));
    }
    (this.heights[chunk] as Uint16Array)[at] = this.index(height);
    (this.widths[chunk] as Uint16Array)[at] = this.index(width);
    (this.lengths[chunk] as Uint16Array)[at] = textLength;
    this.recorded++;
  }

  /** Forgets what was recorded after the first `length` measurements (a layout tried and dropped). */
  truncate(length: number): void {
    this.recorded = Math.min(this.recorded, length);
    const chunks = Math.ceil(this.recorded / MeasureTape.CHUNK);
    this.heights.length = this.widths.length = this.lengths.length = chunks;
  }

  startReplay(): void {
    this.replayAt = 0;
  }

  /** The next recorded height if it was measured for this width and a text of this length; else undefined. */
  next(width: number, textLength: number): number | undefined {
    if (this.replayAt < 0 || this.replayAt >= this.recorded) return undefined;
    const chunk = Math.floor(this.replayAt / MeasureTape.CHUNK);
    const at = this.replayAt % MeasureTape.CHUNK;
    this.replayAt++;
    const height = (this.heights[chunk] as Uint16Array)[at];
    const matches =
      height !== MeasureTape.UNKNOWN &&
      this.values[(this.widths[chunk] as Uint16Array)[at]] === width &&
      (this.lengths[chunk] as Uint16Array)[at] === (textLength & 0xffff);
    if (at === MeasureTape.CHUNK - 1) this.heights[chunk] = this.widths[chunk] = this.lengths[chunk] = null;
    return matches ? this.values[height] : undefined;
  }

  private index(value: number): number {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      if (this.values.length === MeasureTape.UNKNOWN) return MeasureTape.UNKNOWN;
      index = this.values.push(value) - 1;
      this.indexOf.set(value, index);
    }
    return index;
  }
}

/**
 * Text measurements shared by both passes, which measure the same texts: heights by font, size,
 * width and text; widths of single lines; lines fitted into a width. Each map is bounded: role
 * after role brings new texts, and dropping everything now and then costs only a re-measure.
 * The heights of the layout pass are also kept in order, for the final pass (MeasureTape).
 */
export class MeasureCache {
  private readonly heights = new Map<string, number>();
  private readonly widths = new Map<string, number>();
  private readonly fitted = new Map<string, string>();
  private static readonly LIMIT = 20_000;
  private readonly tape = new MeasureTape();

  get(key: string): number | undefined {
    return this.heights.get(key);
  }

  set(key: string, height: number): void {
    MeasureCache.put(this.heights, key, height);
  }

  /** Layout pass: keeps a measured height for the final pass. */
  record(height: number, width: number, text: string): void {
    this.tape.record(height, width, text.length);
  }

  /** Layout pass: how many heights are recorded so far (see forgetAfter). */
  get recorded(): number {
    return this.tape.length;
  }

  /**
   * Layout pass: drops the heights recorded after the first `count`, measured for a layout that
   * was rewound; the final pass draws only the layout kept, and must read only its heights.
   */
  forgetAfter(count: number): void {
    this.tape.truncate(count);
  }

  /** Final pass: starts reading the recorded heights from the first. */
  startReplay(): void {
    this.tape.startReplay();
  }

  /** The next recorded height if it was measured for this width and a text of this length; else undefined. */
  replayed(width: number, text: string): number | undefined {
    return this.tape.next(width, text.length);
  }

  width(key: string, measure: () => number): number {
    let width = this.widths.get(key);
    if (width === undefined) {
      width = measure();
      MeasureCache.put(this.widths, key, width);
    }
    return width;
  }

  fittedLine(key: string, fit: () => string): string {
    let line = this.fitted.get(key);
    if (line === undefined) {
      line = fit();
      MeasureCache.put(this.fitted, key, line);
    }
    return line;
  }

  private static put<T>(map: Map<string, T>, key: string, value: T): void {
    if (map.size >= MeasureCache.LIMIT) map.clear();
    map.set(key, value);
  }
}

/**
 * Options for a line set without the wrapper. The line's width, which pdfkit would measure again
 * (only to place links and underlines), is passed in as the wrapper passes it; the word count
 * only multiplies word spacing, which is zero here.
 */
function oneLine(textWidth: number): PDFKit.Mixins.TextOptions {
  return { lineBreak: false, textWidth, wordCount: 1 } as PDFKit.Mixins.TextOptions;
}

/** The parts of a pdfkit page that releaseWrittenPage touches. */
interface PageObjects {
  dictionary: { data: Record<string, unknown>; offset?: number };
}

/**
 * Once pdfkit has written a page out, its page dictionary stays in the page tree until the end
 * of the document, holding the page's content stream, resources and link annotations: about
 * 1.6 KB a page, 18 MB for a 10,000-role report. What the page tree, the outline and the named
 * destinations still write is the dictionary's object number, so everything else is let go;
 * the media box stays, as pdfkit reads it for an outline entry that names its page.
 */
function releaseWrittenPage(page: PageObjects): void {
  const { dictionary } = page;
  if (dictionary.offset === undefined) return; // not written yet (a buffered document)
  dictionary.data = { MediaBox: dictionary.data.MediaBox };
}

/** Characters after which a line must break (Unicode classes BK, LF, NL; pdfSafe drops CR, VT and FF). */
const LINE_BREAKS = /[\n\u0085\u2028\u2029]/;
/** Points a single line must stay narrower than its box by to skip the line wrapper. */
const SINGLE_LINE_MARGIN = 0.01;

export interface CanvasFrame {
  /** Left of the running header: organization and report. */
  runningTitle: string;
  /** Left of the footer: adds the snapshot. */
  footerText: string;
  /** Total pages, known from the layout pass; null while laying out. */
  totalPages: number | null;
  /**
   * The layout pass: text is measured (and the measurements kept for the final pass) but not
   * set. Setting text (shaping every word, encoding the glyphs) is most of what drawing costs,
   * and nothing of the throw-away document is read except where the pages break.
   */
  layoutOnly?: boolean;
}

/**
 * Page handling over a pdfkit document. pdfkit never breaks a page on its own here: every
 * block is measured first and moved to a new page if it does not fit, so headings stay with
 * their content, table rows are never cut, and header and footer are drawn exactly once per
 * page. That also makes page numbers predictable, which the two-pass layout relies on.
 */
export class PdfCanvas {
  pageNumber = 0;
  /** Shown at the right of the running header: the role or section being read. */
  section = '';
  private decorate = true;

  constructor(
    readonly doc: Doc,
    private readonly frame: CanvasFrame,
    private readonly cache: MeasureCache = new MeasureCache(),
  ) {}

  get layoutOnly(): boolean {
    return this.frame.layoutOnly === true;
  }

  /** Where the flow stands, to lay the next block out again another way (see rewind). */
  mark(): CanvasMark {
    return { pageNumber: this.pageNumber, y: this.doc.y, section: this.section, measured: this.cache.recorded };
  }

  /**
   * Back to a mark, in the layout pass only: the pages drawn since stay in the throw-away
   * document, but numbering and flow continue from the mark as if they had never been drawn,
   * and the heights measured since are not handed to the final pass.
   */
  rewind(mark: CanvasMark): void {
    if (!this.frame.layoutOnly) throw new Error('Only the layout pass can rewind');
    this.pageNumber = mark.pageNumber;
    this.doc.y = mark.y;
    this.section = mark.section;
    this.cache.forgetAfter(mark.measured);
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  get left(): number {
    return PAGE.marginLeft;
  }

  get width(): number {
    return CONTENT_WIDTH;
  }

  /** Space left above the footer. */
  get remaining(): number {
    return CONTENT_BOTTOM - this.doc.y;
  }

  /** A page without running header (the cover); the footer still numbers it. */
  addCoverPage(): void {
    this.decorate = false;
    this.addPage();
    this.decorate = true;
  }

  addPage(): void {
    const previous = (this.doc as unknown as { page?: PageObjects | null }).page;
    this.doc.addPage({
      size: PAGE.size,
      margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight },
    });
    if (previous) releaseWrittenPage(previous);
    this.pageNumber++;
    this.drawFooter();
    if (this.decorate) this.drawRunningHeader();
    this.doc.x = PAGE.marginLeft;
    this.doc.y = PAGE.marginTop;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > CONTENT_BOTTOM) this.addPage();
  }

  moveDown(points: number): void {
    this.doc.y += points;
  }

  style(style: TextStyle = {}): Doc {
    return this.doc
      .font(style.font ?? FONT.regular)
      .fontSize(style.size ?? 10)
      .fillColor(style.color ?? COLOR.ink);
  }

  measure(text: string, width: number, style: TextStyle = {}): number {
    if (!this.frame.layoutOnly) {
      const replayed = this.cache.replayed(width, text);
      if (replayed !== undefined) return replayed;
    }
    const lineGap = style.lineGap ?? 1.5;
    const key = `${style.font ?? FONT.regular}|${style.size ?? 10}|${width}|${lineGap}|${text}`;
    let height = this.cache.get(key);
    if (height === undefined) {
      this.style(style);
      const safe = pdfSafe(text);
      // What pdfkit's heightOfString gives a single line: its line height plus the gap.
      height = this.isSingleLine(text, safe, width, style)
        ? this.doc.currentLineHeight(true) + (lineGap || 0)
        : this.doc.heightOfString(safe, { width, lineGap });
      this.cache.set(key, height);
    }
    if (this.frame.layoutOnly) this.cache.record(height, width, text);
    return height;
  }

  /**
   * Draws text at (x, y) inside `width`, never past `maxHeight` (cut with an ellipsis if it
   * would be), and returns the height used. Does not move to another page.
   */
  textAt(text: string, x: number, y: number, width: number, style: TextStyle = {}, maxHeight = CONTENT_BOTTOM - y): number {
    const lineGap = style.lineGap ?? 1.5;
    const measured = this.measure(text, width, style);
    const height = Math.min(measured, maxHeight);
    if (this.frame.layoutOnly) {
      this.doc.x = x;
      return height;
    }
    const safe = pdfSafe(text);
    this.style(style);
    const align = style.align ?? 'left';
    if ((align === 'left' || align === 'right') && height === measured && this.isSingleLine(text, safe, width, style)) {
      // The line pdfkit's wrapper would emit, placed as it places it (a right-aligned line ends
      // at the right edge, trailing spaces left out), without running the wrapper.
      const lineWidth = (width * 100) / 100; // as pdfkit computes it (100% horizontal scaling)
      const left = align === 'right' ? x + (lineWidth - this.widthOf(safe.replace(/\s+$/, ''), style)) : x;
      this.doc.text(safe, left, y, oneLine(this.widthOf(text, style)));
      this.doc.x = x;
    } else {
      this.doc.text(safe, x, y, { width, align, lineGap, height: Math.max(height, 1), ellipsis: true });
    }
    // Positioned drawing: the flow position is the caller's business.
    this.doc.y = y;
    return height;
  }

  /**
   * Whether `text` (`safe` as the font shows it) sets as one line of `width`: no line break in
   * it, and narrower than the width by a small margin (pdfkit's wrapper adds the word widths in
   * another order). Most table cells and labels are; they skip pdfkit's line wrapper, whose
   * line-breaking pass and word-by-word measuring were most of what a long report cost.
   */
  private isSingleLine(text: string, safe: string, width: number, style: TextStyle): boolean {
    return /\S/.test(safe) && !LINE_BREAKS.test(safe) && this.widthOf(text, style) <= width - SINGLE_LINE_MARGIN;
  }

  /** A paragraph across the content width, kept whole on one page. */
  paragraph(text: string, style: TextStyle = {}, spaceAfter = 6, indent = 0): void {
    const width = this.width - indent;
    const height = this.measure(text, width, style);
    this.ensureSpace(Math.min(height, CONTENT_BOTTOM - PAGE.marginTop));
    const used = this.textAt(text, this.left + indent, this.doc.y, width, style);
    this.doc.y += used + spaceAfter;
    this.doc.x = this.left;
  }

  /** Section heading kept with at least `keepWith` points of what follows. */
  heading(text: string, level: 1 | 2 | 3, keepWith = 60): void {
    const size = level === 1 ? 20 : level === 2 ? 13 : 10.5;
    const before = level === 1 ? 0 : level === 2 ? 12 : 8;
    const style: TextStyle = { font: FONT.bold, size, color: level === 3 ? COLOR.ink : COLOR.accent, lineGap: 1 };
    const height = this.measure(text, this.width, style);
    if (this.doc.y > PAGE.marginTop + 1) this.doc.y += before;
    this.ensureSpace(height + keepWith);
    this.textAt(text, this.left, this.doc.y, this.width, style);
    this.doc.y += height + (level === 1 ? 4 : 3);
    if (level === 2) {
      this.rule(this.doc.y, COLOR.rule, 0.6);
      this.doc.y += 6;
    }
  }

  bullet(text: string, style: TextStyle = {}, spaceAfter = 4): void {
    const indent = 14;
    const height = this.measure(text, this.width - indent, style);
    this.ensureSpace(height);
    const y = this.doc.y;
    this.doc
      .save()
      .circle(this.left + 4, y + (style.size ?? 10) * 0.45, 1.8)
      .fill(style.color ?? COLOR.accent)
      .restore();
    const used = this.textAt(text, this.left + indent, y, this.width - indent, style);
    this.doc.y = y + used + spaceAfter;
  }

  /** Highlighted remark (caveats about the data) with an accent bar. */
  note(text: string): void {
    const pad = 6;
    const style: TextStyle = { size: 9, color: COLOR.ink };
    const height = this.measure(text, this.width - 2 * pad - 4, style) + 2 * pad;
    this.ensureSpace(height);
    const y = this.doc.y;
    this.doc.save().rect(this.left, y, this.width, height).fill(COLOR.noteFill).restore();
    this.doc.save().rect(this.left, y, 3, height).fill(COLOR.noteBar).restore();
    this.textAt(text, this.left + pad + 4, y + pad, this.width - 2 * pad - 4, style);
    this.doc.y = y + height + 6;
  }

  rule(y: number, color: string = COLOR.rule, width = 0.5, x = this.left, length = this.width): void {
    if (this.frame.layoutOnly) return;
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(x + length, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  /** Width of `text` on one line in `style`; measured once per text (the running header and footer repeat on every page). */
  widthOf(text: string, style: TextStyle = {}): number {
    const font = style.font ?? FONT.regular;
    const size = style.size ?? 10;
    return this.cache.width(`${font}|${size}|${text}`, () => {
      this.style(style);
      return this.doc.widthOfString(pdfSafe(text));
    });
  }

  /** Fits `text` on one line of `width`, cutting it with "…" when needed. */
  fitLine(text: string, width: number, style: TextStyle = {}): string {
    const key = `${style.font ?? FONT.regular}|${style.size ?? 10}|${width}|${text}`;
    return this.cache.fittedLine(key, () => {
      this.style(style);
      let safe = pdfSafe(text);
      if (this.doc.widthOfString(safe) <= width) return safe;
      while (safe.length > 1 && this.doc.widthOfString(`${safe}…`) > width)
        safe = safe.slice(0, Math.max(1, Math.floor(safe.length * 0.9)));
      while (safe.length < text.length && this.doc.widthOfString(`${pdfSafe(text).slice(0, safe.length + 1)}…`) <= width) {
        safe = pdfSafe(text).slice(0, safe.length + 1);
      }
      return `${safe.trimEnd()}…`;
    });
  }

  /** One line of text at an exact spot, outside the flow (headers, footers, chart labels). */
  label(text: string, x: number, y: number, style: TextStyle = {}): void {
    if (this.frame.layoutOnly) {
      this.doc.x = x;
      return;
    }
    const flowY = this.doc.y;
    this.style(style);
    this.doc.text(pdfSafe(text), x, y, { lineBreak: false });
    this.doc.y = flowY;
  }

  labelRight(text: string, right: number, y: number, style: TextStyle = {}): void {
    this.label(text, right - this.widthOf(text, style), y, style);
  }

  private drawRunningHeader(): void {
    // Nothing of the frame moves the flow: the layout pass, which only learns where pages break, skips it.
    if (this.frame.layoutOnly) return;
    const y = PAGE.marginTop - 30;
    const style: TextStyle = { size: 8, color: COLOR.muted };
    const right = PAGE.marginLeft + CONTENT_WIDTH;
    const sectionWidth = CONTENT_WIDTH * 0.5;
    this.label(this.fitLine(this.frame.runningTitle, CONTENT_WIDTH * 0.48, style), PAGE.marginLeft, y, style);
    if (this.section) this.labelRight(this.fitLine(this.section, sectionWidth, style), right, y, style);
    this.rule(y + 13, COLOR.rule, 0.5);
  }

  private drawFooter(): void {
    if (this.frame.layoutOnly) return;
    const y = PAGE.height - PAGE.marginBottom + 24;
    const style: TextStyle = { size: 8, color: COLOR.muted };
    const right = PAGE.marginLeft + CONTENT_WIDTH;
    this.rule(y - 8, COLOR.hairline, 0.5);
    this.label(this.fitLine(this.frame.footerText, CONTENT_WIDTH * 0.7, style), PAGE.marginLeft, y, style);
    this.labelRight(`Page ${this.pageNumber} of ${this.frame.totalPages ?? '?'}`, right, y, style);
  }
}
