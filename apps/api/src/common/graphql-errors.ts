import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Maps domain errors to GraphQL error codes a client can branch on, and keeps
 * stack traces and SQL details out of responses.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const name = original?.name;
  const code =
    name === 'ForbiddenOrganizationError'
      ? 'FORBIDDEN'
      : name === 'PolicyError' || name === 'ImportValidationError'
        ? 'BAD_USER_INPUT'
        : name === 'NotFoundException'
          ? 'NOT_FOUND'
          : name === 'BadRequestException'
            ? 'BAD_USER_INPUT'
            : (formatted.extensions?.code as string | undefined);
  const extensions: Record<string, unknown> = { code: code ?? 'INTERNAL_SERVER_ERROR' };
  const details = (original as { details?: unknown } | undefined)?.details;
  if (details !== undefined) extensions.details = details;
  const response = (original as { getResponse?: () => unknown } | undefined)?.getResponse?.();
  if (response && typeof response === 'object' && 'message' in response && Array.isArray(response.message)) {
    extensions.validation = response.message;
  }
  const internal = code === 'INTERNAL_SERVER_ERROR' || code === undefined;
  if (internal) {
    // The details (SQL, stack) are for the server log, never for the client.
    console.error(original ?? error);
  }
  return {
    message: internal ? 'Internal server error' : formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions,
  };
}
