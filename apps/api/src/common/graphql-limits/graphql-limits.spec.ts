import { DEFAULT_GRAPHQL_LIMITS } from '@rolemap/server-core';
import {
  aliasedOrgChartsQuery,
  aliasedPositionPagesQuery,
  fragmentBombQuery,
  nestedReportsQuery,
} from './testing/attack-queries';
import { type LimitsServer, startLimitsServer } from './testing/limits-server';

const ID = '0195f3a4-5b6c-7d8e-9f01-23456789abcd';

describe('GraphQL request limits (Apollo with the API settings)', () => {
  let server: LimitsServer;
  beforeAll(async () => {
    server = await startLimitsServer();
  });
  afterAll(() => server.stop());

  it('refuses the six-deep directReports/reportsTo query (275 bytes) by depth and by cost', async () => {
    const query = nestedReportsQuery(ID);
    expect(query.length).toBeLessThan(300);
    const { errors, ms } = await server.run(query);
    expect(errors.map((error) => error.message)).toContain(
      `The query is nested 14 fields deep; the limit is ${DEFAULT_GRAPHQL_LIMITS.maxDepth}.`,
    );
    expect(errors[0].code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a nesting within the depth limit when its lists multiply past the cost budget', async () => {
    // Depth 7, but 10 direct reports per level: 10^3 positions, each with 10 responsibilities.
    const query = `{ position(id: "${ID}") { directReports { directReports { directReports { responsibilities { id title sharePct valueLevel classification { level } } } } } } }`;
    const { errors } = await server.run(query);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'QUERY_TOO_COMPLEX',
        message: expect.stringMatching(/about 61,112 values; the limit is 50,000/),
      }),
    ]);
  });

  it('counts fragments that spread the next one twice without expanding them (3 KB, 2^40 fields)', async () => {
    const query = fragmentBombQuery(ID, 40);
    expect(query.length).toBeLessThan(3_100);
    const { errors, ms } = await server.run(query);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'Anonymous operation recursively requests too many selections.',
      }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('stops reading 1,000 aliases of orgChart at the token limit', async () => {
    const { errors, ms } = await server.run(aliasedOrgChartsQuery(ID, 1_000));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'GRAPHQL_PARSE_FAILED',
        // (graphql-js spells it "more that")
        message: expect.stringMatching(new RegExp(`more th.. ${DEFAULT_GRAPHQL_LIMITS.maxTokens} tokens. Parsing aborted`)),
      }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses more aliases than the limit, and 200 aliases of a 500-row page by cost too', async () => {
    const few = await server.run(aliasedOrgChartsQuery(ID, 31));
    expect(few.errors.map((error) => error.message)).toEqual(['The query uses 31 aliases; the limit is 30.']);

    const roomy = await startLimitsServer({ maxTokens: 100_000, maxAliases: 1_000, maxFields: 10_000 });
    try {
      const { errors, ms } = await roomy.run(aliasedPositionPagesQuery(ID, 200, 500));
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'QUERY_TOO_COMPLEX',
          message: expect.stringMatching(/about 500,200 values; the limit is 50,000/),
        }),
      ]);
      expect(ms).toBeLessThan(1000);
    } finally {
      await roomy.stop();
    }
  });

  it('multiplies by page sizes given as variables', async () => {
    const query =
      'query($s: ID!, $n: Int!) { positions(snapshotId: $s, first: $n) { nodes { id title directReports { id title responsibilities { id title } } } } }';
    const small = await server.run(query, { s: ID, n: 50 });
    expect(small.errors.map((error) => error.code)).not.toContain('QUERY_TOO_COMPLEX');
    const large = await server.run(query, { s: ID, n: 500 });
    expect(large.errors.map((error) => error.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('hides the schema in production: no introspection, no "did you mean" hints', async () => {
    const introspection = await server.run('{ __schema { types { name } } }');
    expect(introspection.errors[0].message).toMatch(/introspection is not allowed/i);
    const typo = await server.run('{ organizatons { id } }');
    expect(typo.errors[0].message).toBe('Cannot query field "organizatons" on type "Query".');

    const development = await startLimitsServer({ introspection: true });
    try {
      const allowed = await development.run('{ __schema { queryType { name } types { name fields { name } } } }');
      expect(allowed.errors).toEqual([]);
      const hinted = await development.run('{ organizatons { id } }');
      expect(hinted.errors[0].message).toMatch(/Did you mean "organizations"/);
    } finally {
      await development.stop();
    }
  });
});
