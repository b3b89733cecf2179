import PDFDocument from 'pdfkit';
import { layOutWordsFaster, registerReportFonts } from './pdf-fonts';
import { PdfByteWriter } from './pdf-output';
import { FONT } from './pdf-theme';

type Doc = InstanceType<typeof PDFDocument>;

const WORDS = ['Write code', 'for the payments service', 'Łukasiewicz · Σωκράτης', '100%', '  spaced  ', 'A\tB'];

/** The same pages as pdfkit alone writes them, or through PdfByteWriter (and the faster word layout). */
async function render(mode: 'pdfkit' | 'on-thread' | 'off-thread', compress = true): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    compress,
    info: { CreationDate: new Date('2026-11-01T00:00:00Z') },
  });
  registerReportFonts(doc);
  const writer = mode === 'pdfkit' ? null : new PdfByteWriter(doc as never, { compressOffThread: mode === 'off-thread' });
  if (mode !== 'pdfkit') layOutWordsFaster(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (let page = 0; page < 30; page++) {
    doc.addPage({ size: 'A4' });
    doc.addNamedDestination(`page-${page}`);
    doc.outline.addItem(`Page ${page}`);
    for (let line = 0; line < 12; line++) {
      const text = `${WORDS[(page + line) % WORDS.length]} ${page}.${line} ${WORDS[line % WORDS.length]}`;
      doc
        .font(line % 3 === 0 ? FONT.bold : FONT.regular)
        .fontSize(9 + (line % 3))
        .fillColor(line % 2 ? '#333333' : '#1f5fa8', line % 4 === 0 ? 0.5 : 1);
      doc.text(text, 50, 60 + line * 40, { width: 150 + page * 3, lineGap: 1.5 });
    }
    // Objects written while the page is being drawn (a link annotation): they keep their place.
    doc.goTo(50, 700, 100, 12, `page-${(page + 1) % 30}`);
    doc.rect(50, 720, 100, 10).fill('#eeeeee');
    if (writer && page % 4 === 3) await writer.settle();
  }
  await writer?.finish();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('PdfByteWriter', () => {
  it('writes the file pdfkit writes, byte for byte, compressing on the drawing thread or off it', async () => {
    const expected = await render('pdfkit');
    expect((await render('on-thread')).equals(expected)).toBe(true);
    expect((await render('off-thread')).equals(expected)).toBe(true);
  });

  it('writes the same uncompressed file', async () => {
    const expected = await render('pdfkit', false);
    expect((await render('on-thread', false)).equals(expected)).toBe(true);
  });
});
