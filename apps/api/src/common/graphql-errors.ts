import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientErrorOf } from './client-errors';
import { serverLog } from './logging/server-log';

/**
 * Gives every error a code a client can branch on (domain errors through the one mapping in
 * client-errors.ts; GraphQL's own validation errors keep theirs), and keeps stack traces and
 * SQL details out of responses.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const client = clientErrorOf(original);
  const code = client?.code ?? (formatted.extensions?.code as string | undefined);
  const extensions: Record<string, unknown> = { code: code ?? 'INTERNAL_SERVER_ERROR' };
  if (client?.details !== undefined) extensions.details = client.details;
  if (client?.validation) extensions.validation = client.validation;
  const internal = code === 'INTERNAL_SERVER_ERROR' || code === undefined;
  if (internal) {
    // The details (SQL, stack) are for the server log, never for the client.
    serverLog().error({ err: original ?? error, path: formatted.path }, 'GraphQL operation failed');
  }
  return {
    message: internal ? 'Internal server error' : formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions,
  };
}
