import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@rolemap/server-core';
import { schemaText } from '../../src/schema/print-schema';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';
import { seedSmallOrganization } from '../support/snapshot-fixture';

describe('GraphQL API on PostgreSQL', () => {
  let api: TestApp;
  let seeded: Awaited<ReturnType<typeof seedSmallOrganization>>;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    seeded = await seedSmallOrganization(api.app.get(DataSource), 'Foundation Co', true);
  });
  afterAll(() => api?.close());

  it('lists organizations with their snapshots', async () => {
    const result = await api.graphql<{
      organizations: { name: string; snapshots: { version: number; peopleCount: number }[] }[];
    }>('{ organizations { name snapshots { version peopleCount } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.organizations).toEqual([{ name: 'Foundation Co', snapshots: [{ version: 1, peopleCount: 16 }] }]);
  });

  it('finds one organization by name and by id', async () => {
    const byName = await api.graphql<{ organization: { id: string } }>('query($n: String) { organization(name: $n) { id } }', {
      n: 'Foundation Co',
    });
    expect(byName.data?.organization.id).toBe(seeded.organization.id);
    const byId = await api.graphql<{ organization: { name: string; latestSnapshot: { id: string } } }>(
      'query($id: ID) { organization(id: $id) { name latestSnapshot { id } } }',
      { id: seeded.organization.id },
    );
    expect(byId.data?.organization).toEqual({ name: 'Foundation Co', latestSnapshot: { id: seeded.snapshot.id } });
  });

  it('pages through positions with a cursor, without gaps or repeats', async () => {
    const query = `query($s: ID!, $after: String) { positions(snapshotId: $s, first: 5, after: $after) {
      totalCount nodes { externalId } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: {
        data?: {
          positions: {
            totalCount: number;
            nodes: { externalId: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      } = await api.graphql(query, { s: seeded.snapshot.id, after });
      const positions = result.data!.positions;
      expect(positions.totalCount).toBe(16);
      seen.push(...positions.nodes.map((node) => node.externalId));
      if (!positions.pageInfo.hasNextPage) break;
      after = positions.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seeded.data.positions.map((p) => p.externalId)].sort());
  });

  it('rejects a page size outside 1-500 with a validation error', async () => {
    const result = await api.graphql('query($s: ID!) { positions(snapshotId: $s, first: 5000) { totalCount } }', {
      s: seeded.snapshot.id,
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns a person with their position and assignment', async () => {
    const result = await api.graphql<{
      person: {
        name: string;
        position: { title: string; reportsTo: { title: string } };
        assignment: { performanceRating: number };
      };
    }>(
      'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { name position { title reportsTo { title } } assignment { performanceRating } } }',
      { s: seeded.snapshot.id, e: 'E111' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.person).toEqual({
      name: 'Engineer 1.1',
      position: { title: 'Software Engineer', reportsTo: { title: 'Engineering Manager' } },
      assignment: { performanceRating: 4 },
    });
  });

  it('keeps text with tabs, newlines and backslashes intact through COPY', async () => {
    const result = await api.graphql<{ person: { position: { responsibilities: { description: string | null }[] } } }>(
      'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { position { responsibilities { description } } } }',
      { s: seeded.snapshot.id, e: 'E001' },
    );
    expect(result.data?.person.position.responsibilities.map((r) => r.description)).toContain(
      'tab\there, newline\nthere, back\\slash',
    );
  });

  it('returns a subtree to a given depth', async () => {
    const ceo = seeded.data.positions[0];
    const result = await api.graphql<{ subtree: { externalId: string }[] }>(
      'query($id: ID!, $d: Int!) { subtree(positionId: $id, depth: $d) { externalId } }',
      { id: ceo.id, d: 1 },
    );
    expect(result.data?.subtree.map((p) => p.externalId)).toEqual(['E001', 'E110', 'E120', 'E130']);
    const full = await api.graphql<{ subtree: unknown[] }>('query($id: ID!) { subtree(positionId: $id, depth: 5) { id } }', {
      id: ceo.id,
    });
    expect(full.data?.subtree).toHaveLength(16);
  });

  it('batches a nested tree query into a bounded number of SQL statements', async () => {
    const ceo = seeded.data.positions[0];
    const tree = `query($id: ID!) { position(id: $id) { title tier holder { name } responsibilities { title valueLevel }
      directReports { title tier mix { tacticalGap } holder { name } responsibilities { title valueLevel }
        directReports { title tier mix { tacticalGap } holder { name } responsibilities { title valueLevel } } } } }`;
    api.queries.length = 0;
    const result = await api.graphql<{ position: { directReports: { directReports: unknown[] }[] } }>(tree, { id: ceo.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.position.directReports.flatMap((m) => m.directReports)).toHaveLength(12);
    // 16 positions × 5 fields would be 80+ statements without batching; with DataLoader it is a few
    // per level, plus one load of the snapshot's analysis (tiers, mixes) for the whole request,
    // plus two per request however large it is: the caller's credential and the organization it asks about.
    // Transaction control is not counted: each COPY read of the snapshot runs in a transaction of its
    // own because the tenant scope is set per transaction (tenant-scope.ts).
    const statements = api.queries.filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(sql.trim()));
    expect(statements.length).toBeLessThanOrEqual(24 + 2);
  });

  it('serves exactly the committed schema.gql (run `npm run schema` after changing resolvers)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../schema.gql'), 'utf8');
    expect(schemaText(api.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('reports health with the database it reached', async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'postgresql', migrations: MIGRATIONS.length });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await api.graphql('{ snapshot(id: "00000000-0000-0000-0000-000000000000") { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
