import { generateSyntheticOrg, peopleCsv, responsibilitiesCsv } from '@rolemap/demo-data';
import { DataSource } from 'typeorm';
import { DEFAULT_JOBS_CONFIG } from '@rolemap/server-core';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities) {
    ok snapshotVersion people positions responsibilities
    errors { file row column value message code }
  }
}`;
const PREVIEW = IMPORT.replace('commitImport', 'previewImport');

interface ImportResponse {
  result: {
    ok: boolean;
    snapshotVersion: number | null;
    people: number;
    positions: number;
    responsibilities: number;
    errors: { file: string; row: number | null; column: string | null; value: string | null; message: string; code: string }[];
  };
}

type Files = Record<string, { name: string; content: string | Buffer }>;

async function storedCounts(api: TestApp): Promise<{ organizations: number; snapshots: number; files: number }> {
  const [row] = await api.app.get(DataSource).query(
    `SELECT (SELECT COUNT(*)::int FROM organization) AS organizations,
            (SELECT COUNT(*)::int FROM org_snapshot) AS snapshots,
            (SELECT COUNT(*)::int FROM uploaded_file) AS files`,
  );
  return row;
}

function orgFiles(size: number) {
  const org = generateSyntheticOrg({ size, seed: 11 });
  return {
    people: { name: 'people.csv', content: peopleCsv(org.people) },
    responsibilities: { name: 'responsibilities.csv', content: responsibilitiesCsv(org.responsibilities) },
    responsibilityCount: org.responsibilities.length,
  };
}

describe('people and responsibilities in one multipart upload (PostgreSQL)', () => {
  let api: TestApp;
  const small = orgFiles(10_000);
  // Generated before the server starts: the seconds this takes would otherwise leave the
  // client's kept-alive connection idle just as long as the server keeps it (5 s).
  const large = orgFiles(100_000);

  beforeAll(async () => {
    await resetDatabase();
    // In the request whatever the size: this is about the multipart upload itself (the 37 MB pair
    // would otherwise go to the queue, see background-jobs spec).
    api = await startTestApp(undefined, { jobs: { ...DEFAULT_JOBS_CONFIG, importThresholdBytes: Number.MAX_SAFE_INTEGER } });
  });
  afterAll(() => api?.close());

  // The first part used to be read only after the resolver had both: past the socket buffers
  // (a people file of about 300 KB) the client waited for the server and the server for the client.
  it.each([
    ['people first', { people: small.people, responsibilities: small.responsibilities }],
    ['responsibilities first', { responsibilities: small.responsibilities, people: small.people }],
  ])('previews 10k people + %s without hanging', async (_order, files: Files) => {
    expect(Buffer.byteLength(small.people.content)).toBeGreaterThan(1_000_000);
    const result = await api.upload<ImportResponse>(PREVIEW, { org: 'Pair Co' }, files, { timeoutMs: 20_000 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.result).toMatchObject({
      ok: true,
      people: 10_000,
      responsibilities: small.responsibilityCount,
      errors: [],
    });
  });

  it('commits 100k people + 320k responsibilities sent responsibilities first', async () => {
    expect(large.responsibilityCount).toBeGreaterThan(300_000);
    const result = await api.upload<ImportResponse>(
      IMPORT,
      { org: 'Large Pair Co' },
      { responsibilities: large.responsibilities, people: large.people },
      { timeoutMs: 90_000 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result).toMatchObject({
      ok: true,
      snapshotVersion: 1,
      positions: 100_000,
      responsibilities: large.responsibilityCount,
    });
    expect(await storedCounts(api)).toEqual({ organizations: 1, snapshots: 1, files: 2 });
  }, 120_000);
});

describe('files over the upload limit (PostgreSQL)', () => {
  const header = 'employee_id,name,title,manager_id,notes';

  /** A valid people file of exactly `bytes` bytes: the last row's notes pad it. */
  function peopleFileOf(bytes: number, people = 200): string {
    const rows = [header, 'E1,Ada Root,Chief Executive Officer,,'];
    for (let i = 2; i <= people; i++) rows.push(`E${i},Person ${i},Engineer,E1,`);
    const text = rows.join('\n');
    return text + 'x'.repeat(bytes - Buffer.byteLength(text));
  }

  describe('at the default limit of 50 MB', () => {
    let api: TestApp;
    beforeAll(async () => {
      await resetDatabase();
      api = await startTestApp();
    });
    afterAll(() => api?.close());

    it('refuses a 60 MB people file whole instead of importing the first 50 MB', async () => {
      // Valid rows all the way, so a file cut at the limit would still import.
      const lines: string[] = [header, 'E1,Ada Root,Chief Executive Officer,,'];
      let size = lines.join('\n').length;
      for (let i = 2; size < 60 * 1024 * 1024; i++) {
        const line = `E${i},Person number ${i},Software Engineer,E1,${'n'.repeat(20)}`;
        lines.push(line);
        size += line.length + 1;
      }
      const people = lines.join('\n');
      const result = await api.upload<ImportResponse>(
        IMPORT,
        { org: 'Huge Co' },
        { people: { name: 'huge.csv', content: people } },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.result).toMatchObject({ ok: false, snapshotVersion: null, people: 0 });
      expect(result.data!.result.errors).toEqual([
        {
          file: 'huge.csv',
          row: null,
          column: null,
          value: '60.0 MB',
          code: 'FILE_TOO_LARGE',
          message: expect.stringContaining('File too large: huge.csv is 60.0 MB, the limit is 50 MB.'),
        },
      ]);
      expect(await storedCounts(api)).toEqual({ organizations: 0, snapshots: 0, files: 0 });
    });
  });

  describe('at a configured limit of 1 MB', () => {
    const limit = 1024 * 1024;
    let api: TestApp;
    beforeAll(async () => {
      await resetDatabase();
      api = await startTestApp(undefined, { maxUploadBytes: limit });
    });
    afterAll(() => api?.close());

    it('accepts a file of exactly the limit', async () => {
      const people = peopleFileOf(limit);
      expect(Buffer.byteLength(people)).toBe(limit);
      const result = await api.upload<ImportResponse>(
        IMPORT,
        { org: 'Exact Co' },
        { people: { name: 'exact.csv', content: people } },
      );
      expect(result.data!.result).toMatchObject({ ok: true, snapshotVersion: 1, positions: 200 });
    });

    it('refuses one byte more, naming the file that is too large, and writes nothing', async () => {
      const before = await storedCounts(api);
      const result = await api.upload<ImportResponse>(
        IMPORT,
        { org: 'Over Co' },
        {
          people: { name: 'people.csv', content: peopleFileOf(2_000, 20) },
          responsibilities: {
            name: 'responsibilities.csv',
            content: 'employee_id,responsibility,share\n' + 'E1,x,1\n'.repeat(150_000),
          },
        },
      );
      expect(result.data!.result.ok).toBe(false);
      expect(result.data!.result.errors).toEqual([
        expect.objectContaining({ file: 'responsibilities.csv', code: 'FILE_TOO_LARGE', value: '1.0 MB' }),
      ]);
      expect(result.data!.result.errors[0].message).toContain('the limit is 1 MB');

      const overByOne = await api.upload<ImportResponse>(
        IMPORT,
        { org: 'Over Co' },
        { people: { name: 'over.csv', content: peopleFileOf(limit + 1) } },
      );
      expect(overByOne.data!.result.errors).toEqual([expect.objectContaining({ file: 'over.csv', code: 'FILE_TOO_LARGE' })]);
      expect(await storedCounts(api)).toEqual(before);
    });
  });
});
