import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { DEFAULT_GRAPHQL_LIMITS, type GraphqlLimits, findRepoRoot } from '@rolemap/server-core';
import { graphqlLimitOptions } from '../graphql-limits';

/** The committed schema (a test keeps it equal to the served one), without resolvers. */
export function committedSchema() {
  return buildSchema(fs.readFileSync(path.join(findRepoRoot(), 'apps/api/schema.gql'), 'utf8'));
}

export type LimitsServer = {
  /** The codes of the errors Apollo answers with, and the time it took. */
  run(query: string, variables?: Record<string, unknown>): Promise<{ errors: { message: string; code: string }[]; ms: number }>;
  stop(): Promise<void>;
};

/**
 * A real Apollo server with exactly the limits the API uses, over the committed schema. Without
 * resolvers every field is null, so a request that passes the limits fails only at execution.
 */
export async function startLimitsServer(overrides: Partial<GraphqlLimits> = {}): Promise<LimitsServer> {
  const limits = { ...DEFAULT_GRAPHQL_LIMITS, introspection: false, ...overrides };
  const { transformSchema: _unused, ...options } = graphqlLimitOptions(limits);
  const server = new ApolloServer({ schema: committedSchema(), ...options });
  await server.start();
  return {
    async run(query, variables) {
      const started = performance.now();
      const response = await server.executeOperation({ query, variables });
      const ms = performance.now() - started;
      const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
      return {
        ms,
        errors: (result.errors ?? []).map((error) => ({ message: error.message, code: String(error.extensions?.code) })),
      };
    },
    stop: () => server.stop(),
  };
}

/** Codes meaning "refused by a limit before execution". */
export const LIMIT_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'];
