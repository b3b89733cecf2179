/**
 * What kind of failure it is, as a client can branch on it. The API maps each code to a GraphQL
 * error code (the same word) and an HTTP status in one place; the CLI to an exit code.
 */
export const DOMAIN_ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * An expected failure the caller can do something about: bad input, something that does not
 * exist, no access, a conflicting change. Services throw it whoever calls them (GraphQL, REST,
 * the CLI), so they never need to know about HTTP. Anything else that is thrown is a defect.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Structured detail for clients (e.g. every problem of a policy), shown beside the message. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
