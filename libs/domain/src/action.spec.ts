import { ACTION_LIMITS, isIsoDate, isOverdue, validateActionPlan } from './action';
import { DomainError } from './domain-error';

describe('action plans', () => {
  const plan = { owner: ' Dana Reyes ', dueOn: '2027-01-31', step: 'DELEGATE', delegateTo: ' Sam Lee ', note: '  ' };

  it('trims the plan and drops an empty note', () => {
    expect(validateActionPlan(plan)).toEqual({
      owner: 'Dana Reyes',
      dueOn: '2027-01-31',
      step: 'DELEGATE',
      delegateTo: 'Sam Lee',
      note: null,
    });
  });

  it('keeps whom to delegate to only for DELEGATE', () => {
    expect(validateActionPlan({ ...plan, step: 'HIRE' }).delegateTo).toBeNull();
  });

  it('refuses, naming the field: no owner, no delegate, a date that does not exist, an unknown step, too long', () => {
    const refusal = (input: Record<string, unknown>) => {
      try {
        validateActionPlan({ ...plan, ...input });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).message;
      }
      throw new Error('accepted');
    };
    expect(refusal({ owner: ' ' })).toMatch(/^action\.owner/);
    expect(refusal({ delegateTo: null })).toMatch(/^action\.delegateTo/);
    expect(refusal({ dueOn: '2027-02-29' })).toMatch(/^action\.dueOn/);
    expect(refusal({ dueOn: '31/01/2027' })).toMatch(/^action\.dueOn/);
    expect(refusal({ step: 'PROMOTE' })).toMatch(/^action\.step/);
    expect(refusal({ owner: 'x'.repeat(ACTION_LIMITS.owner + 1) })).toMatch(/at most 200/);
    expect(validateActionPlan({ ...plan, owner: 'x'.repeat(ACTION_LIMITS.owner) }).owner).toHaveLength(200);
  });

  it('checks calendar dates, leap days included', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
  });

  it('is overdue from the day after the due date, and only while open', () => {
    expect(isOverdue({ status: 'OPEN', dueOn: '2027-01-31' }, '2027-01-31')).toBe(false);
    expect(isOverdue({ status: 'OPEN', dueOn: '2027-01-31' }, '2027-02-01')).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', dueOn: '2027-01-31' }, '2027-02-01')).toBe(true);
    expect(isOverdue({ status: 'DONE', dueOn: '2027-01-31' }, '2027-02-01')).toBe(false);
    expect(isOverdue({ status: 'CANCELLED', dueOn: '2027-01-31' }, '2027-02-01')).toBe(false);
  });
});
