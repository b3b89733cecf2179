import { inferTierFromTitle } from './infer-tier-from-title';

const tierOf = (title: string) => inferTierFromTitle(title)?.tier ?? 'IC';

describe('inferTierFromTitle', () => {
  it.each([
    ['Chief Executive Officer', 'EXECUTIVE'],
    ['CEO', 'EXECUTIVE'],
    ['C.F.O.', 'EXECUTIVE'],
    ['CTO & Co-Founder', 'EXECUTIVE'],
    ['Chief People Officer', 'EXECUTIVE'],
    ['CHRO', 'EXECUTIVE'],
    ['cpo', 'EXECUTIVE'],
    ['President', 'EXECUTIVE'],
    ['Vice President, Sales', 'EXECUTIVE'],
    ['Vice-President of Engineering', 'EXECUTIVE'],
    ['VP Engineering', 'EXECUTIVE'],
    ['SVP, Operations', 'EXECUTIVE'],
    ['Executive Vice President', 'EXECUTIVE'],
    ['EVP Finance', 'EXECUTIVE'],
    ['Managing Director', 'EXECUTIVE'],
    // UK civil service (real organograms): these were read as IC and DIRECTOR.
    ['Permanent Secretary, Efficiency and Reform Group', 'EXECUTIVE'],
    ['Second Permanent Under Secretary', 'EXECUTIVE'],
    ['Cabinet Secretary', 'EXECUTIVE'],
    ['Director General, Finance', 'EXECUTIVE'],
    ['Director-General Policy', 'EXECUTIVE'],
    ['Deputy Director General', 'DIRECTOR'],
    ['Director of Engineering', 'DIRECTOR'],
    ['Engineering Director', 'DIRECTOR'],
    ['Head of People', 'DIRECTOR'],
    ['Department Head', 'DIRECTOR'],
    ['Assistant Director', 'DIRECTOR'],
    ['Deputy Director, Finance', 'DIRECTOR'],
    ['Associate Director', 'DIRECTOR'],
    ['Chief of Staff to the CEO', 'DIRECTOR'],
    ['Engineering Manager', 'MANAGER'],
    ['Sr. Mgr., Support', 'MANAGER'],
    ['Team Lead', 'MANAGER'],
    ['Lead Engineer', 'MANAGER'],
    ['Shift Supervisor', 'MANAGER'],
    ['Team Leader', 'MANAGER'],
    ['Assistant Vice President', 'MANAGER'],
    ['Group Product Manager', 'MANAGER'],
    ['Software Engineer', 'IC'],
    ['Accountant', 'IC'],
  ])('%s → %s', (title, tier) => {
    expect(tierOf(title)).toBe(tier);
  });

  it.each([
    ['  Director of Sales  ', 'DIRECTOR'],
    ['Manager;', 'MANAGER'],
    ['VP - Engineering', 'EXECUTIVE'],
    ['(Interim) Head-of Sales', 'DIRECTOR'],
    ['DIRECTOR/ENGINEERING', 'DIRECTOR'],
    ['manager\t', 'MANAGER'],
    ['Senior Engineer II', 'IC'],
  ])('tolerates spacing and punctuation: %p → %s', (title, tier) => {
    expect(tierOf(title)).toBe(tier);
  });

  describe('near misses an HR person expects', () => {
    it('an executive assistant to the CEO is an individual contributor', () => {
      expect(inferTierFromTitle('Executive Assistant to the CEO')).toEqual(
        expect.objectContaining({ tier: 'IC', matched: 'executive assistant', rule: 'EXCEPTION' }),
      );
    });

    it('an assistant to a director is an individual contributor and says why', () => {
      const match = inferTierFromTitle('Assistant to the Director');
      expect(match).toEqual(expect.objectContaining({ tier: 'IC', matched: 'to the director', rule: 'EXCEPTION' }));
      expect(match?.why).toMatch(/supports a leader/);
    });

    it.each([
      'Product Manager',
      'Senior Project Manager',
      'Account Manager',
      'Program Manager',
      'Key Account Manager',
      'Senior Customer Success Manager',
    ])('%s manages a thing, not people', (title) => {
      const match = inferTierFromTitle(title);
      expect(match?.tier).toBe('IC');
      expect(match?.rule).toBe('EXCEPTION');
      expect(match?.why).toMatch(/not people/);
    });

    it('Lead Generation Specialist is an individual contributor', () => {
      expect(inferTierFromTitle('Lead Generation Specialist')).toEqual(
        expect.objectContaining({ tier: 'IC', matched: 'lead generation' }),
      );
    });

    it('the highest tier wins when a title has an exception and a real leadership word', () => {
      expect(inferTierFromTitle('Senior Product Manager, Team Lead')).toEqual(
        expect.objectContaining({ tier: 'MANAGER', matched: 'lead' }),
      );
      expect(tierOf('Director of Product Management')).toBe('DIRECTOR');
      // The exception needs the exact phrase: a product marketing manager manages people.
      expect(tierOf('Product Marketing Manager')).toBe('MANAGER');
    });

    it('matches whole words only', () => {
      expect(inferTierFromTitle('Leadership Development Specialist')).toBeNull();
      expect(inferTierFromTitle('Directory Services Administrator')).toBeNull();
      expect(inferTierFromTitle('VPN Engineer')).toBeNull();
      expect(inferTierFromTitle('Management Consultant')).toBeNull();
      expect(inferTierFromTitle('Account Executive')).toBeNull();
      expect(inferTierFromTitle('Presidential Scholar')).toBeNull();
    });

    it('a "to" that does not name a leader keeps the title as it is', () => {
      expect(tierOf('Go to Market Lead')).toBe('MANAGER');
    });
  });

  it('returns null for plain and empty titles, and names the matched words otherwise', () => {
    expect(inferTierFromTitle('Data Analyst')).toBeNull();
    expect(inferTierFromTitle('   ')).toBeNull();
    expect(inferTierFromTitle('Senior VP, Product')).toEqual({
      tier: 'EXECUTIVE',
      matched: 'vp',
      rule: 'KEYWORD',
      why: 'a vice president title',
    });
  });
});
