import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

/**
 * E1 heads E2 (engineering) and E3 (product). Dee (E4, engineering) also answers to E3 on a
 * dotted line, Eve (E5, product) to E2; E6 names its own manager and X9 nobody.
 */
const PEOPLE = [
  'employee_id,name,title,manager_id,dotted_line_manager_id,performance_rating',
  'E1,Ada Chief,Chief Executive Officer,,,5',
  'E2,Bea Engineer,VP Engineering,E1,,4',
  'E3,Cal Product,VP Product,E1,,4',
  'E4,Dee Developer,Software Engineer,E2,E3,3',
  'E5,Eve Planner,Product Manager,E3,E2;X9,2',
  'E6,Fay Developer,Software Engineer,E2,E2,3',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!) {
  result: commitImport(organizationName: $org, people: $people) {
    ok snapshotId organizationId
    errors { code }
    warnings { row column value code }
  }
}`;

const DOTTED = `query($id: ID!) {
  position(id: $id) {
    externalId
    dottedLineManagers { id externalId title name vacant inScope }
    dottedLineReports { id externalId title name vacant inScope }
  }
}`;

interface DottedLine {
  id: string;
  externalId: string;
  title: string;
  name: string | null;
  vacant: boolean;
  inScope: boolean;
}

interface DottedAnswer {
  position: { externalId: string; dottedLineManagers: DottedLine[]; dottedLineReports: DottedLine[] } | null;
}

describe('dotted-line managers: imported, stored, served within the caller’s scope (PostgreSQL)', () => {
  let api: TestApp;
  let snapshotId: string;
  let positionId: Record<string, string>;
  let leaderToken: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    const imported = await api.upload<{
      result: { ok: boolean; snapshotId: string; organizationId: string; errors: unknown[]; warnings: unknown[] };
    }>(IMPORT, { org: 'Matrix Co' }, { people: { name: 'people.csv', content: PEOPLE } });
    expect(imported.errors).toBeUndefined();
    const result = imported.data!.result;
    expect(result).toMatchObject({ ok: true, errors: [] });
    expect(result.warnings).toEqual([
      { row: 6, column: 'dotted_line_manager_id', value: 'X9', code: 'UNKNOWN_DOTTED_LINE_MANAGER' },
      { row: 7, column: 'dotted_line_manager_id', value: 'E2', code: 'DOTTED_LINE_IS_MANAGER' },
      // No responsibilities file: said once, and the import goes on.
      expect.objectContaining({ code: 'POSITIONS_WITHOUT_RESPONSIBILITIES' }),
    ]);
    snapshotId = result.snapshotId;
    const positions = await api.graphql<{ positions: { nodes: { id: string; externalId: string }[] } }>(
      'query($s: ID!) { positions(snapshotId: $s, first: 50) { nodes { id externalId } } }',
      { s: snapshotId },
    );
    positionId = Object.fromEntries(positions.data!.positions.nodes.map((node) => [node.externalId, node.id]));

    // Cal (E3) leads product: their subtree is E3 and E5; Dee (E4) answers to them only on a dotted line.
    const accounts = api.app.get(AccountsService);
    const account = await accounts.create(LOCAL_OPERATOR, { email: 'cal@matrix.test', displayName: 'Cal' });
    await accounts.grant(LOCAL_OPERATOR, account.id, result.organizationId, 'LEADER', 'E3');
    leaderToken = (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
  });
  afterAll(() => api?.close());

  it('gives HR both ends of every dotted line the import kept', async () => {
    const cal = await api.graphql<DottedAnswer>(DOTTED, { id: positionId.E3 });
    expect(cal.errors).toBeUndefined();
    expect(cal.data!.position!.dottedLineReports).toEqual([
      {
        id: positionId.E4,
        externalId: 'E4',
        title: 'Software Engineer',
        name: 'Dee Developer',
        vacant: false,
        inScope: true,
      },
    ]);
    expect(cal.data!.position!.dottedLineManagers).toEqual([]);
    const eve = await api.graphql<DottedAnswer>(DOTTED, { id: positionId.E5 });
    expect(eve.data!.position!.dottedLineManagers.map((line) => [line.externalId, line.inScope])).toEqual([['E2', true]]);
    const fay = await api.graphql<DottedAnswer>(DOTTED, { id: positionId.E6 });
    expect(fay.data!.position!.dottedLineManagers).toEqual([]);
  });

  it('shows a leader their dotted-line report outside their subtree as name and title only, read-only', async () => {
    const token = { token: leaderToken };
    const cal = await api.graphql<DottedAnswer>(DOTTED, { id: positionId.E3 }, token);
    expect(cal.errors).toBeUndefined();
    expect(cal.data!.position!.dottedLineReports).toEqual([
      expect.objectContaining({ externalId: 'E4', name: 'Dee Developer', title: 'Software Engineer', inScope: false }),
    ]);
    // Eve is in Cal's subtree; her dotted-line manager Bea is not.
    const eve = await api.graphql<DottedAnswer>(DOTTED, { id: positionId.E5 }, token);
    expect(eve.data!.position!.dottedLineManagers).toEqual([expect.objectContaining({ externalId: 'E2', inScope: false })]);
    // Opening Dee, or asking for her rating, stays refused: the dotted line is no way into her record.
    const dee = await api.graphql<DottedAnswer>(
      'query($id: ID!) { position(id: $id) { externalId assignment { performanceRating } } }',
      { id: positionId.E4 },
      token,
    );
    expect(dee.data?.position ?? null).toBeNull();
    expect(dee.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The dotted-line type has no way to reach ratings, responsibilities or findings at all.
    const sneaky = await api.graphql(
      'query($id: ID!) { position(id: $id) { dottedLineReports { assignment { performanceRating } } } }',
      { id: positionId.E3 },
      token,
    );
    expect(sneaky.errors?.[0]?.message).toMatch(/Cannot query field "assignment" on type "DottedLinePosition"/);
  });

  it('puts dotted-line manager ids on lazy chart cards, only those the caller may see', async () => {
    const query = `query($s: ID!) { orgChartTop(snapshotId: $s, depth: 4) { nodes { id dottedLineManagerIds } } }`;
    const hr = await api.graphql<{ orgChartTop: { nodes: { id: string; dottedLineManagerIds: string[] }[] } }>(query, {
      s: snapshotId,
    });
    expect(hr.errors).toBeUndefined();
    const byId = new Map(hr.data!.orgChartTop.nodes.map((node) => [node.id, node.dottedLineManagerIds]));
    expect(byId.get(positionId.E4)).toEqual([positionId.E3]);
    expect(byId.get(positionId.E5)).toEqual([positionId.E2]);
    expect(byId.get(positionId.E1)).toEqual([]);
    const leader = await api.graphql<{ orgChartTop: { nodes: { id: string; dottedLineManagerIds: string[] }[] } }>(
      query,
      { s: snapshotId },
      { token: leaderToken },
    );
    const leaderNodes = new Map(leader.data!.orgChartTop.nodes.map((node) => [node.id, node.dottedLineManagerIds]));
    expect([...leaderNodes.keys()].sort()).toEqual([positionId.E3, positionId.E5].sort());
    expect(leaderNodes.get(positionId.E5)).toEqual([]);
  });

  it('names the dotted-line managers in the role definition, read from the stored snapshot', async () => {
    const role = await api.graphql<{ roleDefinition: { dottedLineManagers: { employeeId: string; name: string }[] } }>(
      'query($id: ID!) { roleDefinition(positionId: $id) { dottedLineManagers { employeeId name } } }',
      { id: positionId.E4 },
    );
    expect(role.errors).toBeUndefined();
    expect(role.data!.roleDefinition.dottedLineManagers).toEqual([{ employeeId: 'E3', name: 'Cal Product' }]);
  });

  it('loads dotted lines for a whole page of positions in one statement per field', async () => {
    api.queries.length = 0;
    const page = await api.graphql<{ positions: { nodes: { dottedLineManagers: unknown[]; dottedLineReports: unknown[] }[] } }>(
      `query($s: ID!) { positions(snapshotId: $s, first: 50) {
         nodes { dottedLineManagers { id } dottedLineReports { id } } } }`,
      { s: snapshotId },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.positions.nodes).toHaveLength(6);
    expect(api.queries.filter((sql) => sql.includes('position_dotted_line'))).toHaveLength(2);
  });
});
