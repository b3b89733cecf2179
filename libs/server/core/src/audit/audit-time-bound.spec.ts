import { DomainError } from '@rolemap/domain';
import { auditTimeBound } from './audit-log.service';

describe('auditTimeBound', () => {
  it('reads a date as the start of the day, or as `to` its end (UTC)', () => {
    expect(auditTimeBound('from', '2026-12-01', 'from')).toEqual(new Date('2026-12-01T00:00:00.000Z'));
    expect(auditTimeBound('to', '2026-12-01', 'to')).toEqual(new Date('2026-12-01T23:59:59.999Z'));
  });

  it('reads a time as it is, and nothing as no bound', () => {
    expect(auditTimeBound('to', '2026-12-01T09:30:00Z', 'to')).toEqual(new Date('2026-12-01T09:30:00Z'));
    expect(auditTimeBound('from', undefined, 'from')).toBeNull();
    expect(auditTimeBound('from', ' ', 'from')).toBeNull();
  });

  it('names the field when it is not a date', () => {
    expect(() => auditTimeBound('--since', 'yesterday', 'from')).toThrow(DomainError);
    expect(() => auditTimeBound('--since', 'yesterday', 'from')).toThrow(/--since must be a date or time .* \(got "yesterday"\)/);
  });
});
