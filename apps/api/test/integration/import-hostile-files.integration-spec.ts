import { DataSource } from 'typeorm';
import { csvWithNul, csvWithOneWideRow, xlsxRepeatingSheet, xlsxWithValueInColumnXfd } from '@rolemap/importers/testing';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities) {
    ok snapshotVersion errors { file row column value message code }
  }
}`;

interface ImportResponse {
  result: {
    ok: boolean;
    snapshotVersion: number | null;
    errors: { file: string; row: number | null; column: string | null; value: string | null; message: string; code: string }[];
  };
}

const PEOPLE = 'employee_id,name,title,manager_id\nE1,Ada Root,Chief Executive Officer,\nE2,Grace Hopper,VP Engineering,E1\n';

/** Asks /api/health every 20 ms until `work` settles; returns the slowest answer, in ms. */
async function slowestHealthWhile(url: string, work: Promise<unknown>): Promise<{ slowestMs: number; answers: number }> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  let slowestMs = 0;
  let answers = 0;
  while (!done) {
    const start = performance.now();
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    await response.json();
    slowestMs = Math.max(slowestMs, performance.now() - start);
    answers++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { slowestMs, answers };
}

describe('hostile files through the upload (PostgreSQL)', () => {
  let api: TestApp;
  const hostile: { name: string; file: () => Promise<Buffer> | Buffer; as: 'people' | 'responsibilities'; code: string }[] = [
    { name: 'wide.csv', file: () => csvWithOneWideRow(1_000_000), as: 'people', code: 'TOO_MANY_COLUMNS' },
    { name: 'nul.csv', file: csvWithNul, as: 'people', code: 'NUL_CHARACTER' },
    { name: 'far.xlsx', file: () => xlsxWithValueInColumnXfd(), as: 'people', code: 'TOO_MANY_COLUMNS' },
    {
      name: 'bomb.xlsx',
      file: () => xlsxRepeatingSheet('<row/>'.repeat(200_000), 1_000),
      as: 'responsibilities',
      code: 'WORKBOOK_TOO_LARGE',
    },
    {
      name: 'rows.xlsx',
      file: () => xlsxRepeatingSheet('<row><c><v>1</v></c></row>'.repeat(10_000), 500),
      as: 'people',
      code: 'WORKBOOK_TOO_LARGE',
    },
  ];

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const storedRows = async () => {
    const [row] = await api.app
      .get(DataSource)
      .query('SELECT (SELECT COUNT(*)::int FROM organization) + (SELECT COUNT(*)::int FROM uploaded_file) AS count');
    return row.count as number;
  };

  it.each(hostile)('refuses $name with a clear error naming it, and writes nothing', async ({ name, file, as, code }) => {
    const files = {
      people: as === 'people' ? { name, content: await file() } : { name: 'people.csv', content: PEOPLE },
      ...(as === 'responsibilities' ? { responsibilities: { name, content: await file() } } : {}),
    };
    const started = performance.now();
    const result = await api.upload<ImportResponse>(IMPORT, { org: `Hostile ${name}` }, files, { timeoutMs: 20_000 });
    const elapsedMs = performance.now() - started;
    expect(result.errors).toBeUndefined();
    expect(result.data!.result).toMatchObject({ ok: false, snapshotVersion: null });
    expect(result.data!.result.errors).toEqual([expect.objectContaining({ file: name, code })]);
    // "Within a second or two" on an idle machine; the bound leaves room for a busy CI runner.
    expect(elapsedMs).toBeLessThan(8_000);
    expect(await storedRows()).toBe(0);
  });

  it('keeps answering health checks within a second while hostile files are read', async () => {
    // Built first: the server runs in this process, so building them meanwhile would be the stall.
    const files = await Promise.all(hostile.map(async (entry) => ({ ...entry, content: await entry.file() })));
    const uploads = (async () => {
      for (const { name, content, as } of [...files, ...files, ...files]) {
        await api.upload(
          IMPORT,
          { org: 'Hostile Co' },
          as === 'people'
            ? { people: { name, content } }
            : { people: { name: 'people.csv', content: PEOPLE }, responsibilities: { name, content } },
          { timeoutMs: 20_000 },
        );
      }
    })();
    const { slowestMs, answers } = await slowestHealthWhile(api.url, uploads);
    await uploads;
    expect(answers).toBeGreaterThanOrEqual(3); // the checks did run alongside the uploads
    expect(slowestMs).toBeLessThan(1_000);
    expect(await storedRows()).toBe(0);
  }, 120_000);
});
