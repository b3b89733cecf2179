import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AccountsService,
  DEFAULT_TENANT_ID,
  type EmbeddedPostgres,
  LOCAL_OPERATOR,
  OrganizationEntity,
  TenantsService,
  acrossAllTenants,
  lockOrganization,
  startEmbeddedPostgres,
  withRequestTenantScope,
  withTenant,
} from '@rolemap/server-core';
import { writeSnapshot } from '@rolemap/server-imports';
import { type TestApp, resetDatabase, startTestApp, testDatabaseUrl } from '../support/test-app';
import { smallSnapshot } from '../support/snapshot-fixture';

/** One tenant's side of the test: an organization named like the other tenant's, a snapshot and an owner. */
interface TenantWorld {
  tenantId: string;
  token: string;
  organizationId: string;
  snapshotId: string;
  /** Every id of the tenant's rows: none may ever appear in the other tenant's answers. */
  ids: string[];
  positionId: string;
  personName: string;
}

const SAME_NAME = 'Acme';

/**
 * Seeds, in `tenantId`, an owner with an API token and an organization named SAME_NAME with a
 * snapshot written the way imports write it (COPY on PostgreSQL, INSERTs or PGlite's COPY otherwise).
 */
async function seedTenant(api: TestApp, tenantId: string, namePrefix: string): Promise<TenantWorld> {
  const dataSource = api.app.get(DataSource);
  const accounts = api.app.get(AccountsService);
  return withTenant(tenantId, async () => {
    const owner = await accounts.create(LOCAL_OPERATOR, {
      email: `owner-${randomUUID()}@${namePrefix.toLowerCase()}.test.invalid`,
      displayName: `${namePrefix} Owner`,
      owner: true,
    });
    const { token } = await accounts.createApiToken(await accounts.callerOf(owner, 'api-token'), 'tenants spec', 1);
    const organization = await dataSource.getRepository(OrganizationEntity).save({ name: SAME_NAME });
    const data = smallSnapshot(organization.id, 2, 2);
    for (const person of data.people) person.name = `${namePrefix} ${person.name}`;
    await dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organization.id);
      await writeSnapshot(manager, api.database.copyIn ?? !api.database.embedded, data, {
        label: namePrefix,
        asOf: data.asOf,
        sourceFileName: `${namePrefix}.csv`,
        contentHash: `hash-${namePrefix}`,
      });
    });
    return {
      tenantId,
      token,
      organizationId: organization.id,
      snapshotId: data.snapshotId,
      ids: [
        organization.id,
        data.snapshotId,
        owner.id,
        ...data.positions.map((p) => p.id),
        ...data.people.map((p) => p.id),
        ...data.responsibilities.map((r) => r.id),
      ],
      positionId: data.positions[1].id,
      personName: data.people[1].name,
    };
  });
}

/** Every read the web app makes of an organization, with the world's own ids. */
const READS: { name: string; query: string; variables: (w: TenantWorld) => Record<string, unknown> }[] = [
  { name: 'organizations', query: '{ organizations { id name } }', variables: () => ({}) },
  {
    name: 'organization by name',
    query: 'query($n: String) { organization(name: $n) { id name snapshots { id } latestSnapshot { id } } }',
    variables: () => ({ n: SAME_NAME }),
  },
  {
    name: 'positions',
    query: 'query($s: ID!) { positions(snapshotId: $s, first: 500) { totalCount nodes { id title } } }',
    variables: (w) => ({ s: w.snapshotId }),
  },
  { name: 'orgChart', query: 'query($s: ID!) { orgChart(snapshotId: $s) { id name } }', variables: (w) => ({ s: w.snapshotId }) },
  {
    name: 'orgChartSearch',
    query: 'query($s: ID!) { orgChartSearch(snapshotId: $s, query: "Engineer") { totalCount hits { id name } nodes { id } } }',
    variables: (w) => ({ s: w.snapshotId }),
  },
  {
    name: 'findings',
    query: 'query($s: ID!) { findings(snapshotId: $s) { totalCount nodes { key } } }',
    variables: (w) => ({ s: w.snapshotId }),
  },
  {
    name: 'auditLog',
    query: 'query($o: ID!) { auditLog(organizationId: $o, first: 500) { totalCount entries { id target } } }',
    variables: (w) => ({ o: w.organizationId }),
  },
  {
    name: 'subtree',
    query: 'query($p: ID!) { subtree(positionId: $p, depth: 5) { id title } }',
    variables: (w) => ({ p: w.positionId }),
  },
];

/** What the other tenant's ids give a member of this one: for each read, nothing. */
const FOREIGN_READS: {
  name: string;
  query: string;
  variables: (other: TenantWorld) => Record<string, unknown>;
  /** An empty answer instead of an error (the audit log of an organization one cannot see is empty). */
  empty?: unknown;
}[] = [
  {
    name: 'organization',
    query: 'query($id: ID) { organization(id: $id) { id } }',
    variables: (o) => ({ id: o.organizationId }),
  },
  { name: 'snapshot', query: 'query($id: ID!) { snapshot(id: $id) { id } }', variables: (o) => ({ id: o.snapshotId }) },
  {
    name: 'positions',
    query: 'query($s: ID!) { positions(snapshotId: $s) { totalCount nodes { id } } }',
    variables: (o) => ({ s: o.snapshotId }),
  },
  { name: 'position', query: 'query($id: ID!) { position(id: $id) { id title } }', variables: (o) => ({ id: o.positionId }) },
  { name: 'orgChart', query: 'query($s: ID!) { orgChart(snapshotId: $s) { id } }', variables: (o) => ({ s: o.snapshotId }) },
  {
    name: 'auditLog',
    query: 'query($o: ID!) { auditLog(organizationId: $o) { totalCount entries { id } } }',
    variables: (o) => ({ o: o.organizationId }),
    empty: { auditLog: { totalCount: 0, entries: [] } },
  },
  {
    name: 'findings',
    query: 'query($s: ID!) { findings(snapshotId: $s) { totalCount nodes { key } } }',
    variables: (o) => ({ s: o.snapshotId }),
  },
  {
    name: 'analysisSummary',
    query: 'query($s: ID!) { analysisSummary(snapshotId: $s) { __typename } }',
    variables: (o) => ({ s: o.snapshotId }),
  },
  {
    name: 'orgChartTop',
    query: 'query($s: ID!) { orgChartTop(snapshotId: $s) { __typename } }',
    variables: (o) => ({ s: o.snapshotId }),
  },
  {
    name: 'orgChartTop by organization',
    query: 'query($o: ID!) { orgChartTop(organizationId: $o) { snapshotId } }',
    variables: (o) => ({ o: o.organizationId }),
  },
  {
    name: 'classificationQueue',
    query: 'query($s: ID!) { classificationQueue(snapshotId: $s) { __typename } }',
    variables: (o) => ({ s: o.snapshotId }),
  },
  {
    name: 'policy',
    query: 'query($o: ID!) { policy(organizationId: $o) { thresholds { maxLayers } } }',
    variables: (o) => ({ o: o.organizationId }),
  },
  {
    name: 'personData',
    query: 'query($o: ID!) { personData(organizationId: $o, externalId: "E001") }',
    variables: (o) => ({ o: o.organizationId }),
  },
];

/** The isolation checks, on whichever database `start` serves. */
function describeIsolation(label: string, start: () => Promise<TestApp>, stop: () => Promise<void>) {
  describe(`tenants on ${label}: two organizations of the same name, never seen across`, () => {
    let api: TestApp;
    let a: TenantWorld;
    let b: TenantWorld;

    beforeAll(async () => {
      api = await start();
      const tenantB = await api.app.get(TenantsService).add(LOCAL_OPERATOR, `beta-${randomUUID()}`);
      a = await seedTenant(api, DEFAULT_TENANT_ID, 'Alpha');
      b = await seedTenant(api, tenantB.tenant.id, 'Beta');
      // An audited write in each tenant, through the API.
      for (const world of [a, b]) {
        const policy = await api.graphql(
          'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { maxLayers: 7 } }) { thresholds { maxLayers } } }',
          { o: world.organizationId },
          { token: world.token },
        );
        expect(policy.errors).toBeUndefined();
      }
    });
    afterAll(async () => {
      await api?.close();
      await stop();
    });

    it('keeps an organization name unique per tenant, not across them', async () => {
      expect(a.organizationId).not.toEqual(b.organizationId);
      const dataSource = api.app.get(DataSource);
      await expect(
        withTenant(b.tenantId, () => dataSource.query('INSERT INTO organization (name) VALUES ($1)', [SAME_NAME])),
      ).rejects.toThrow(/organization_tenant_name_key/);
    });

    it.each(READS.map((read) => [read.name, read]))('%s as a member of one tenant returns only its rows', async (_name, read) => {
      for (const [own, other] of [
        [a, b],
        [b, a],
      ]) {
        const result = await api.graphql(read.query, read.variables(own), { token: own.token });
        expect(result.errors).toBeUndefined();
        const text = JSON.stringify(result.data);
        for (const id of other.ids) expect(text).not.toContain(id);
        expect(text).not.toContain(other.personName);
      }
      const organizations = await api.graphql<{ organizations: { id: string }[] }>(
        '{ organizations { id } }',
        {},
        { token: a.token },
      );
      expect(organizations.data!.organizations).toEqual([{ id: a.organizationId }]);
    });

    it.each(FOREIGN_READS.map((read) => [read.name, read]))(
      "%s with the other tenant's ids finds nothing, even for an owner (HR admin of every organization)",
      async (_name, read) => {
        const result = await api.graphql(read.query, read.variables(b), { token: a.token });
        const text = JSON.stringify(result.data ?? null);
        for (const id of b.ids) expect(text).not.toContain(id);
        expect(text).not.toContain(b.personName);
        if (read.empty) expect(result).toEqual({ data: read.empty });
        else expect(result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      },
    );

    it("cannot write into the other tenant's organization through the API", async () => {
      const result = await api.graphql(
        'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { maxLayers: 9 } }) { thresholds { maxLayers } } }',
        { o: b.organizationId },
        { token: a.token },
      );
      expect(result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    });

    it("row-level security: raw SQL on the app's own session in tenant A neither reads nor changes tenant B's rows", async () => {
      const dataSource = api.app.get(DataSource);
      const inA = <T>(sql: string, parameters: unknown[] = []) =>
        withTenant(a.tenantId, () => dataSource.query<T>(sql, parameters));

      const [who] = await inA<{ current_user: string; superuser: boolean }[]>(
        'SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser',
      );
      expect(who).toEqual({ current_user: 'rolemap_app', superuser: false });

      // Reads with B's ids, and without any filter at all.
      expect(await inA('SELECT id FROM organization WHERE id = $1', [b.organizationId])).toEqual([]);
      expect(await inA('SELECT id FROM org_snapshot WHERE id = $1', [b.snapshotId])).toEqual([]);
      for (const table of ['position', 'person', 'assignment', 'responsibility']) {
        expect(await inA(`SELECT * FROM ${table} WHERE snapshot_id = $1`, [b.snapshotId])).toEqual([]);
      }
      const everything = JSON.stringify(
        await inA(`SELECT (SELECT json_agg(o) FROM organization o) AS o, (SELECT json_agg(s) FROM org_snapshot s) AS s,
                          (SELECT json_agg(p) FROM position p) AS p, (SELECT json_agg(r) FROM responsibility r) AS r,
                          (SELECT json_agg(x) FROM person x) AS x, (SELECT json_agg(l) FROM audit_log l) AS l,
                          (SELECT json_agg(m) FROM memberships m) AS m, (SELECT json_agg(c) FROM accounts c) AS c,
                          (SELECT json_agg(t) FROM tenant t) AS t, (SELECT json_agg(k) FROM api_tokens k) AS k`),
      );
      for (const id of [...b.ids, b.tenantId]) expect(everything).not.toContain(id);
      expect(everything).toContain(a.organizationId);

      // Writes: updates and deletes match nothing; inserts into B's organization are refused.
      const [, updated] = await inA<[unknown[], number]>("UPDATE position SET title = 'taken over' WHERE snapshot_id = $1", [
        b.snapshotId,
      ]);
      expect(updated).toBe(0);
      const [, deleted] = await inA<[unknown[], number]>('DELETE FROM organization WHERE id = $1', [b.organizationId]);
      expect(deleted).toBe(0);
      await expect(
        inA("INSERT INTO finding_review (organization_id, finding_key, status, note) VALUES ($1, 'x', 'DISMISSED', 'planted')", [
          b.organizationId,
        ]),
      ).rejects.toThrow(/row-level security/);
      await expect(inA('UPDATE organization SET tenant_id = $1 WHERE id = $2', [b.tenantId, a.organizationId])).rejects.toThrow(
        /row-level security/,
      );

      // A request whose caller is not known yet sees no tenant's rows at all.
      expect(await withRequestTenantScope(() => dataSource.query('SELECT id FROM organization'))).toEqual([]);

      // B's rows are all still there, unchanged (read as the database's owner).
      const [intact] = await acrossAllTenants(() =>
        dataSource.query(
          'SELECT count(*)::int AS n, count(*) FILTER (WHERE title = $2)::int AS taken FROM position WHERE snapshot_id = $1',
          [b.snapshotId, 'taken over'],
        ),
      );
      expect(intact).toEqual({ n: 7, taken: 0 });
      const owned = await acrossAllTenants(() =>
        dataSource.query('SELECT tenant_id FROM organization WHERE id = $1', [b.organizationId]),
      );
      expect(owned).toEqual([{ tenant_id: b.tenantId }]);
    });

    it('sees every tenant only through acrossAllTenants', async () => {
      const dataSource = api.app.get(DataSource);
      const names: { id: string }[] = await acrossAllTenants(() =>
        dataSource.query('SELECT id FROM organization WHERE name = $1 ORDER BY id', [SAME_NAME]),
      );
      expect(names.map((row) => row.id).sort()).toEqual([a.organizationId, b.organizationId].sort());
    });
  });
}

describeIsolation(
  'PostgreSQL',
  async () => {
    await resetDatabase();
    return startTestApp({ url: testDatabaseUrl(), embedded: false });
  },
  async () => undefined,
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-tenants-'));
let embedded: EmbeddedPostgres | undefined;
describeIsolation(
  'the embedded database (PGlite)',
  async () => {
    embedded = await startEmbeddedPostgres(dataDir);
    return startTestApp({ url: embedded.url, embedded: true, copyIn: embedded.copyIn });
  },
  async () => {
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
);
