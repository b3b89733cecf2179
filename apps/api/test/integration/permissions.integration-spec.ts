import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@rolemap/domain';
import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { type GraphqlResult, type TestApp, resetDatabase, startTestApp } from '../support/test-app';
import { seedSmallOrganization } from '../support/snapshot-fixture';

type Who = OrganizationRole | 'OUTSIDER' | 'ANONYMOUS';

/**
 * The small chart: CEO E001; managers E110, E120, E130; engineers E111-E114 under E110 and so on.
 * The leader is E110 (their subtree: 5 positions), the employee E111.
 */
interface World {
  organizationId: string;
  snapshotId: string;
  otherSnapshotId: string;
  positionId: Record<string, string>;
  personId: Record<string, string>;
  findingKeyIn: string;
  findingKeyOutside: string;
}

interface Operation {
  query: string;
  variables: (world: World) => Record<string, unknown>;
  /** Roles of the organization that may run it; an outsider never may. */
  allowed: readonly OrganizationRole[] | 'PUBLIC' | 'SIGNED_IN';
  upload?: boolean;
  /** The error code an allowed caller gets when the arguments name nothing (past the guard, in the service). */
  allowedAnswer?: string;
}

const EVERY: readonly OrganizationRole[] = ORGANIZATION_ROLES;
const PEOPLE_CSV =
  'employee_id,name,title,manager_id\nE001,Ada Chief,Chief Executive Officer,\nE110,Manager 1,Engineering Manager,E001\n';

/** Every query and mutation of the schema, with who may run it. A new operation without a row fails the first test. */
const OPERATIONS: Record<string, Operation> = {
  me: { query: '{ me { displayName } }', variables: () => ({}), allowed: 'PUBLIC' },
  apiTokens: { query: '{ apiTokens { id } }', variables: () => ({}), allowed: 'SIGNED_IN' },
  organizations: { query: '{ organizations { id } }', variables: () => ({}), allowed: 'SIGNED_IN' },
  organization: {
    query: 'query($id: ID) { organization(id: $id) { id } }',
    variables: (w) => ({ id: w.organizationId }),
    allowed: EVERY,
  },
  snapshot: { query: 'query($id: ID!) { snapshot(id: $id) { id } }', variables: (w) => ({ id: w.snapshotId }), allowed: EVERY },
  positions: {
    query: 'query($s: ID!) { positions(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  position: {
    query: 'query($id: ID!) { position(id: $id) { id } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: EVERY,
  },
  subtree: {
    query: 'query($id: ID!) { subtree(positionId: $id) { id } }',
    variables: (w) => ({ id: w.positionId.E111 }),
    allowed: EVERY,
  },
  person: { query: 'query($id: ID) { person(id: $id) { name } }', variables: (w) => ({ id: w.personId.E111 }), allowed: EVERY },
  orgChart: {
    query: 'query($s: ID!) { orgChart(snapshotId: $s) { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartTop: {
    query: 'query($s: ID!) { orgChartTop(snapshotId: $s) { nodes { id } } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartChildren: {
    query: 'query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId, p: w.positionId.E111 }),
    allowed: EVERY,
  },
  orgChartSearch: {
    query: 'query($s: ID!) { orgChartSearch(snapshotId: $s, query: "Engineer") { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  orgChartReveal: {
    query: 'query($s: ID!, $p: ID!) { orgChartReveal(snapshotId: $s, positionIds: [$p]) { id } }',
    variables: (w) => ({ s: w.snapshotId, p: w.positionId.E111 }),
    allowed: EVERY,
  },
  orgChartLeaders: {
    query: 'query($s: ID!) { orgChartLeaders(snapshotId: $s) { id } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: EVERY,
  },
  classificationQueue: {
    query: 'query($s: ID!) { classificationQueue(snapshotId: $s) { groupCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN'],
  },
  confirmValueLevels: {
    query: 'mutation($s: ID!) { confirmValueLevels(snapshotId: $s, confirmations: []) { confirmed } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'BAD_USER_INPUT',
  },
  auditLog: {
    query: 'query($o: ID!) { auditLog(organizationId: $o) { totalCount } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  personData: {
    query: 'query($o: ID!) { personData(organizationId: $o, externalId: "E111") }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  erasePerson: {
    // Nobody has this id: HR admins get NOT_FOUND (and nobody is erased), everyone else is refused first.
    query: 'mutation($o: ID!) { erasePerson(organizationId: $o, externalId: "NOBODY") { auditEntriesRedacted } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
    allowedAnswer: 'NOT_FOUND',
  },
  policy: {
    query: 'query($o: ID!) { policy(organizationId: $o) { thresholds { spanMax } } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: EVERY,
  },
  findings: {
    query: 'query($s: ID!) { findings(snapshotId: $s) { totalCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  analysisSummary: {
    query: 'query($s: ID!) { analysisSummary(snapshotId: $s) { findingCount } }',
    variables: (w) => ({ s: w.snapshotId }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  snapshotDiff: {
    query: 'query($a: ID!, $b: ID!) { snapshotDiff(fromSnapshotId: $a, toSnapshotId: $b) { joiners { name } } }',
    variables: (w) => ({ a: w.snapshotId, b: w.snapshotId }),
    allowed: ['HR_ADMIN'],
  },
  createApiToken: {
    query: 'mutation { createApiToken(name: "t", days: 1) { token } }',
    variables: () => ({}),
    allowed: 'SIGNED_IN',
  },
  revokeApiToken: {
    // Nobody owns this token: every signed-in caller gets NOT_FOUND, the anonymous UNAUTHENTICATED.
    query: 'mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") }',
    variables: () => ({}),
    allowed: 'SIGNED_IN',
    allowedAnswer: 'NOT_FOUND',
  },
  reviewFinding: {
    query: 'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED, note: "ok") { key } }',
    variables: (w) => ({ s: w.snapshotId, k: w.findingKeyIn }),
    allowed: ['HR_ADMIN', 'LEADER'],
  },
  gradeTiers: {
    query: 'query($o: ID!) { gradeTiers(organizationId: $o) { grade tier source } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setGradeTiers: {
    query:
      'mutation($o: ID!) { setGradeTiers(organizationId: $o, input: { grades: [{ grade: "G7", tier: MANAGER }] }) { grade tier } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  updatePolicy: {
    query:
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: 9 } }) { thresholds { spanMax } } }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setTierOverride: {
    query: 'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "E111", tier: IC) }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  setValueLevelOverride: {
    query:
      'mutation($o: ID!) { setValueLevelOverride(organizationId: $o, employeeId: "E111", responsibility: "Build features", valueLevel: IMPLEMENTATION) }',
    variables: (w) => ({ o: w.organizationId }),
    allowed: ['HR_ADMIN'],
  },
  createOrganization: {
    query: 'mutation { createOrganization(name: "Acme") { id } }',
    variables: () => ({}),
    allowed: ['HR_ADMIN'],
  },
  previewImport: {
    query: 'mutation($people: Upload!) { previewImport(organizationName: "Acme", people: $people) { ok } }',
    variables: () => ({ people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
  commitImport: {
    query:
      'mutation($people: Upload!) { commitImport(organizationName: "Acme", people: $people, options: { asOf: "2020-01-01" }) { ok } }',
    variables: () => ({ people: null }),
    allowed: ['HR_ADMIN'],
    upload: true,
  },
};

const WHO: readonly Who[] = [...ORGANIZATION_ROLES, 'OUTSIDER', 'ANONYMOUS'];

function mayRun(operation: Operation, who: Who): boolean {
  if (operation.allowed === 'PUBLIC') return true;
  if (who === 'ANONYMOUS') return false;
  if (operation.allowed === 'SIGNED_IN') return true;
  return who !== 'OUTSIDER' && operation.allowed.includes(who);
}

describe('who may do what: every operation for every role, the leader scope and sensitive fields (PostgreSQL)', () => {
  let api: TestApp;
  let world: World;
  const tokens = {} as Record<Who, string | null>;

  const as = <T = Record<string, any>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { token: tokens[who] });

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    const dataSource = api.app.get(DataSource);
    const { organization, snapshot, data } = await seedSmallOrganization(dataSource, 'Acme', true);
    const other = await seedSmallOrganization(dataSource, 'Other Co', true);
    const accounts = api.app.get(AccountsService);
    const people: Record<Who, string | null> = {
      HR_ADMIN: null,
      LEADER: 'E110',
      EMPLOYEE: 'E111',
      VIEWER: null,
      OUTSIDER: null,
      ANONYMOUS: null,
    };
    for (const who of WHO) {
      if (who === 'ANONYMOUS') {
        tokens[who] = null;
        continue;
      }
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${who.toLowerCase()}@acme.test`, displayName: who });
      if (who !== 'OUTSIDER') await accounts.grant(LOCAL_OPERATOR, account.id, organization.id, who, people[who]);
      tokens[who] = (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
    }
    const positionId = Object.fromEntries(data.positions.map((p) => [p.externalId, p.id]));
    const personId = Object.fromEntries(data.people.map((p) => [p.employeeId, p.id]));
    const findings = await api.graphql<{ findings: { nodes: { key: string; employeeId: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s) { nodes { key employeeId } } }',
      { s: snapshot.id },
    );
    const nodes = findings.data!.findings.nodes;
    const inLeaderTree = new Set(['E110', 'E111', 'E112', 'E113', 'E114']);
    world = {
      organizationId: organization.id,
      snapshotId: snapshot.id,
      otherSnapshotId: other.snapshot.id,
      positionId,
      personId,
      findingKeyIn: nodes.find((node) => inLeaderTree.has(node.employeeId))!.key,
      findingKeyOutside: nodes.find((node) => !inLeaderTree.has(node.employeeId))!.key,
    };
  });
  afterAll(() => api?.close());

  it('has a rule for every query and mutation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    expect(Object.keys(OPERATIONS).sort()).toEqual(operations.sort());
  });

  const cases = Object.keys(OPERATIONS).flatMap((name) => WHO.map((who) => [name, who] as const));
  it.each(cases)('%s as %s: allowed or refused as the rules say', async (name, who) => {
    const operation = OPERATIONS[name];
    const result: GraphqlResult<unknown> = operation.upload
      ? await api.upload(
          operation.query,
          operation.variables(world),
          { people: { name: 'people.csv', content: PEOPLE_CSV } },
          { token: tokens[who] },
        )
      : await as(who, operation.query, operation.variables(world));
    const code = result.errors?.[0]?.extensions?.code;
    if (!mayRun(operation, who)) {
      expect(code).toBe(who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    } else if (operation.allowedAnswer) {
      expect(code).toBe(operation.allowedAnswer);
    } else {
      expect(result.errors).toBeUndefined();
    }
  });

  it('shows a leader their own subtree and nothing above or beside it, whichever query asks', async () => {
    const w = world;
    const page = await as(
      'LEADER',
      'query($s: ID!) { positions(snapshotId: $s, first: 100) { totalCount nodes { externalId } } }',
      {
        s: w.snapshotId,
      },
    );
    expect(page.data?.positions.totalCount).toBe(5);
    expect(page.data?.positions.nodes.map((n: { externalId: string }) => n.externalId).sort()).toEqual([
      'E110',
      'E111',
      'E112',
      'E113',
      'E114',
    ]);
    const ceo = await as('LEADER', 'query($id: ID!) { position(id: $id) { id } }', { id: w.positionId.E001 });
    expect(ceo.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const peer = await as('LEADER', 'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { name } }', {
      s: w.snapshotId,
      e: 'E121',
    });
    expect(peer.data).toEqual({ person: null });
    expect(
      (await as('LEADER', 'query($id: ID) { person(id: $id) { name } }', { id: w.personId.E121 })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    // Walking up from the leader's own position stops at the edge of the scope.
    const up = await as('LEADER', 'query($id: ID!) { position(id: $id) { reportsTo { id } directReports { externalId } } }', {
      id: w.positionId.E110,
    });
    expect(up.data?.position.reportsTo).toBeNull();
    expect(up.data?.position.directReports).toHaveLength(4);
    const chart = await as('LEADER', 'query($s: ID!) { orgChart(snapshotId: $s) { employeeId parentId } }', { s: w.snapshotId });
    expect(chart.data?.orgChart).toHaveLength(5);
    expect(chart.data?.orgChart.find((n: { employeeId: string }) => n.employeeId === 'E110').parentId).toBeNull();
    const findings = await as('LEADER', 'query($s: ID!) { findings(snapshotId: $s) { nodes { employeeId } } }', {
      s: w.snapshotId,
    });
    for (const node of findings.data?.findings.nodes ?? [])
      expect(['E110', 'E111', 'E112', 'E113', 'E114']).toContain(node.employeeId);
    // Asking for another leader's subtree gives nothing of it.
    const otherLeader = await as(
      'LEADER',
      'query($s: ID!, $l: ID) { findings(snapshotId: $s, filter: { leaderPositionId: $l }) { totalCount } }',
      {
        s: w.snapshotId,
        l: w.positionId.E120,
      },
    );
    expect(otherLeader.data?.findings.totalCount).toBe(0);
    const review = await as(
      'LEADER',
      'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: DISMISSED) { key } }',
      {
        s: w.snapshotId,
        k: w.findingKeyOutside,
      },
    );
    expect(review.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Within their subtree a leader sees ratings.
    const rating = await as('LEADER', 'query($id: ID!) { position(id: $id) { assignment { performanceRating } } }', {
      id: w.positionId.E111,
    });
    expect(rating.data?.position.assignment.performanceRating).toBe(4);
  });

  it("opens the lazy chart at a leader's own post and never beyond their subtree", async () => {
    const w = world;
    const subtree = ['E110', 'E111', 'E112', 'E113', 'E114'];
    const top = await as('LEADER', 'query($s: ID!) { orgChartTop(snapshotId: $s, depth: 4) { nodes { employeeId parentId } } }', {
      s: w.snapshotId,
    });
    const nodes: { employeeId: string; parentId: string | null }[] = top.data?.orgChartTop.nodes ?? [];
    expect(nodes.map((node) => node.employeeId).sort()).toEqual(subtree);
    expect(nodes.find((node) => node.employeeId === 'E110')?.parentId).toBeNull();
    const above = await as(
      'LEADER',
      'query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p) { totalCount } }',
      {
        s: w.snapshotId,
        p: w.positionId.E001,
      },
    );
    expect(above.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const rooted = await as(
      'LEADER',
      'query($s: ID!, $r: ID) { orgChartTop(snapshotId: $s, rootPositionId: $r) { nodes { id } } }',
      {
        s: w.snapshotId,
        r: w.positionId.E120,
      },
    );
    expect(rooted.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const search = await as(
      'LEADER',
      'query($s: ID!) { orgChartSearch(snapshotId: $s, query: "E", first: 100) { totalCount hits { employeeId } nodes { employeeId } } }',
      { s: w.snapshotId },
    );
    for (const node of [...(search.data?.orgChartSearch.hits ?? []), ...(search.data?.orgChartSearch.nodes ?? [])]) {
      expect(subtree).toContain(node.employeeId);
    }
    const reveal = await as(
      'LEADER',
      'query($s: ID!, $p: [ID!]!) { orgChartReveal(snapshotId: $s, positionIds: $p) { employeeId } }',
      {
        s: w.snapshotId,
        p: [w.positionId.E121, w.positionId.E112],
      },
    );
    for (const node of reveal.data?.orgChartReveal ?? []) expect(subtree).toContain(node.employeeId);
    const leaders = await as('LEADER', 'query($s: ID!) { orgChartLeaders(snapshotId: $s) { id } }', { s: w.snapshotId });
    expect(leaders.data?.orgChartLeaders).toEqual([{ id: w.positionId.E110 }]);
  });

  it('shows an employee their own role only, without their rating or findings', async () => {
    const page = await as(
      'EMPLOYEE',
      'query($s: ID!) { positions(snapshotId: $s) { totalCount nodes { externalId assignment { performanceRating } findings { key } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(page.data?.positions).toEqual({
      totalCount: 1,
      nodes: [{ externalId: 'E111', assignment: { performanceRating: null }, findings: [] }],
    });
    const subtree = await as('EMPLOYEE', 'query($id: ID!) { subtree(positionId: $id) { id } }', { id: world.positionId.E111 });
    expect(subtree.data?.subtree).toHaveLength(1);
    expect(
      (await as('EMPLOYEE', 'query($id: ID!) { position(id: $id) { id } }', { id: world.positionId.E110 })).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
  });

  it('shows a viewer the whole chart without ratings, findings or pigeonholing flags', async () => {
    const page = await as(
      'VIEWER',
      'query($s: ID!) { positions(snapshotId: $s, first: 100) { totalCount nodes { holder { assignment { performanceRating } } findings { key } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(page.data?.positions.totalCount).toBe(16);
    for (const node of page.data?.positions.nodes ?? []) {
      expect(node.holder.assignment.performanceRating).toBeNull();
      expect(node.findings).toEqual([]);
    }
    const chart = await as('VIEWER', 'query($s: ID!) { orgChart(snapshotId: $s) { badges openFindings } }', {
      s: world.snapshotId,
    });
    expect(chart.data?.orgChart).toHaveLength(16);
    for (const node of chart.data?.orgChart ?? []) expect(node).toEqual({ badges: [], openFindings: 0 });
    const lazy = await as(
      'VIEWER',
      'query($s: ID!) { orgChartTop(snapshotId: $s, depth: 4) { nodes { badges openFindings subtreeFindings subtreeBadges } } }',
      { s: world.snapshotId },
    );
    expect(lazy.data?.orgChartTop.nodes).toHaveLength(16);
    for (const node of lazy.data?.orgChartTop.nodes ?? []) {
      expect(node).toEqual({ badges: [], openFindings: 0, subtreeFindings: 0, subtreeBadges: [] });
    }
    // The HR admin sees the same fields filled in.
    const hr = await as(
      'HR_ADMIN',
      'query($s: ID!) { orgChart(snapshotId: $s) { openFindings } positions(snapshotId: $s, first: 100) { nodes { assignment { performanceRating } } } }',
      {
        s: world.snapshotId,
      },
    );
    expect(hr.data?.orgChart.some((node: { openFindings: number }) => node.openFindings > 0)).toBe(true);
    expect(
      hr.data?.positions.nodes.every(
        (node: { assignment: { performanceRating: number } }) => node.assignment.performanceRating === 4,
      ),
    ).toBe(true);
  });

  it('keeps each organization to its own members', async () => {
    const crossing = await as('HR_ADMIN', 'query($s: ID!) { positions(snapshotId: $s) { totalCount } }', {
      s: world.otherSnapshotId,
    });
    expect(crossing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('HR_ADMIN', '{ organizations { name } }')).data).toEqual({ organizations: [{ name: 'Acme' }] });
    expect((await as('OUTSIDER', '{ organizations { name } }')).data).toEqual({ organizations: [] });
    const creating = await as('HR_ADMIN', 'mutation { createOrganization(name: "Brand New Co") { id } }');
    expect(creating.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/owner/) });
    expect((await api.graphql('{ organizations { name } }')).data?.organizations).toEqual([
      { name: 'Acme' },
      { name: 'Other Co' },
    ]);
  });

  it.each<[Who, string, number]>([
    ['HR_ADMIN', 'summary?format=md', 200],
    ['LEADER', 'delegation?format=md&employeeId=E110', 200],
    ['LEADER', 'role?format=md&employeeId=E111', 200],
    ['LEADER', 'role?format=md&employeeId=E121', 404],
    ['LEADER', 'summary?format=md', 403],
    ['EMPLOYEE', 'role?format=md&employeeId=E111', 403],
    ['VIEWER', 'summary?format=md', 403],
    ['OUTSIDER', 'summary?format=md', 403],
    ['ANONYMOUS', 'summary?format=md', 401],
  ])('report download as %s (%s) answers %i', async (who, path, status) => {
    const token = tokens[who];
    const response = await fetch(`${api.url}/api/organizations/${world.organizationId}/reports/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.status).toBe(status);
  });
});
