import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PEOPLE = [
  'Employee ID;Full Name;Job Title;Supervisor ID;Department;Last Promotion Date;Rating',
  'A1;Ada Lovelace;Chief Executive Officer;;Board;2019-01-01;5',
  'B1;Grace Hopper;VP Engineering;A1;Engineering;2025-06-01;4',
  'C1;Alan Turing;Software Engineer;B1;Engineering;;5',
  'C2;Edsger Dijkstra;Software Engineer;B1;Engineering;;3',
].join('\r\n');

const RESPONSIBILITIES = [
  'employee_id,responsibility,value_level,share,since',
  'A1,Set the company strategy,LEADERSHIP,60,2019-01-01',
  'B1,Write production code for the payments API,,40,2020-02-01',
  'B1,Set the engineering strategy,leadership,30,2025-06-01',
  'C1,Build the billing service,1,80,2021-01-01',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload, $options: ImportOptions) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: $options) {
    ok snapshotVersion duplicateOfVersion people positions responsibilities
    errors { file row column value message code }
    peopleFile { format delimiter encoding mapping { field header method } }
  }
}`;

interface ImportResponse {
  result: {
    ok: boolean;
    snapshotVersion: number | null;
    duplicateOfVersion: number | null;
    people: number;
    positions: number;
    responsibilities: number;
    errors: { file: string; row: number | null; column: string | null; value: string | null; message: string; code: string }[];
    peopleFile: {
      format: string;
      delimiter: string;
      encoding: string;
      mapping: { field: string; header: string; method: string }[];
    };
  };
}

describe('importing org charts through GraphQL multipart uploads (PostgreSQL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const countRows = async () => {
    const result = await api.graphql<{ organizations: { snapshots: { id: string }[] }[] }>(
      '{ organizations { snapshots { id } } }',
    );
    return result.data!.organizations.flatMap((org) => org.snapshots).length;
  };

  it('previews an upload: detected columns and counts, nothing written', async () => {
    const result = await api.upload<ImportResponse>(
      IMPORT.replace('commitImport', 'previewImport'),
      { org: 'Upload Co' },
      {
        people: { name: 'people.csv', content: PEOPLE },
        responsibilities: { name: 'responsibilities.csv', content: RESPONSIBILITIES },
      },
    );
    expect(result.errors).toBeUndefined();
    const preview = result.data!.result;
    expect(preview).toMatchObject({ ok: true, snapshotVersion: null, people: 4, positions: 4, responsibilities: 4 });
    expect(preview.peopleFile).toMatchObject({ format: 'csv', delimiter: ';' });
    expect(preview.peopleFile.mapping).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'manager_id', header: 'Supervisor ID' }),
        expect.objectContaining({ field: 'performance_rating', header: 'Rating' }),
      ]),
    );
    expect(await countRows()).toBe(0);
  });

  it('commits an upload as snapshot 1, then detects an identical re-upload', async () => {
    const files = {
      people: { name: 'people.csv', content: PEOPLE },
      responsibilities: { name: 'responsibilities.csv', content: RESPONSIBILITIES },
    };
    const first = await api.upload<ImportResponse>(IMPORT, { org: 'Upload Co' }, files);
    expect(first.data!.result).toMatchObject({ ok: true, snapshotVersion: 1, people: 4, responsibilities: 4 });
    const again = await api.upload<ImportResponse>(IMPORT, { org: 'Upload Co' }, files);
    expect(again.data!.result).toMatchObject({ ok: true, snapshotVersion: null, duplicateOfVersion: 1 });
    expect(await countRows()).toBe(1);
  });

  it('keeps the uploaded bytes with the snapshot, compressed, byte for byte', async () => {
    const rows: { kind: string; file_name: string; byte_size: number; content_encoding: string; content: Buffer }[] =
      await api.app
        .get(DataSource)
        .query('SELECT kind, file_name, byte_size, content_encoding, content FROM uploaded_file ORDER BY kind');
    expect(
      rows.map(({ kind, file_name, byte_size, content_encoding }) => ({ kind, file_name, byte_size, content_encoding })),
    ).toEqual([
      { kind: 'PEOPLE', file_name: 'people.csv', byte_size: Buffer.byteLength(PEOPLE), content_encoding: 'gzip' },
      {
        kind: 'RESPONSIBILITIES',
        file_name: 'responsibilities.csv',
        byte_size: Buffer.byteLength(RESPONSIBILITIES),
        content_encoding: 'gzip',
      },
    ]);
    expect(gunzipSync(rows[0].content).toString('utf8')).toBe(PEOPLE);
    expect(gunzipSync(rows[1].content).toString('utf8')).toBe(RESPONSIBILITIES);
  });

  it('rejects a bad file with file, row, column and value, and writes nothing', async () => {
    const broken = [
      'employee_id,name,title,manager_id,hire_date',
      'X1,Root Person,CEO,,2020-01-01',
      'X2,Loop One,Manager,X3,2020-13-45',
      'X3,Loop Two,Manager,X2,2020-01-01',
      'X1,Duplicate,Engineer,X1,2020-01-01',
      'X5,Orphan,Engineer,NOBODY,2020-01-01',
    ].join('\n');
    const before = await countRows();
    const result = await api.upload<ImportResponse>(
      IMPORT,
      { org: 'Broken Co' },
      { people: { name: 'broken.csv', content: broken } },
    );
    const outcome = result.data!.result;
    expect(outcome.ok).toBe(false);
    const codes = outcome.errors.map((error) => error.code);
    expect(codes).toEqual(expect.arrayContaining(['DUPLICATE_ID', 'UNKNOWN_MANAGER', 'CYCLE', 'BAD_DATE']));
    const badDate = outcome.errors.find((error) => error.code === 'BAD_DATE')!;
    expect(badDate).toMatchObject({ file: 'broken.csv', row: 3, column: 'hire_date', value: '2020-13-45' });
    const unknown = outcome.errors.find((error) => error.code === 'UNKNOWN_MANAGER')!;
    expect(unknown).toMatchObject({ row: 6, column: 'manager_id', value: 'NOBODY' });
    expect(outcome.errors.find((error) => error.code === 'CYCLE')!.message).toMatch(/X2.*X3.*X2|X3.*X2.*X3/);
    expect(await countRows()).toBe(before);
    const orgs = await api.graphql<{ organization: unknown }>('{ organization(name: "Broken Co") { id } }');
    expect(orgs.data?.organization).toBeNull();
  });

  it('refuses an empty organization name, with the people file named', async () => {
    for (const mutation of ['previewImport', 'commitImport']) {
      const result = await api.upload<ImportResponse>(
        IMPORT.replace('commitImport', mutation),
        { org: '   ' },
        { people: { name: 'people.csv', content: PEOPLE } },
      );
      expect(result.data!.result.ok).toBe(false);
      expect(result.data!.result.errors).toEqual([
        expect.objectContaining({ file: 'people.csv', code: 'BAD_OPTION', row: null }),
      ]);
    }
  });

  it('applies an explicit column mapping over detection', async () => {
    const headerless = ['H1|Root|Chief Executive Officer|', 'H2|Second|Engineer|H1'].join('\n');
    const result = await api.upload<ImportResponse>(
      IMPORT,
      {
        org: 'Mapped Co',
        options: {
          hasHeader: false,
          peopleMap: [
            { header: '1', field: 'employee_id' },
            { header: '2', field: 'name' },
            { header: '3', field: 'title' },
            { header: '4', field: 'manager_id' },
          ],
        },
      },
      { people: { name: 'dump.txt', content: headerless } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result).toMatchObject({ ok: true, snapshotVersion: 1, positions: 2 });
  });

  it('stores work the classifier cannot place as UNCLASSIFIED, counts it and leaves it out of the mix', async () => {
    const responsibilities = [
      'employee_id,responsibility,value_level,share,since',
      'A1,Set the company strategy,LEADERSHIP,60,2019-01-01',
      'A1,🚀🚀🚀,,40,2019-01-01',
    ].join('\n');
    const imported = await api.upload<ImportResponse>(
      IMPORT,
      { org: 'Unread Co' },
      { people: { name: 'people.csv', content: PEOPLE }, responsibilities: { name: 'r.csv', content: responsibilities } },
    );
    expect(imported.data!.result).toMatchObject({ ok: true, snapshotVersion: 1, responsibilities: 2 });
    const stored: { value_level: string; value_level_source: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT value_level, value_level_source FROM responsibility WHERE title = '🚀🚀🚀'`);
    expect(stored).toEqual([{ value_level: 'UNCLASSIFIED', value_level_source: 'CLASSIFIED' }]);

    const orgs = await api.graphql<{ organizations: { name: string; snapshots: { id: string }[] }[] }>(
      '{ organizations { name snapshots { id } } }',
    );
    const snapshotId = orgs.data!.organizations.find((org) => org.name === 'Unread Co')!.snapshots[0].id;
    const result = await api.graphql<{
      analysisSummary: { unclassifiedCount: number; positionsWithUnclassifiedWork: number };
      positions: {
        nodes: {
          externalId: string;
          mix: { allocatedPct: number; unclassifiedPct: number; actual: { leadership: number; implementation: number } };
          responsibilities: { valueLevel: string; classification: { level: string; reason: string | null } }[];
        }[];
      };
    }>(
      `query($id: ID!) {
        analysisSummary(snapshotId: $id) { unclassifiedCount positionsWithUnclassifiedWork }
        positions(snapshotId: $id, search: "A1") { nodes { externalId
          mix { allocatedPct unclassifiedPct actual { leadership implementation } }
          responsibilities { valueLevel classification { level reason } } } }
      }`,
      { id: snapshotId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.analysisSummary).toEqual({ unclassifiedCount: 1, positionsWithUnclassifiedWork: 1 });
    const ceo = result.data!.positions.nodes.find((node) => node.externalId === 'A1')!;
    expect(ceo.mix).toEqual({ allocatedPct: 100, unclassifiedPct: 40, actual: { leadership: 60, implementation: 0 } });
    expect(ceo.responsibilities).toEqual(
      expect.arrayContaining([{ valueLevel: 'UNCLASSIFIED', classification: { level: 'UNCLASSIFIED', reason: 'NO_WORDS' } }]),
    );
  });
});
