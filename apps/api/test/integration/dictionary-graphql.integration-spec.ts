import { createHash } from 'node:crypto';
import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import ExcelJS from 'exceljs';
import { type DemoTestApp, startTestAppWithDemo } from '../support/test-app';

const TREE = `query($o: ID!, $v: ID) { activityDictionary(organizationId: $o, versionId: $v) {
  version { id version source summary activityCount current }
  functions { key label activityCount processes { key label activityCount } }
} }`;
const ACTIVITIES = `query($o: ID!, $v: ID!, $f: String, $q: String, $first: Int, $offset: Int) {
  dictionaryActivities(organizationId: $o, versionId: $v, functionKey: $f, search: $q, first: $first, offset: $offset) {
    totalCount nodes { id key label valueLevel levelSource functionKey processLabel }
  }
}`;
const UPDATE = `mutation($o: ID!, $b: ID, $k: String!, $c: DictionaryEntryChangesInput!) {
  updateDictionaryEntry(organizationId: $o, baseVersionId: $b, key: $k, changes: $c) { id version source summary current }
}`;
const IMPORT = `mutation($o: ID!, $file: Upload!, $dry: Boolean) {
  importDictionary(organizationId: $o, file: $file, dryRun: $dry) {
    ok dryRun unchanged entryCount activityCount suggestedCount version { id version source }
    errors { file row column value code message }
  }
}`;

interface Tree {
  activityDictionary: {
    version: { id: string; version: number; source: string; summary: string; activityCount: number; current: boolean };
    functions: { key: string; label: string; activityCount: number; processes: { key: string; activityCount: number }[] }[];
  };
}

describe('the activity dictionary over GraphQL and HTTP (PostgreSQL)', () => {
  let demo: DemoTestApp;
  let viewerToken: string;
  let outsiderToken: string;

  beforeAll(async () => {
    demo = await startTestAppWithDemo();
    const accounts = demo.api.app.get(AccountsService);
    const viewer = await accounts.create(LOCAL_OPERATOR, { email: 'viewer@dictionary.test', displayName: 'Viewer' });
    await accounts.grant(LOCAL_OPERATOR, viewer.id, demo.organizationId, 'VIEWER', null);
    viewerToken = (await accounts.createApiToken(await accounts.callerOf(viewer, 'api-token'), 'tests', 1)).token;
    const outsider = await accounts.create(LOCAL_OPERATOR, { email: 'outsider@dictionary.test', displayName: 'Outsider' });
    outsiderToken = (await accounts.createApiToken(await accounts.callerOf(outsider, 'api-token'), 'tests', 1)).token;
  });
  afterAll(() => demo?.api.close());

  const tree = async (token?: string, versionId?: string) => {
    const result = await demo.api.graphql<Tree>(TREE, { o: demo.organizationId, v: versionId }, token ? { token } : undefined);
    expect(result.errors).toBeUndefined();
    return result.data!.activityDictionary;
  };

  it('lets a viewer browse the tree by function and search the activities, a page at a time', async () => {
    const { version, functions } = await tree(viewerToken);
    expect(version).toMatchObject({ version: 1, source: 'STARTER', current: true });
    expect(functions.map((fn) => fn.key)).toEqual(['ENG', 'PRD', 'SAL', 'MKT', 'FIN', 'HR', 'OPS', 'SUP', 'LEG', 'MGT']);
    expect(functions.reduce((sum, fn) => sum + fn.activityCount, 0)).toBe(version.activityCount);

    const page = (variables: Record<string, unknown>) =>
      demo.api.graphql<{
        dictionaryActivities: { totalCount: number; nodes: { key: string; label: string; functionKey: string }[] };
      }>(ACTIVITIES, { o: demo.organizationId, v: version.id, ...variables }, { token: viewerToken });
    const sales = (await page({ f: 'SAL', first: 5 })).data!.dictionaryActivities;
    expect(sales.totalCount).toBe(functions.find((fn) => fn.key === 'SAL')!.activityCount);
    expect(sales.nodes).toHaveLength(5);
    expect(sales.nodes.every((node) => node.functionKey === 'SAL')).toBe(true);
    const second = (await page({ f: 'SAL', first: 5, offset: 5 })).data!.dictionaryActivities;
    expect(second.nodes[0].key).not.toBe(sales.nodes[0].key);

    const search = (await page({ q: '1:1S direct' })).data!.dictionaryActivities;
    expect(search.nodes.map((node) => node.label)).toEqual(['Hold 1:1s with direct reports']);
    const tooMany = await page({ first: 501 });
    expect(tooMany.errors?.[0].message).toMatch(/first must be a whole number from 1 to 500/);
  });

  it('publishes HR’s edits as new versions, keeps the old ones readable, and refuses stale edits', async () => {
    const before = await tree();
    const edited = await demo.api.graphql<{
      updateDictionaryEntry: { id: string; version: number; summary: string; current: boolean };
    }>(UPDATE, {
      o: demo.organizationId,
      b: before.version.id,
      k: 'SAL-02-01',
      c: { label: 'Run product demos', description: 'Live or recorded' },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateDictionaryEntry).toMatchObject({
      version: 2,
      current: true,
      summary: 'Changed the label and description of SAL-02-01',
    });
    const old = await tree(viewerToken, before.version.id);
    expect(old.version.current).toBe(false);

    const stale = await demo.api.graphql(UPDATE, {
      o: demo.organizationId,
      b: before.version.id,
      k: 'SAL-02-01',
      c: { label: 'x' },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const viewerEdit = await demo.api.graphql(
      UPDATE,
      { o: demo.organizationId, k: 'SAL-02-01', c: { label: 'x' } },
      { token: viewerToken },
    );
    expect(viewerEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const versions = await demo.api.graphql<{
      dictionaryVersions: { totalCount: number; nodes: { version: number; current: boolean }[] };
    }>(
      'query($o: ID!) { dictionaryVersions(organizationId: $o) { totalCount nodes { version current } } }',
      { o: demo.organizationId },
      { token: viewerToken },
    );
    expect(versions.data!.dictionaryVersions.nodes).toEqual([
      { version: 2, current: true },
      { version: 1, current: false },
    ]);
  });

  it('exports CSV and XLSX that import again unchanged; a bad upload names its rows and changes nothing', async () => {
    const current = await tree();
    const download = async (format: string, token = demo.api.ownerToken) =>
      fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/dictionary.${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const csv = await download('csv', viewerToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/dictionary-v2\.csv/);
    // Sent whole with its SHA-256, as report downloads are (the web app checks both).
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(csv.headers.get('content-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`);
    const csvText = bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(csvText.split('\r\n')[0]).toBe('id,parent_id,label,description,level');
    const xlsx = Buffer.from(await (await download('xlsx')).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBe(csvText.trim().split('\r\n').length);
    expect((await download('pdf')).status).toBe(400);
    expect((await download('csv', outsiderToken)).status).toBe(403);

    for (const [name, content] of [
      ['dictionary.csv', csvText],
      ['dictionary.xlsx', xlsx],
    ] as const) {
      const again = await demo.api.upload<{ importDictionary: { ok: boolean; unchanged: boolean; version: unknown } }>(
        IMPORT,
        { o: demo.organizationId, file: null },
        { file: { name, content } },
      );
      expect(again.errors).toBeUndefined();
      expect(again.data!.importDictionary).toMatchObject({ ok: true, unchanged: true, version: null });
    }

    const bad = csvText.replace('SAL-02-01,SAL-02,', 'SAL-02-01,SAL-99,').replace(',IMPLEMENTATION\r\n', ',SOMETIMES\r\n');
    const refused = await demo.api.upload<{
      importDictionary: { ok: boolean; errors: { row: number; code: string; column: string }[] };
    }>(IMPORT, { o: demo.organizationId, file: null }, { file: { name: 'bad.csv', content: bad } });
    expect(refused.data!.importDictionary.ok).toBe(false);
    expect(refused.data!.importDictionary.errors.map((issue) => issue.code).sort()).toEqual(['UNKNOWN_LEVEL', 'UNKNOWN_PARENT']);
    expect(refused.data!.importDictionary.errors.every((issue) => issue.row > 1)).toBe(true);
    expect((await tree()).version.id).toBe(current.version.id);

    const changed = csvText.replace('Run product demos', 'Run demos for prospects');
    const imported = await demo.api.upload<{ importDictionary: { ok: boolean; version: { version: number; source: string } } }>(
      IMPORT,
      { o: demo.organizationId, file: null },
      { file: { name: 'changed.csv', content: changed } },
    );
    expect(imported.data!.importDictionary).toMatchObject({ ok: true, version: { version: 3, source: 'IMPORT' } });
  });
});
