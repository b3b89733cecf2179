import { Writable } from 'node:stream';
import { buildRoleDefinitions } from './model/build-role-definitions';
import { readPdf } from './testing/read-pdf';
import { collect, demoInputs } from './testing/report-fixtures';
import { REPORT_FORMATS, writeReport, type ReportFormat } from './write-report';

/** A writable that takes tiny pieces and acknowledges each one later, like a slow client. */
function slowSink(): { out: Writable; bytes: () => Buffer; maxBuffered: () => number } {
  const chunks: Buffer[] = [];
  let maxBuffered = 0;
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      setImmediate(callback);
    },
  });
  const originalWrite = out.write.bind(out);
  out.write = ((chunk: unknown, ...rest: unknown[]) => {
    const result = (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    maxBuffered = Math.max(maxBuffered, out.writableLength);
    return result;
  }) as typeof out.write;
  return { out, bytes: () => Buffer.concat(chunks), maxBuffered: () => maxBuffered };
}

describe('writeReport', () => {
  const demo = demoInputs();
  const report = buildRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, { department: 'Finance' });

  it.each(REPORT_FORMATS)(
    'writes %s to a slow stream completely and ends it',
    async (format: ReportFormat) => {
      const sink = slowSink();
      let finished = false;
      sink.out.on('finish', () => (finished = true));
      await writeReport(report, format, sink.out);
      expect(finished).toBe(true);
      const bytes = sink.bytes();
      const magic: Record<ReportFormat, string> = {
        pdf: '%PDF-',
        xlsx: 'PK',
        csv: '\uFEFFEmployee ID',
        md: '# Role definitions',
      };
      expect(bytes.toString(format === 'xlsx' || format === 'pdf' ? 'latin1' : 'utf8').startsWith(magic[format])).toBe(true);
      if (format === 'pdf') expect((await readPdf(bytes)).text).toContain('Finance department');
    },
    30_000,
  );

  it('gives the same bytes for the same input (no clock in the output)', async () => {
    for (const format of ['pdf', 'md'] as const) {
      const first = collect();
      const second = collect();
      await writeReport(report, format, first.out);
      await writeReport(report, format, second.out);
      expect((await first.done).equals(await second.done)).toBe(true);
    }
  });

  it('rejects an unknown format', async () => {
    await expect(writeReport(report, 'docx' as ReportFormat, collect().out)).rejects.toThrow(
      'Unknown report format "docx"; use one of pdf, xlsx, csv, md.',
    );
  });
});
