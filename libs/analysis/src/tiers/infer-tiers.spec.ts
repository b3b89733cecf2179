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

  describe('grades', () => {
    const graded: TierInput[] = [
      { id: 'p-ps', externalId: 'A1', title: '', grade: 'SCS4', reportsToId: null },
      { id: 'p-dg', externalId: 'A2', title: 'Head of Policy', grade: 'SCS 3', reportsToId: 'p-ps' },
      { id: 'p-dd', externalId: 'A3', title: 'Analyst', grade: 'SCS1', reportsToId: 'p-dg' },
      { id: 'p-lvl', externalId: 'A4', title: 'Sales Executive', grade: '2', reportsToId: 'p-dd' },
      { id: 'p-odd', externalId: 'A5', title: 'Team Lead', grade: 'Band Q', reportsToId: 'p-dd' },
      { id: 'p-ic-boss', externalId: 'A6', title: 'Engineer', grade: 'P3', reportsToId: 'p-dd' },
      { id: 'p-ic-report', externalId: 'A7', title: 'Engineer', grade: 'P2', reportsToId: 'p-ic-boss' },
    ];

    it('reads the grade first, from a scheme rolemap knows, and says so', () => {
      const tiers = inferTiers(graded);
      expect(tiers.get('p-ps')).toEqual(
        expect.objectContaining({ tier: 'EXECUTIVE', source: 'GRADE', reason: 'grade "SCS4" (UK Senior Civil Service)' }),
      );
      expect(tiers.get('p-dg')).toEqual(expect.objectContaining({ tier: 'EXECUTIVE', source: 'GRADE' }));
      // The grade outranks an IC title.
      expect(tiers.get('p-dd')).toEqual(expect.objectContaining({ tier: 'DIRECTOR', source: 'GRADE' }));
      expect(tiers.get('p-lvl')).toEqual(
        expect.objectContaining({ tier: 'IC', source: 'GRADE', reason: 'grade "2" (job level 1-5)' }),
      );
    });

    it('falls back to the title when the grade is unknown, and to the structure over an IC grade with reports', () => {
      const tiers = inferTiers(graded);
      expect(tiers.get('p-odd')).toEqual(expect.objectContaining({ tier: 'MANAGER', source: 'TITLE' }));
      expect(tiers.get('p-ic-boss')).toEqual(expect.objectContaining({ tier: 'MANAGER', source: 'STRUCTURE' }));
      expect(tiers.get('p-ic-report')).toEqual(expect.objectContaining({ tier: 'IC', source: 'GRADE' }));
    });

    it("uses the organization's own grade table before the known schemes", () => {
      const tiers = inferTiers(
        graded,
        undefined,
        new Map([
          ['bandq', 'DIRECTOR'],
          ['2', 'MANAGER'],
        ]),
      );
      expect(tiers.get('p-odd')).toEqual(
        expect.objectContaining({ tier: 'DIRECTOR', source: 'GRADE', reason: 'grade "Band Q", mapped by HR' }),
      );
      expect(tiers.get('p-lvl')).toEqual(expect.objectContaining({ tier: 'MANAGER', source: 'GRADE' }));
    });

    it('lets an override of the position win over the grade', () => {
      const tiers = inferTiers(graded, new Map([['A1', 'DIRECTOR']]));
      expect(tiers.get('p-ps')).toEqual(expect.objectContaining({ tier: 'DIRECTOR', source: 'OVERRIDE' }));
    });
  });
});
