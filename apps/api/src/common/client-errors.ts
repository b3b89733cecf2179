import { HttpException } from '@nestjs/common';
import { DomainError, type DomainErrorCode } from '@rolemap/domain';

/**
 * The one place errors meet the protocols. A DomainError's code is the GraphQL error code as is,
 * and this table gives its HTTP status; Nest's own HTTP exceptions (the validation pipe's 400)
 * map back through the same table.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<DomainErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const CODE_BY_HTTP_STATUS = new Map(
  Object.entries(HTTP_STATUS_BY_CODE).map(([code, status]) => [status, code as DomainErrorCode]),
);

/** What a client may learn about a failure. */
export interface ClientError {
  code: DomainErrorCode;
  status: number;
  message: string;
  details?: Readonly<Record<string, unknown>>;
  /** The validation pipe's messages, one per rejected field. */
  validation?: string[];
}

/** The client's view of an error, or null when it is internal (then only the server log sees it). */
export function clientErrorOf(error: unknown): ClientError | null {
  if (error instanceof DomainError) {
    return { code: error.code, status: HTTP_STATUS_BY_CODE[error.code], message: error.message, details: error.details };
  }
  if (error instanceof HttpException) {
    const code = CODE_BY_HTTP_STATUS.get(error.getStatus());
    if (!code) return null;
    const response = error.getResponse();
    const messages = typeof response === 'object' && response && 'message' in response ? response.message : undefined;
    return {
      code,
      status: error.getStatus(),
      message: error.message,
      ...(Array.isArray(messages) ? { validation: messages.map(String) } : {}),
    };
  }
  return null;
}
