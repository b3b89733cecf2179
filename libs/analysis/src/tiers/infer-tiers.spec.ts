import { inferTiers, type TierInput } from './infer-tiers';

const positions: TierInput[] = [
  { id: 'p-ceo', externalId: 'E1', title: 'CEO', reportsToId: null },
  { id: 'p-eng', externalId: 'E2', title: 'Senior Engineer', reportsToId: 'p-ceo' },
  { id: 'p-ic', externalId: 'E3', title: 'Engineer', reportsToId: 'p-eng' },
  { id: 'p-pm', externalId: 'E4', title: 'Product Manager', reportsToId: 'p-ceo' },
  { id: 'p-dir', externalId: 'E5', title: 'Director of Sales', reportsToId: 'p-ceo' },
];

describe('inferTiers', () => {
  it('takes the tier from the title when structure does not contradict it', () => {
    const tiers = inferTiers(positions);
    expect(tiers.get('p-ceo')).toEqual(expect.objectContaining({ tier: 'EXECUTIVE', source: 'TITLE', directReports: 3 }));
    expect(tiers.get('p-ic')).toEqual(
      expect.objectContaining({ tier: 'IC', source: 'TITLE', reason: 'no leadership word in the title' }),
    );
    expect(tiers.get('p-pm')).toEqual(expect.objectContaining({ tier: 'IC', source: 'TITLE' }));
  });

  it('raises anyone with direct reports to at least MANAGER, citing the structure', () => {
    const tiers = inferTiers(positions);
    expect(tiers.get('p-eng')).toEqual(
      expect.objectContaining({ tier: 'MANAGER', source: 'STRUCTURE', reason: 'has 1 direct report' }),
    );
  });

  it('never lowers a title tier because of structure (a director without reports stays a director)', () => {
    expect(inferTiers(positions).get('p-dir')).toEqual(expect.objectContaining({ tier: 'DIRECTOR', source: 'TITLE' }));
  });

  it('lets an HR override win over title and structure, keyed by position id or employee id', () => {
    const tiers = inferTiers(
      positions,
      new Map([
        ['p-eng', 'IC'],
        ['E4', 'MANAGER'],
      ]),
    );
    expect(tiers.get('p-eng')).toEqual(expect.objectContaining({ tier: 'IC', source: 'OVERRIDE' }));
    expect(tiers.get('p-pm')).toEqual(expect.objectContaining({ tier: 'MANAGER', source: 'OVERRIDE' }));
    expect(tiers.get('p-ic')?.source).toBe('TITLE');
  });

  it('ignores a position that reports to itself when counting reports', () => {
    const tiers = inferTiers([{ id: 'x', title: 'Engineer', reportsToId: 'x' }]);
    expect(tiers.get('x')).toEqual(expect.objectContaining({ tier: 'IC', directReports: 0 }));
  });
});
