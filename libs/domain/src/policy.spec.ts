import { DEFAULT_POLICY, PolicyError, resolvePolicy } from './policy';
import { TIERS } from './tier';
import { VALUE_LEVELS, parseValueLevel } from './value-level';

describe('resolvePolicy', () => {
  it('returns the default when nothing is given', () => {
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
  });

  it('default mixes add up to 100 for every tier', () => {
    for (const tier of TIERS) {
      const total = VALUE_LEVELS.reduce((sum, level) => sum + DEFAULT_POLICY.expectedMix[tier][level], 0);
      expect(total).toBe(100);
    }
  });

  it('merges a partial edit over the default', () => {
    const policy = resolvePolicy({
      expectedMix: { IC: { IMPLEMENTATION: 60, UNIFICATION: 25 } },
      thresholds: { spanMax: 10 },
    });
    expect(policy.expectedMix.IC).toEqual({ IMPLEMENTATION: 60, UNIFICATION: 25, COMMUNICATION: 10, LEADERSHIP: 5 });
    expect(policy.thresholds.spanMax).toBe(10);
    expect(policy.thresholds.spanMin).toBe(DEFAULT_POLICY.thresholds.spanMin);
  });

  it('rejects a mix that does not add up to 100 and names the tier', () => {
    expect(() => resolvePolicy({ expectedMix: { MANAGER: { IMPLEMENTATION: 90 } } })).toThrow(PolicyError);
    expect(() => resolvePolicy({ expectedMix: { MANAGER: { IMPLEMENTATION: 90 } } })).toThrow(/MANAGER mix adds up to 160/);
  });

  it('rejects negative thresholds', () => {
    expect(() => resolvePolicy({ thresholds: { spanMax: -1 } })).toThrow(/spanMax/);
  });
});

describe('parseValueLevel', () => {
  it.each([
    ['implementation', 'IMPLEMENTATION'],
    ['Leadership', 'LEADERSHIP'],
    ['3', 'COMMUNICATION'],
    [1, 'IMPLEMENTATION'],
    ['unif', 'UNIFICATION'],
  ])('reads %p as %s', (raw, level) => {
    expect(parseValueLevel(raw)).toBe(level);
  });

  it.each(['', '5', 'xx', null, undefined, 'strategy'])('does not guess for %p', (raw) => {
    expect(parseValueLevel(raw)).toBeUndefined();
  });
});
