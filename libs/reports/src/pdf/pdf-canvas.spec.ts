import PDFDocument from 'pdfkit';
import { MeasureCache, PdfCanvas, type TextStyle } from './pdf-canvas';
import { registerReportFonts } from './pdf-fonts';
import { pdfSafe } from './pdf-text';
import { FONT } from './pdf-theme';

type Doc = InstanceType<typeof PDFDocument>;

/** An uncompressed document whose page content since the last call of `drawn` can be read back. */
function newDoc(): { doc: Doc; canvas: PdfCanvas; drawn: () => string } {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  registerReportFonts(doc);
  doc.on('data', () => undefined);
  const canvas = new PdfCanvas(doc, { runningTitle: 'Title', footerText: 'Footer', totalPages: 1 });
  canvas.addPage();
  const page = (doc as unknown as { page: { content: { buffer: Buffer[] } } }).page;
  let start = page.content.buffer.length;
  const drawn = () => {
    const text = Buffer.concat(page.content.buffer.slice(start)).toString('latin1');
    start = page.content.buffer.length;
    // Setting the same fill colour again changes nothing on the page.
    return text.replace(/\/DeviceRGB cs\n[^\n]* scn\n/g, '');
  };
  return { doc, canvas, drawn };
}

const TEXTS = [
  'Write code for the payments service',
  'Lee, Sam',
  '100%',
  '  leading and trailing spaces  ',
  'Łukasiewicz · Σωκράτης · Достоевский',
  'A much longer responsibility that will certainly need two or more lines in a narrow table column',
  'line one\nline two',
  'Unbreakableverylongwordthatdoesnotfitanywhere',
  'CJK 中文 falls back',
];
const WIDTHS = [40, 90.5, 160, 480];
const STYLES: TextStyle[] = [
  {},
  { font: FONT.bold, size: 9, lineGap: 1 },
  { size: 8, lineGap: 0 },
  { size: 7.5, align: 'right' },
];

describe('PdfCanvas', () => {
  it('measures each text as high as pdfkit lays it out, single lines included', () => {
    const { doc, canvas } = newDoc();
    for (const text of TEXTS)
      for (const width of WIDTHS)
        for (const style of STYLES) {
          canvas.style(style);
          const expected = doc.heightOfString(pdfSafe(text), { width, lineGap: style.lineGap ?? 1.5 });
          expect([text, width, style, canvas.measure(text, width, style)]).toEqual([text, width, style, expected]);
        }
  });

  it('sets text exactly as pdfkit’s line wrapper does, single lines included', () => {
    const fast = newDoc();
    const wrapped = newDoc();
    for (const text of TEXTS)
      for (const width of WIDTHS)
        for (const style of STYLES) {
          fast.canvas.textAt(text, 50, 100, width, style);
          wrapped.canvas.style(style);
          wrapped.doc.text(pdfSafe(text), 50, 100, {
            width,
            align: style.align ?? 'left',
            lineGap: style.lineGap ?? 1.5,
            height: Math.max(wrapped.canvas.measure(text, width, style), 1),
            ellipsis: true,
          });
          expect([text, width, style, fast.drawn()]).toEqual([text, width, style, wrapped.drawn()]);
          expect([fast.doc.x, fast.doc.y]).toEqual([50, 100]);
        }
  });

  it('hands the final pass the heights the layout pass measured, in order, and measures what does not match', () => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false });
    registerReportFonts(doc);
    doc.addPage();
    const measures = new MeasureCache();
    const layout = new PdfCanvas(doc, { runningTitle: 'T', footerText: 'F', totalPages: null, layoutOnly: true }, measures);
    const heights = TEXTS.map((text) => layout.measure(text, 90.5));
    measures.startReplay();
    const final = new PdfCanvas(doc, { runningTitle: 'T', footerText: 'F', totalPages: 1 }, measures);
    const lookUp = jest.spyOn(measures, 'get');
    expect(TEXTS.map((text) => final.measure(text, 90.5))).toEqual(heights);
    expect(lookUp).not.toHaveBeenCalled();
    // Off the recorded sequence (another width): measured, and the same as a fresh measurement.
    expect(final.measure(TEXTS[5], 40)).toBe(
      new PdfCanvas(doc, { runningTitle: 'T', footerText: 'F', totalPages: 1 }).measure(TEXTS[5], 40),
    );
  });

  it('hands the final pass only the heights of the layout kept after a rewind', () => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false });
    registerReportFonts(doc);
    doc.on('data', () => undefined);
    const measures = new MeasureCache();
    const layout = new PdfCanvas(doc, { runningTitle: 'T', footerText: 'F', totalPages: null, layoutOnly: true }, measures);
    layout.addPage();
    const before = layout.measure(TEXTS[0], 160);
    const mark = layout.mark();
    // A layout tried and dropped: other texts, other widths.
    for (const text of TEXTS) layout.measure(text, 40);
    layout.rewind(mark);
    const after = TEXTS.slice(4).map((text) => layout.measure(text, 480));
    measures.startReplay();
    const final = new PdfCanvas(doc, { runningTitle: 'T', footerText: 'F', totalPages: 1 }, measures);
    const lookUp = jest.spyOn(measures, 'get');
    expect(final.measure(TEXTS[0], 160)).toBe(before);
    expect(TEXTS.slice(4).map((text) => final.measure(text, 480))).toEqual(after);
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('lets go of a page’s content, resources and links once pdfkit has written it', () => {
    const { doc, canvas } = newDoc();
    canvas.textAt('A line', 50, 100, 200);
    doc.link(50, 100, 100, 12, 'https://example.com/');
    const first = (doc as unknown as { page: { dictionary: { data: Record<string, unknown> } } }).page.dictionary;
    expect(Object.keys(first.data)).toEqual(expect.arrayContaining(['Contents', 'Resources', 'Annots', 'MediaBox']));
    canvas.addPage();
    expect(Object.keys(first.data)).toEqual(['MediaBox']);
    // The page tree, the outline and named destinations still point at it.
    doc.addNamedDestination('second');
    doc.outline.addItem('First', { pageNumber: 0 } as never);
    doc.end();
  });

  it('cuts a text that does not fit its height with an ellipsis, as before', () => {
    const { canvas, drawn } = newDoc();
    drawn();
    const used = canvas.textAt(TEXTS[5], 50, 100, 60, {}, 14);
    expect(used).toBe(14);
    // One line of the text's start, then the ellipsis.
    expect(drawn().match(/TJ/g)?.length).toBe(1);
  });
});
