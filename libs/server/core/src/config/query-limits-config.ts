import { parseBoolean, parsePositiveInteger } from './parse-env';

/** What one GraphQL request may ask for. Each limit is checked before any resolver runs, except the deadline. */
export interface GraphqlLimits {
  /** Tokens in the query text; the parser stops past this. */
  maxTokens: number;
  /** Fields nested inside one another (fragments count as the fields they hold). */
  maxDepth: number;
  /** Aliased fields, fragments included. */
  maxAliases: number;
  /** Field selections once every fragment spread is expanded. */
  maxFields: number;
  /** Estimated values produced: lists multiply their contents by their page size or expected length. */
  maxComplexity: number;
  /** Milliseconds a request may run before its resolvers are stopped and it answers with an error. */
  timeoutMs: number;
  /** Schema introspection (and "did you mean" hints in errors); off in production. */
  introspection: boolean;
}

export const DEFAULT_GRAPHQL_LIMITS: Omit<GraphqlLimits, 'introspection'> = {
  maxTokens: 3_000,
  maxDepth: 8,
  maxAliases: 30,
  maxFields: 1_000,
  maxComplexity: 50_000,
  timeoutMs: 15_000,
};

export function graphqlLimitsFrom(env: NodeJS.ProcessEnv): GraphqlLimits {
  return {
    maxTokens: DEFAULT_GRAPHQL_LIMITS.maxTokens,
    maxDepth: parsePositiveInteger('ROLEMAP_GRAPHQL_MAX_DEPTH', env.ROLEMAP_GRAPHQL_MAX_DEPTH, DEFAULT_GRAPHQL_LIMITS.maxDepth),
    maxAliases: parsePositiveInteger(
      'ROLEMAP_GRAPHQL_MAX_ALIASES',
      env.ROLEMAP_GRAPHQL_MAX_ALIASES,
      DEFAULT_GRAPHQL_LIMITS.maxAliases,
    ),
    maxFields: DEFAULT_GRAPHQL_LIMITS.maxFields,
    maxComplexity: parsePositiveInteger(
      'ROLEMAP_GRAPHQL_MAX_COMPLEXITY',
      env.ROLEMAP_GRAPHQL_MAX_COMPLEXITY,
      DEFAULT_GRAPHQL_LIMITS.maxComplexity,
    ),
    timeoutMs: parsePositiveInteger(
      'ROLEMAP_GRAPHQL_TIMEOUT_MS',
      env.ROLEMAP_GRAPHQL_TIMEOUT_MS,
      DEFAULT_GRAPHQL_LIMITS.timeoutMs,
    ),
    introspection: parseBoolean(
      'ROLEMAP_GRAPHQL_INTROSPECTION',
      env.ROLEMAP_GRAPHQL_INTROSPECTION,
      env.NODE_ENV?.trim() !== 'production',
    ),
  };
}
