import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

// Three charts of one team. Between January and March Blake became a manager (Casey now reports
// to Blake); June adds a joiner. Blake keeps writing code, so once the promotion is seen in a
// diff, Blake is "promoted, still tactical".
const header = 'Employee ID,Full Name,Job Title,Manager ID';
const JANUARY = [
  header,
  'A,Avery Stone,Chief Executive Officer,',
  'B,Blake Rivers,Software Engineer,A',
  'C,Casey Marsh,Software Engineer,A',
].join('\n');
const MARCH = [
  header,
  'A,Avery Stone,Chief Executive Officer,',
  'B,Blake Rivers,Engineering Manager,A',
  'C,Casey Marsh,Software Engineer,B',
].join('\n');
const JUNE = [
  header,
  'A,Avery Stone,Chief Executive Officer,',
  'B,Blake Rivers,Engineering Manager,A',
  'C,Casey Marsh,Software Engineer,B',
  'D,Dana Holt,Software Engineer,B',
].join('\n');
const RESPONSIBILITIES = [
  'employee_id,responsibility,value_level,share,since',
  'A,Set the company strategy,LEADERSHIP,60,2020-01-01',
  'B,Write production code for the payments API,IMPLEMENTATION,80,2022-01-01',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload, $options: ImportOptions) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: $options) {
    ok organizationId snapshotId snapshotVersion duplicateOfVersion errors { message }
  }
}`;

interface Imported {
  ok: boolean;
  organizationId: string;
  snapshotId: string | null;
  snapshotVersion: number | null;
  duplicateOfVersion: number | null;
}

interface Snapshot {
  id: string;
  version: number;
  asOf: string;
}

const ORG = 'Timeline Co';

describe('snapshots ordered by their as-of date, not by import order (PostgreSQL)', () => {
  let api: TestApp;
  const snapshotByMonth: Record<string, Imported> = {};

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const importChart = async (people: string, asOf: string): Promise<Imported> => {
    const result = await api.upload<{ result: Imported }>(
      IMPORT,
      { org: ORG, options: { asOf } },
      {
        people: { name: `people-${asOf}.csv`, content: people },
        responsibilities: { name: 'responsibilities.csv', content: RESPONSIBILITIES },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result.ok).toBe(true);
    return result.data!.result;
  };

  const timeline = async () => {
    const result = await api.graphql<{
      organization: { latestSnapshot: Snapshot; snapshots: Snapshot[] };
    }>(
      'query($name: String) { organization(name: $name) { latestSnapshot { id version asOf } snapshots { id version asOf } } }',
      {
        name: ORG,
      },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.organization;
  };

  /** Blake's "promoted, still tactical" finding in a snapshot: how the promotion was seen and when. */
  const blakePromotion = async (snapshotId: string) => {
    const result = await api.graphql<{
      findings: { nodes: { employeeId: string; promotionSource: string | null; explanation: string }[] };
    }>(
      'query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [PROMOTED_STILL_TACTICAL] }) { nodes { employeeId promotionSource explanation } } }',
      { s: snapshotId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.findings.nodes.find((finding) => finding.employeeId === 'B') ?? null;
  };

  it('keeps the newest chart as the latest when an older one is imported after it', async () => {
    snapshotByMonth.june = await importChart(JUNE, '2026-06-15');
    snapshotByMonth.january = await importChart(JANUARY, '2026-01-15');
    expect([snapshotByMonth.june.snapshotVersion, snapshotByMonth.january.snapshotVersion]).toEqual([1, 2]);

    const { latestSnapshot, snapshots } = await timeline();
    expect(latestSnapshot).toMatchObject({ version: 1, asOf: '2026-06-15' });
    expect(snapshots.map((snapshot) => [snapshot.version, snapshot.asOf])).toEqual([
      [1, '2026-06-15'],
      [2, '2026-01-15'],
    ]);
    // A report without a version is of the latest chart by date, too.
    const response = await fetch(
      `${api.url}/api/organizations/${snapshotByMonth.june.organizationId}/reports/summary?format=md`,
      {
        headers: api.authorized(),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('-v1-summary.md');
    await response.arrayBuffer();
  });

  it('infers promotions forwards in time: June against January, never January against June', async () => {
    const june = await blakePromotion(snapshotByMonth.june.snapshotId!);
    expect(june).toMatchObject({ promotionSource: 'SNAPSHOT_DIFF' });
    expect(june!.explanation).toMatch(/between snapshots \(seen on 2026-06-15/);
    // January is the first chart: nothing came before it, so there is nothing to infer.
    expect(await blakePromotion(snapshotByMonth.january.snapshotId!)).toBeNull();
  });

  it('diffs an import dated between two snapshots against its true neighbours', async () => {
    snapshotByMonth.march = await importChart(MARCH, '2026-03-15');
    expect(snapshotByMonth.march.snapshotVersion).toBe(3);
    const { latestSnapshot, snapshots } = await timeline();
    expect(latestSnapshot.version).toBe(1);
    expect(snapshots.map((snapshot) => snapshot.version)).toEqual([1, 3, 2]);

    // March now holds the promotion (January → March); June, compared with March, sees none.
    // June's analysis was cached above with January before it: the new neighbour must show.
    const march = await blakePromotion(snapshotByMonth.march.snapshotId!);
    expect(march!.explanation).toMatch(/between snapshots \(seen on 2026-03-15/);
    expect(await blakePromotion(snapshotByMonth.june.snapshotId!)).toBeNull();
  });

  it('breaks ties on the as-of date by import order: the later import of a day is the newer', async () => {
    const sameDay = await importChart(JANUARY, '2026-06-15');
    expect(sameDay.snapshotVersion).toBe(4);
    const { latestSnapshot, snapshots } = await timeline();
    expect(latestSnapshot.version).toBe(4);
    expect(snapshots.map((snapshot) => snapshot.version)).toEqual([4, 1, 3, 2]);
  });

  it('checks a re-import for duplicates against the chart it follows by date, not the last upload', async () => {
    // The same March file again: identical to March (v3), though v4 was imported last.
    const march = await importChart(MARCH, '2026-03-15');
    expect(march).toMatchObject({ snapshotId: null, snapshotVersion: null, duplicateOfVersion: 3 });
    // The March chart dated April follows March itself: nothing changed, nothing new.
    const april = await importChart(MARCH, '2026-04-01');
    expect(april).toMatchObject({ snapshotVersion: null, duplicateOfVersion: 3 });
    // January's chart dated February follows January: a duplicate of v2 even though v4 has the same rows.
    const february = await importChart(JANUARY, '2026-02-01');
    expect(february).toMatchObject({ snapshotVersion: null, duplicateOfVersion: 2 });
    // The June chart dated July follows v4 (January's rows on 15 June): a real change, so a new snapshot.
    const july = await importChart(JUNE, '2026-07-01');
    expect(july).toMatchObject({ snapshotVersion: 5, duplicateOfVersion: null });
    expect((await timeline()).snapshots.map((snapshot) => snapshot.version)).toEqual([5, 4, 1, 3, 2]);
  });
});
