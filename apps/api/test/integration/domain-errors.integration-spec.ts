import { startTestAppWithDemo, type TestApp } from '../support/test-app';

/** Services throw DomainError whoever calls them; GraphQL and REST each answer with its code. */
describe('domain errors through GraphQL and REST (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;

  beforeAll(async () => {
    ({ api, organizationId, snapshotId } = await startTestAppWithDemo());
  });
  afterAll(() => api?.close());

  it('answers NOT_FOUND, with the message, for a review of a finding the snapshot does not have', async () => {
    const result = await api.graphql(
      'mutation($s: ID!) { reviewFinding(snapshotId: $s, key: "no-such-finding", status: ACCEPTED) { key } }',
      { s: snapshotId },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'No finding with key no-such-finding in this snapshot',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('answers BAD_USER_INPUT for an invalid cursor and an empty organization name', async () => {
    const cursor = await api.graphql('query($s: ID!) { positions(snapshotId: $s, after: "_w") { totalCount } }', {
      s: snapshotId,
    });
    expect(cursor.errors?.[0]).toMatchObject({ message: 'Invalid cursor', extensions: { code: 'BAD_USER_INPUT' } });
    const name = await api.graphql('mutation { createOrganization(name: "   ") { id } }');
    expect(name.errors?.[0]).toMatchObject({
      message: 'An organization needs a name',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers HTTP 404 with the message when a report names a position the snapshot does not have', async () => {
    const response = await fetch(
      `${api.url}/api/organizations/${organizationId}/reports/role?format=md&snapshotId=${snapshotId}&positionId=00000000-0000-0000-0000-000000000000`,
      { headers: api.authorized() },
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      statusCode: 404,
      message: expect.stringMatching(/No position 00000000-0000-0000-0000-000000000000/),
    });
  });

  it('answers HTTP 404 for a snapshot id that does not exist', async () => {
    const response = await fetch(
      `${api.url}/api/organizations/${organizationId}/reports/summary?format=md&snapshotId=00000000-0000-0000-0000-000000000000`,
      { headers: api.authorized() },
    );
    expect(response.status).toBe(404);
    expect((await response.json()).message).toMatch(/No snapshot with id/);
  });
});
