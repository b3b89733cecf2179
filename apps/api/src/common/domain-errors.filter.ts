import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import type { Response } from 'express';
import { clientErrorOf } from './client-errors';

/**
 * Expected failures of the domain, thrown by services that know nothing of HTTP: REST answers
 * with the status for their code; GraphQL gets the error back for `formatGraphqlError`, which
 * maps it through the same table. They are the user's to fix, so they are not logged.
 */
@Catch(DomainError)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType() !== 'http') return error;
    const { status, code, message, details } = clientErrorOf(error)!;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    response.status(status).json({ statusCode: status, error: code, message, ...(details ? { details } : {}) });
  }
}
