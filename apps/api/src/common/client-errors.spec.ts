import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DOMAIN_ERROR_CODES, DomainError, PolicyError } from '@rolemap/domain';
import { HTTP_STATUS_BY_CODE, clientErrorOf } from './client-errors';

describe('clientErrorOf: the one mapping of errors to codes and statuses', () => {
  it('gives every domain error code an HTTP status, and each status to one code', () => {
    const statuses = DOMAIN_ERROR_CODES.map((code) => HTTP_STATUS_BY_CODE[code]);
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
    expect(new Set(statuses).size).toBe(DOMAIN_ERROR_CODES.length);
  });

  it('maps a domain error by its code, with its details', () => {
    expect(clientErrorOf(new DomainError('NOT_FOUND', 'No snapshot with id x'))).toEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'No snapshot with id x',
      details: undefined,
    });
    expect(clientErrorOf(new PolicyError(['IC mix adds up to 120']))).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      details: { problems: ['IC mix adds up to 120'] },
    });
  });

  it('maps the validation pipe’s 400 back to BAD_USER_INPUT with the field messages', () => {
    const error = new BadRequestException({ statusCode: 400, message: ['first must not be greater than 500'] });
    expect(clientErrorOf(error)).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      validation: ['first must not be greater than 500'],
    });
    expect(clientErrorOf(new NotFoundException('gone'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('treats anything else as internal: plain errors, and statuses no client code stands for', () => {
    expect(clientErrorOf(new Error('relation "x" does not exist'))).toBeNull();
    expect(clientErrorOf(new ServiceUnavailableException())).toBeNull();
    // A look-alike by name is not a domain error.
    expect(clientErrorOf(Object.assign(new Error('x'), { name: 'NotFoundException' }))).toBeNull();
  });
});
