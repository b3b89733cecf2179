import { Catch, type ExceptionFilter } from '@nestjs/common';
import { PolicyError } from '@rolemap/domain';
import { GraphQLError } from 'graphql';
import { ForbiddenOrganizationError } from './caller';

/**
 * Expected failures of the domain become GraphQL errors with a code the client can branch on;
 * they are the user's to fix, so they are not logged as server errors.
 */
@Catch(PolicyError, ForbiddenOrganizationError)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: Error): GraphQLError {
    const code = error instanceof ForbiddenOrganizationError ? 'FORBIDDEN' : 'BAD_USER_INPUT';
    const details = error instanceof PolicyError ? { problems: error.problems } : undefined;
    return new GraphQLError(error.message, { extensions: { code, ...(details ? { details } : {}) } });
  }
}
