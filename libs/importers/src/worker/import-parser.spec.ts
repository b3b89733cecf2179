import { csvWithOneWideRow, xlsxRepeatingSheet } from '../testing/hostile-files';
import { codes } from '../testing/upload';
import type { ImportProgress } from '../types';
import { ImportParser } from './import-parser';
import { type ParseFilesRequest, parseFiles } from './parse-files';

function peopleCsv(rows: number): Buffer {
  const lines = ['Employee ID,Name,Job Title,Manager ID,Department,Hire Date'];
  for (let index = 1; index <= rows; index++) {
    const manager = index === 1 ? '' : `E${Math.max(1, Math.floor(index / 6))}`;
    lines.push(
      `E${index},"Person ${index}, Jr.",Engineer,${manager},Dept ${index % 30},2020-02-${String((index % 28) + 1).padStart(2, '0')}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

function responsibilitiesCsv(people: number): Buffer {
  const lines = ['employee_id,responsibility,value_level,share'];
  for (let index = 1; index <= people; index++) {
    lines.push(`E${index},Build the thing,implementation,60`, `E${index},Plan the next quarter,leadership,30`);
  }
  return Buffer.from(lines.join('\n'));
}

describe('ImportParser (worker threads)', () => {
  const parser = new ImportParser({ maxThreads: 1 });
  afterAll(() => parser.close());

  it('gives exactly what reading on this thread gives, records, issues and progress included', async () => {
    const request: ParseFilesRequest = {
      people: { fileName: 'people.csv', data: peopleCsv(25_000) },
      responsibilities: { fileName: 'responsibilities.csv', data: responsibilitiesCsv(25_001) },
      peopleOptions: { asOf: '2026-01-01' },
    };
    const stages = new Set<string>();
    let last = null as ImportProgress | null;
    const inWorker = await parser.parse(request, (stage, progress) => {
      stages.add(stage);
      if (stage === 'responsibilities') last = progress;
    });
    const here = await parseFiles(request);
    expect(inWorker.people.records).toHaveLength(25_000);
    expect(inWorker.responsibilities?.records).toHaveLength(50_000);
    expect(inWorker).toEqual(here);
    expect(codes(inWorker.responsibilities!.errors)).toEqual(['UNKNOWN_EMPLOYEE', 'UNKNOWN_EMPLOYEE']);
    expect([...stages]).toEqual(['people', 'responsibilities']);
    const size = (request.responsibilities as { data: Buffer }).data.length;
    expect(last).toMatchObject({ bytesRead: size, totalBytes: size });
  }, 60_000);

  it('reports hostile files with the same clear errors', async () => {
    const wide = await parser.parse({
      people: { fileName: 'wide.csv', data: csvWithOneWideRow(1_000_000) },
      responsibilities: null,
    });
    expect(wide.people.errors).toEqual([expect.objectContaining({ file: 'wide.csv', row: 1, code: 'TOO_MANY_COLUMNS' })]);
    const bomb = await parser.parse({
      people: { fileName: 'people.csv', data: peopleCsv(10) },
      responsibilities: { fileName: 'bomb.xlsx', data: xlsxRepeatingSheet('<row/>'.repeat(200_000), 1_000) },
    });
    expect(bomb.people.errors).toEqual([]);
    expect(bomb.responsibilities?.errors).toEqual([expect.objectContaining({ file: 'bomb.xlsx', code: 'WORKBOOK_TOO_LARGE' })]);
  }, 30_000);

  it('stops a read past its deadline, names the file, and reads the next import normally', async () => {
    const hurried = new ImportParser({ timeoutMs: 3_000, maxThreads: 1 });
    try {
      // A warm worker first, so the deadline falls while reading (600k rows take far longer
      // than 3 s), not while a worker starts.
      await hurried.parse({ people: { fileName: 'people.csv', data: peopleCsv(10) }, responsibilities: null });
      const late = await hurried.parse({ people: { fileName: 'slow.csv', data: peopleCsv(600_000) }, responsibilities: null });
      expect(late.people.errors).toEqual([
        expect.objectContaining({
          file: 'slow.csv',
          code: 'READ_TIMEOUT',
          row: null,
          message: expect.stringContaining('slow.csv took longer than'),
        }),
      ]);
      expect(late.people.records).toEqual([]);
    } finally {
      await hurried.close();
    }
    const next = await parser.parse({ people: { fileName: 'people.csv', data: peopleCsv(100) }, responsibilities: null });
    expect(next.people.records).toHaveLength(100);
  }, 60_000);

  it('stops a read past its memory limit and names the file being read', async () => {
    // Enough to start a worker (compiling TypeScript, here), far too little for 800k rows.
    const frugal = new ImportParser({ maxMemoryMb: 96, maxThreads: 1 });
    try {
      const result = await frugal.parse({
        people: { fileName: 'people.csv', data: peopleCsv(100) },
        responsibilities: { fileName: 'responsibilities.csv', data: responsibilitiesCsv(400_000) },
      });
      expect(result.people.errors).toEqual([]);
      expect(result.responsibilities?.errors).toEqual([
        expect.objectContaining({ file: 'responsibilities.csv', code: 'READ_OUT_OF_MEMORY' }),
      ]);
      // The pool replaces the worker it lost.
      const after = await frugal.parse({ people: { fileName: 'people.csv', data: peopleCsv(100) }, responsibilities: null });
      expect(after.people.records).toHaveLength(100);
    } finally {
      await frugal.close();
    }
  }, 60_000);
});
