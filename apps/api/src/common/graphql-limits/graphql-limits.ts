import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphqlLimits } from '@rolemap/server-core';
import { queryComplexityPlugin } from './query-complexity';
import { enforceDeadline, requestDeadlinePlugin } from './request-deadline';

/**
 * Apollo settings that keep one request from taking the server down. In order:
 * - the parser stops past `maxTokens` tokens;
 * - Apollo's own rule counts the selections with every fragment expanded (fragment counts are
 *   memoised, so fragments that spread the next one twice cost nothing to count) and only when
 *   that passes do the later rules run;
 * - depth and alias limits (graphql-armor; both memoise fragments as well);
 * - a complexity budget per request (graphql-query-complexity) that multiplies lists by their page
 *   size or expected length;
 * - a deadline for execution itself (request-deadline.ts).
 * Introspection and "did you mean" suggestions are off unless `introspection` is set.
 */
export function graphqlLimitOptions(limits: GraphqlLimits) {
  return {
    introspection: limits.introspection,
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    maxRecursiveSelections: limits.maxFields,
    validationRules: limitRules(limits),
    plugins: [queryComplexityPlugin(limits.maxComplexity), requestDeadlinePlugin()] as ApolloServerPlugin[],
    transformSchema: enforceDeadline,
  };
}

export function limitRules(limits: Pick<GraphqlLimits, 'maxDepth' | 'maxAliases'>): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [reportAs((found) => `The query is nested ${found} fields deep; the limit is ${limits.maxDepth}.`)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs((found) => `The query uses ${found} aliases; the limit is ${limits.maxAliases}.`)],
    }),
  ] as ValidationRule[];
}

/** graphql-armor's messages read "Syntax Error: … found N."; ours name the limit and say what was found. */
function reportAs(message: (found: string) => string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1] ?? 'too many';
    context?.reportError(new GraphQLError(message(found)));
  };
}
