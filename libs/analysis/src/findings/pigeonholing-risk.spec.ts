import { DEFAULT_POLICY } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { pigeonholingRiskFindings } from './pigeonholing-risk';

const AS_OF = '2025-12-01';

function findingsFor(people: TestPerson[], inferredPromotions?: ReadonlyMap<string, string>) {
  const context = new AnalysisContext(buildSnapshot(people, { asOf: AS_OF }), DEFAULT_POLICY, { inferredPromotions });
  return pigeonholingRiskFindings(context);
}

const lead: TestPerson = { id: 'M', title: 'Engineering Manager', name: 'Mo' };
const priya: TestPerson = {
  id: 'P1',
  name: 'Priya Shah',
  title: 'Senior Engineer',
  manager: 'M',
  department: 'Payments',
  rating: 5,
  roleStartDate: '2021-09-01',
  work: [
    ['Billing reconciliation', 'IMPLEMENTATION', 50],
    ['Code reviews', 'IMPLEMENTATION', 30],
    ['Mentor juniors', 'LEADERSHIP', 20],
  ],
};
const peerReviewer: TestPerson = { id: 'P2', manager: 'M', title: 'Engineer', work: [['Reviewing code', 'IMPLEMENTATION', 40]] };

describe('PIGEONHOLING_RISK', () => {
  it('flags a top-rated engineer four years in the same role, sole holder of a responsibility, without a successor', () => {
    // X does code reviews too, but in another team: Priya is not the sole reviewer, yet X is no successor.
    const otherTeam: TestPerson[] = [
      { id: 'M2', title: 'QA Manager', manager: 'M' },
      { id: 'X', manager: 'M2', title: 'Engineer', work: [['Code reviews', 'IMPLEMENTATION', 10]] },
    ];
    const [finding] = findingsFor([lead, priya, ...otherTeam]);
    expect(finding).toEqual(
      expect.objectContaining({
        kind: 'PIGEONHOLING_RISK',
        key: 'PIGEONHOLING_RISK:P1',
        employeeId: 'P1',
        positionId: pos('P1'),
        department: 'Payments',
        rating: 5,
        yearsInRole: 4.2,
        implementationPct: 80,
        // Mentoring is nobody else's either, but it is not the hands-on work that pigeonholes.
        soleHolderOf: ['Billing reconciliation'],
        hasSuccessor: false,
        sharedWork: [],
      }),
    );
    expect(finding.explanation).toBe(
      'Priya Shah (Senior Engineer) is rated 5/5 and has been in the same role for 4.2 years without a promotion, yet 80% of their time ' +
        'still goes to implementation work. They are the only person in the organisation doing "Billing reconciliation". ' +
        'No peer or report at the same level does any of their hands-on work, so nobody is ready to take over if they move on. ' +
        'High performers kept on the same hands-on work tend to leave; consider a stretch assignment or a path to promotion.',
    );
  });

  it('is less severe when a peer at the same tier already does some of the same work, and never says both "only person" and "covered"', () => {
    const [alone] = findingsFor([lead, priya]);
    const [covered] = findingsFor([lead, priya, peerReviewer]);
    expect(covered.hasSuccessor).toBe(true);
    expect(covered.sharedWork).toEqual(['Code reviews']);
    expect(covered.soleHolderOf).toEqual(['Billing reconciliation']);
    expect(alone.soleHolderOf).toEqual(['Billing reconciliation', 'Code reviews']);
    expect(covered.severity).toBeLessThan(alone.severity);
    // Sole holder of the billing work, so a peer sharing the reviews does not make a move covered.
    expect(covered.explanation).toContain(
      'They are the only person in the organisation doing "Billing reconciliation". A peer or report at the same level shares some of their other hands-on work ("Code reviews"), but nobody would be ready to take over the rest if they moved on.',
    );
    expect(covered.explanation).not.toMatch(/could be covered/);
  });

  it('says a move could be covered only when peers share all of the hands-on work, partly when some', () => {
    const billingPeer: TestPerson = {
      id: 'P3',
      manager: 'M',
      title: 'Engineer',
      work: [['Reconcile billing', 'IMPLEMENTATION', 30]],
    };
    const [all] = findingsFor([lead, priya, peerReviewer, billingPeer]);
    expect(all.soleHolderOf).toEqual([]);
    expect(all.sharedWork).toEqual(['Billing reconciliation', 'Code reviews']);
    expect(all.explanation).toContain('so a move could be covered.');
    const elsewhere: TestPerson = { id: 'Z', department: 'Finance', work: [['Billing reconciliation', 'IMPLEMENTATION', 30]] };
    const [partly] = findingsFor([lead, priya, peerReviewer, elsewhere]);
    expect(partly.soleHolderOf).toEqual([]);
    expect(partly.explanation).toContain(
      'already does some of the same work ("Code reviews"), so a move could be partly covered.',
    );
  });

  it('does not count coordination or reporting duties as the work that pigeonholes, nor as cover', () => {
    const coordinator: TestPerson = {
      ...priya,
      work: [
        ['Billing reconciliation', 'IMPLEMENTATION', 60],
        ['Coordinate billing fixes with engineering', 'UNIFICATION', 20],
        ['Report billing exceptions to the CFO', 'COMMUNICATION', 20],
      ],
    };
    const peerCoordinator: TestPerson = {
      id: 'P4',
      manager: 'M',
      title: 'Engineer',
      work: [['Coordinate billing fixes with engineering', 'UNIFICATION', 20]],
    };
    const [finding] = findingsFor([lead, coordinator, peerCoordinator]);
    expect(finding.soleHolderOf).toEqual(['Billing reconciliation']);
    expect(finding.explanation).not.toContain('Report billing exceptions');
    // The peer shares only the coordination: no successor for the hands-on work.
    expect(finding.hasSuccessor).toBe(false);
    expect(finding.sharedWork).toEqual([]);
  });

  it('counts a direct report at the same tier as a successor, but not one at another tier', () => {
    const reportSameTier: TestPerson = {
      id: 'R1',
      manager: 'P1',
      title: 'Engineer',
      tier: 'MANAGER',
      work: [['Code review', 'IMPLEMENTATION', 50]],
    };
    const priyaManager = { ...priya, tier: 'MANAGER' as const };
    expect(findingsFor([lead, priyaManager, reportSameTier])[0].hasSuccessor).toBe(true);
    const reportIc: TestPerson = { ...reportSameTier, tier: undefined };
    expect(findingsFor([lead, priyaManager, reportIc])[0].hasSuccessor).toBe(false);
  });

  it('is not the sole holder when anyone else in the organisation holds the same work, in any wording', () => {
    const elsewhere: TestPerson = {
      id: 'Z',
      title: 'Accountant',
      department: 'Finance',
      work: [['Reconciliation of billing', 'IMPLEMENTATION', 30]],
    };
    const [finding] = findingsFor([
      lead,
      priya,
      peerReviewer,
      elsewhere,
      { id: 'Y', work: [['Mentoring juniors', 'LEADERSHIP', 10]] },
    ]);
    expect(finding.soleHolderOf).toEqual([]);
    expect(finding.explanation).not.toContain('only person');
  });

  it('scores higher with a rating of 5 than 4, all else equal', () => {
    const [five] = findingsFor([lead, priya, peerReviewer]);
    const [four] = findingsFor([lead, { ...priya, rating: 4 }, peerReviewer]);
    expect(four.severity).toBeLessThan(five.severity);
    expect(four.rating).toBe(4);
  });

  it('counts time in role from the later of the role start and the last promotion', () => {
    const [finding] = findingsFor([lead, { ...priya, roleStartDate: '2015-01-01', lastPromotionDate: '2022-06-01' }]);
    expect(finding.yearsInRole).toBe(3.5);
  });

  describe('near misses', () => {
    it('is not raised for a rating below 4', () => {
      expect(findingsFor([lead, { ...priya, rating: 3 }])).toEqual([]);
      expect(findingsFor([lead, { ...priya, rating: null }])).toEqual([]);
    });

    it('is not raised under 3 years in role', () => {
      expect(findingsFor([lead, { ...priya, roleStartDate: '2023-01-01' }])).toEqual([]);
    });

    it('is not raised when a recent promotion restarted the clock (HR date or seen between snapshots)', () => {
      expect(findingsFor([lead, { ...priya, lastPromotionDate: '2024-01-01' }])).toEqual([]);
      expect(findingsFor([lead, priya], new Map([['P1', '2025-06-01']]))).toEqual([]);
    });

    it('is not raised without any date to measure time in role', () => {
      expect(findingsFor([lead, { ...priya, roleStartDate: null }])).toEqual([]);
    });

    it('is not raised when implementation is under half their time', () => {
      const balanced: TestPerson = {
        ...priya,
        work: [
          ['Billing reconciliation', 'IMPLEMENTATION', 49],
          ['Mentor juniors', 'LEADERSHIP', 51],
        ],
      };
      expect(findingsFor([lead, balanced])).toEqual([]);
      expect(findingsFor([lead, { ...balanced, work: [['Billing reconciliation', 'IMPLEMENTATION', 50]] }])).toHaveLength(1);
    });
  });
});
