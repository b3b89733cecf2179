import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, getNullableType, isListType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** Positions an organization is assumed to have when a list returns all of them (orgChart). */
export const ORGANIZATION_SIZE_ESTIMATE = 1_000;
/** Direct reports per leader, and items in any other list without a page size. */
export const LIST_LENGTH_ESTIMATE = 10;

type ListSize = (args: Record<string, unknown>) => number;

const pageOf =
  (max: number, fallback: number): ListSize =>
  (args) =>
    Math.min(Math.max(typeof args.first === 'number' ? args.first : fallback, 1), max);

/**
 * How many items a list field returns. Paged queries multiply by their page size (the page
 * type's `nodes` then counts once); lists without one use an estimate of their usual length.
 */
const LIST_SIZES: Record<string, ListSize> = {
  'Query.positions': pageOf(500, 50),
  'PositionPage.nodes': () => 1,
  'Query.findings': pageOf(1_000, 200),
  'FindingPage.nodes': () => 1,
  'Query.orgChart': () => ORGANIZATION_SIZE_ESTIMATE,
  // Everyone below a position down to `depth` levels: 1 + s + s² + …, never more than the organization.
  'Query.subtree': (args) => {
    const depth = typeof args.depth === 'number' ? Math.max(0, args.depth) : 3;
    let total = 0;
    for (let level = 0; level <= depth && total < ORGANIZATION_SIZE_ESTIMATE; level++) total += LIST_LENGTH_ESTIMATE ** level;
    return Math.min(total, ORGANIZATION_SIZE_ESTIMATE);
  },
  // The lazy chart: bounded answers (see CHART_LIMITS), estimated at their usual size.
  'ChartSlice.nodes': () => 200,
  'ChartSlice.expectedMixes': () => 4,
  'Query.orgChartChildren': pageOf(1_000, 500),
  'ChartChildrenPage.nodes': () => 1,
  'ChartSearchResult.hits': () => 20,
  'ChartSearchResult.nodes': () => 100,
  'Query.orgChartReveal': (args) => Math.min((Array.isArray(args.positionIds) ? args.positionIds.length : 1) * 20, 1_000),
  'Query.orgChartLeaders': pageOf(200, 50),
  'Query.organizations': () => 50,
  'Organization.snapshots': () => 50,
  'SnapshotDiff.joiners': () => ORGANIZATION_SIZE_ESTIMATE / 5,
  'SnapshotDiff.leavers': () => ORGANIZATION_SIZE_ESTIMATE / 5,
  'SnapshotDiff.moves': () => ORGANIZATION_SIZE_ESTIMATE / 5,
  'SnapshotDiff.promotions': () => ORGANIZATION_SIZE_ESTIMATE / 5,
};

/** Each field costs 1; a list (or a page of one) costs 1 plus its items times what one item selects. */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0; // introspection is allowed or refused as a whole
  const known = LIST_SIZES[`${type.name}.${field.name}`];
  const size = known ? known(args) : isListType(getNullableType(field.type)) ? LIST_LENGTH_ESTIMATE : 1;
  return 1 + size * childComplexity;
};

export interface ComplexityRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

/** The estimated cost of a request; the caller has already bounded how far fragments expand (maxFields). */
export function queryComplexity({ schema, document, operationName, variables }: ComplexityRequest): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [listSizeEstimator],
  });
}

export function complexityError(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `This query would produce about ${cost.toLocaleString('en-US')} values; the limit is ${limit.toLocaleString('en-US')}. ` +
      'Ask for fewer fields, fewer aliases or smaller pages (first).',
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit, http: { status: 400 } } },
  );
}

/**
 * Rejects a request whose estimated cost is over `limit` before any resolver runs. It runs per
 * request, after validation, because the cost depends on the variables (page sizes).
 */
export function queryComplexityPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let cost: number;
          try {
            cost = queryComplexity({ schema, document, operationName: request.operationName, variables: request.variables });
          } catch (error) {
            // Variables that do not fit the operation: the same message execution would give.
            const message = error instanceof Error ? error.message : String(error);
            throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > limit) throw complexityError(cost, limit);
        },
      };
    },
  };
}
