import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

// A small civil-service style chart: the grades decide the tiers before the titles.
const PEOPLE = [
  'Employee ID,Full Name,Job Title,Supervisor ID,Grade',
  'P1,Pat Permanent,Permanent Secretary,,SCS4',
  'D1,Dee Director,Head of Policy,P1,SCS2',
  'B1,Bo Band,Policy Adviser,D1,Band B7',
  'B2,Cy Band,Policy Adviser,D1,Band B7',
  'N1,Nia None,Analyst,D1,',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!) {
  result: commitImport(organizationName: $org, people: $people) { ok snapshotId organizationId errors { message } }
}`;

const GRADES = 'query($o: ID!) { gradeTiers(organizationId: $o) { grade tier source scheme positions } }';
const SET = `mutation($o: ID!, $grades: [GradeTierInput!]!) {
  setGradeTiers(organizationId: $o, input: { grades: $grades }) { grade tier source }
}`;
const TIERS = `query($s: ID!) { orgChart(snapshotId: $s) { employeeId tier } }`;

describe('HR’s grade → tier table through GraphQL (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    const imported = await api.upload<{ result: { ok: boolean; snapshotId: string; organizationId: string } }>(
      IMPORT,
      { org: 'Grades Ministry', people: null },
      { people: { name: 'ministry.csv', content: PEOPLE } },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.result.ok).toBe(true);
    ({ organizationId, snapshotId } = imported.data!.result);
  });
  afterAll(() => api?.close());

  const tiers = async () => {
    const result = await api.graphql<{ orgChart: { employeeId: string; tier: string }[] }>(TIERS, { s: snapshotId });
    return Object.fromEntries(result.data!.orgChart.map((node) => [node.employeeId, node.tier]));
  };
  const tierSourceOf = async (employeeId: string) => {
    const result = await api.graphql<{ positions: { nodes: { externalId: string; tier: string; tierSource: string }[] } }>(
      'query($s: ID!) { positions(snapshotId: $s, first: 50) { nodes { externalId tier tierSource } } }',
      { s: snapshotId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.positions.nodes.find((node) => node.externalId === employeeId);
  };

  it('lists the grades of the latest snapshot with the tier each gives and where it comes from', async () => {
    const result = await api.graphql<{ gradeTiers: unknown[] }>(GRADES, { o: organizationId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.gradeTiers).toEqual([
      { grade: 'Band B7', tier: null, source: 'NONE', scheme: null, positions: 2 },
      { grade: 'SCS2', tier: 'DIRECTOR', source: 'DEFAULT', scheme: 'UK Senior Civil Service', positions: 1 },
      { grade: 'SCS4', tier: 'EXECUTIVE', source: 'DEFAULT', scheme: 'UK Senior Civil Service', positions: 1 },
    ]);
    expect(await tiers()).toEqual({ P1: 'EXECUTIVE', D1: 'DIRECTOR', B1: 'IC', B2: 'IC', N1: 'IC' });
  });

  it('a change to the table shows in the next analysis of the snapshot already imported, and can be undone', async () => {
    const set = await api.graphql<{ setGradeTiers: { grade: string; tier: string; source: string }[] }>(SET, {
      o: organizationId,
      grades: [{ grade: 'band b7', tier: 'MANAGER' }],
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setGradeTiers[0]).toEqual({ grade: 'Band B7', tier: 'MANAGER', source: 'HR' });
    expect(await tiers()).toEqual({ P1: 'EXECUTIVE', D1: 'DIRECTOR', B1: 'MANAGER', B2: 'MANAGER', N1: 'IC' });
    expect(await tierSourceOf('B1')).toEqual({ externalId: 'B1', tier: 'MANAGER', tierSource: 'GRADE' });
    expect(await tierSourceOf('N1')).toEqual({ externalId: 'N1', tier: 'IC', tierSource: 'TITLE' });

    await api.graphql(SET, { o: organizationId, grades: [{ grade: 'Band B7', tier: null }] });
    expect(await tiers()).toMatchObject({ B1: 'IC', B2: 'IC' });
    expect(await tierSourceOf('B1')).toEqual({ externalId: 'B1', tier: 'IC', tierSource: 'TITLE' });
  });

  it('refuses a tier it does not know, naming the row, and changes nothing', async () => {
    const result = await api.graphql(SET, { o: organizationId, grades: [{ grade: 'SCS2', tier: 'GENERAL' }] });
    expect(result.errors?.[0].message).toMatch(/GENERAL/);
    expect(await tiers()).toMatchObject({ D1: 'DIRECTOR' });
  });
});
