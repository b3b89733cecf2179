import { DomainError } from './domain-error';
import { PolicyError, resolvePolicy } from './policy';

describe('DomainError', () => {
  it('carries a code and keeps the subclass name, so logs say what failed', () => {
    const error = new DomainError('NOT_FOUND', 'No snapshot with id x');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No snapshot with id x', name: 'DomainError' });
  });

  it('is what an invalid policy throws: bad input, with every problem as details', () => {
    let thrown: unknown;
    try {
      resolvePolicy({ expectedMix: { IC: { IMPLEMENTATION: 95 } } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', name: 'PolicyError' });
    expect((thrown as PolicyError).details).toEqual({ problems: (thrown as PolicyError).problems });
  });
});
