import { DEMO_CAST } from '@rolemap/demo-data';
import { DataSource } from 'typeorm';
import { type TestApp, startTestAppWithDemo } from '../support/test-app';

const ROLE = `query($id: ID!) { roleDefinition(positionId: $id) {
  title purpose { text status appliesTo setBy } manager { name } directReports totalReports
  keyAccountabilities { level items { title sharePct } } decisionRights { level right }
  handDown { responsibility delegate { name } } takeOn { level } } }`;
const SET = `mutation($input: SetRolePurposeInput!) { setRolePurpose(input: $input) { purpose { text status appliesTo } } }`;

describe('role purposes (GraphQL)', () => {
  let app: TestApp;
  let organizationId: string;
  const positionId: Record<string, string> = {};

  beforeAll(async () => {
    const demo = await startTestAppWithDemo();
    app = demo.api;
    organizationId = demo.organizationId;
    const page = await app.graphql<{ positions: { nodes: { id: string; externalId: string }[] } }>(
      'query($s: ID!) { positions(snapshotId: $s, first: 500) { nodes { id externalId } } }',
      { s: demo.snapshotId },
    );
    for (const node of page.data!.positions.nodes) positionId[node.externalId] = node.id;
    positionId.director = positionId[DEMO_CAST.promotedDirector];
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('gives a draft purpose until HR writes one, with decision rights, line and span', async () => {
    const result = await app.graphql(ROLE, { id: positionId.director });
    expect(result.errors).toBeUndefined();
    const role = result.data!.roleDefinition as Record<string, any>;
    expect(role.purpose.status).toBe('DRAFT');
    expect(role.decisionRights.length).toBeGreaterThan(0);
    expect(role.totalReports).toBeGreaterThanOrEqual(role.directReports);
  });

  it('lets an HR admin write a purpose for the title, audited, and keeps it for every position with that title', async () => {
    const text = 'Leads the team that builds the product, and grows its people.';
    const set = await app.graphql(SET, { input: { positionId: positionId.director, appliesTo: 'TITLE', text } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setRolePurpose).toEqual({ purpose: { text, status: 'WRITTEN', appliesTo: 'TITLE' } });

    const dataSource = app.app.get(DataSource);
    const audit = await dataSource.query(
      `SELECT action, target, details FROM audit_log WHERE action = 'role-purpose' AND organization_id = $1`,
      [organizationId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ appliesTo: 'TITLE', cleared: false });

    // A post's own purpose wins over its title's; an empty text goes back to the title's.
    await app.graphql(SET, { input: { positionId: positionId.director, appliesTo: 'POSITION', text: 'Only this post.' } });
    expect(((await app.graphql(ROLE, { id: positionId.director })).data!.roleDefinition as any).purpose.text).toBe(
      'Only this post.',
    );
    await app.graphql(SET, { input: { positionId: positionId.director, appliesTo: 'POSITION', text: '  ' } });
    expect(((await app.graphql(ROLE, { id: positionId.director })).data!.roleDefinition as any).purpose.text).toBe(text);
  });

  it('prints the written purpose in the role report', async () => {
    const response = await fetch(
      `${app.url}/api/organizations/${organizationId}/reports/role?format=md&employeeId=${DEMO_CAST.promotedDirector}`,
      { headers: app.authorized() },
    );
    expect(response.status).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain('### Purpose\n\nLeads the team that builds the product, and grows its people.');
    expect(markdown).toContain('### Decision rights');
  });

  it('refuses a purpose over the limit naming the field, and changes nothing', async () => {
    const result = await app.graphql(SET, {
      input: { positionId: positionId.director, appliesTo: 'TITLE', text: 'x'.repeat(2_001) },
    });
    expect(result.errors?.[0].message).toMatch(/text: .*2000 characters/);
    const role = (await app.graphql(ROLE, { id: positionId.director })).data!.roleDefinition as any;
    expect(role.purpose.text).toBe('Leads the team that builds the product, and grows its people.');
  });
});
