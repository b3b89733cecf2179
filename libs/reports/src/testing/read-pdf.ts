import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PdfText {
  /** Text of each page, first page first. */
  pages: string[];
  text: string;
  total: number;
  title: string | null;
}

// pdf-parse (pdf.js) loads its worker with a dynamic import, which jest's module system cannot
// run; a plain Node child process reads the file exactly as any other tool would.
const READER = `
const { PDFParse } = require('pdf-parse');
const fs = require('node:fs');
(async () => {
  const parser = new PDFParse({ data: fs.readFileSync(process.argv[1]) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({
    pages: text.pages.map((page) => page.text),
    text: text.text,
    total: text.total,
    title: (info.info && info.info.Title) || null,
  }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** Reads a PDF with pdf-parse, an independent reader, and returns its text per page. */
export async function readPdf(pdf: Buffer): Promise<PdfText> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolemap-pdf-'));
  const file = path.join(dir, 'report.pdf');
  try {
    await writeFile(file, pdf);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', READER, file],
        { cwd: path.resolve(__dirname, '../../../..'), maxBuffer: 256 * 1024 * 1024 },
        (error, out, err) => (error ? reject(new Error(`pdf-parse failed: ${err || error.message}`)) : resolve(out)),
      );
    });
    return JSON.parse(stdout) as PdfText;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
