import { DEFAULT_POLICY, type ValueLevelPolicy } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { promotedStillTacticalFindings } from './promoted-still-tactical';

const AS_OF = '2025-12-01';

function findingsFor(
  people: TestPerson[],
  options: { inferredPromotions?: ReadonlyMap<string, string>; policy?: ValueLevelPolicy } = {},
) {
  const context = new AnalysisContext(buildSnapshot(people, { asOf: AS_OF }), options.policy ?? DEFAULT_POLICY, {
    inferredPromotions: options.inferredPromotions,
  });
  return promotedStillTacticalFindings(context);
}

const dana: TestPerson = {
  id: 'E42',
  name: 'Dana Reyes',
  title: 'Director of Engineering',
  department: 'Engineering',
  lastPromotionDate: '2025-03-01',
  work: [
    ['Code reviews', 'IMPLEMENTATION', 20, '2022-01-01'],
    ['On-call rota', 'IMPLEMENTATION', 10, '2023-06-01'],
    ['Incident fixes', 'IMPLEMENTATION', 15, '2025-04-01'],
    ['Quarterly planning', 'UNIFICATION', 25, '2025-03-01'],
    ['Align product and sales', 'COMMUNICATION', 10, '2025-03-01'],
    ['Hiring', 'LEADERSHIP', 20, '2025-03-01'],
  ],
};

describe('PROMOTED_STILL_TACTICAL', () => {
  it('flags a recently promoted director who still mostly implements, and explains it with the numbers', () => {
    const [finding] = findingsFor([dana]);
    expect(finding).toEqual(
      expect.objectContaining({
        key: 'PROMOTED_STILL_TACTICAL:E42',
        kind: 'PROMOTED_STILL_TACTICAL',
        employeeId: 'E42',
        positionId: pos('E42'),
        department: 'Engineering',
        promotedOn: '2025-03-01',
        promotionSource: 'LAST_PROMOTION_DATE',
        implementationPct: 45,
        expectedImplementationPct: 10,
        carriedOverPct: 30,
      }),
    );
    expect(finding.explanation).toBe(
      'Dana Reyes was promoted to Director of Engineering on 2025-03-01 (9 months ago) but still spends 45% of their time on ' +
        'implementation work, 35 points above the 10% expected of a director. 30% of their time goes to responsibilities they ' +
        'held before the promotion: Code reviews (20%), On-call rota (10%).',
    );
    expect(finding.severity).toBeGreaterThan(0.7);
    expect(finding.severity).toBeLessThanOrEqual(1);
  });

  it('flags carried-over work alone, even when the implementation share is within tolerance', () => {
    const manager: TestPerson = {
      id: 'm',
      name: 'Sam Ode',
      title: 'Support Manager',
      lastPromotionDate: '2025-01-15',
      work: [
        ['Ticket queue', 'IMPLEMENTATION', 25, '2021-01-01'],
        ['Shift schedule', 'UNIFICATION', 45, '2024-01-01'],
        ['Weekly customer review', 'COMMUNICATION', 30, '2025-02-01'],
      ],
    };
    const [finding] = findingsFor([manager]);
    expect(finding.carriedOverPct).toBe(70);
    expect(finding.implementationPct).toBe(25);
    expect(finding.explanation).toBe(
      'Sam Ode was promoted to Support Manager on 2025-01-15 (10 months ago) but 70% of their time goes to responsibilities ' +
        'they held before the promotion: Shift schedule (45%), Ticket queue (25%). Implementation work takes 25% of their time ' +
        '(30% expected of a manager).',
    );
  });

  it('uses a promotion seen between snapshots and says so', () => {
    const [finding] = findingsFor([{ ...dana, lastPromotionDate: null }], {
      inferredPromotions: new Map([['E42', '2025-03-01']]),
    });
    expect(finding.promotionSource).toBe('SNAPSHOT_DIFF');
    expect(finding.promotedOn).toBe('2025-03-01');
    expect(finding.carriedOverPct).toBe(30);
    expect(finding.explanation).toMatch(
      /^Dana Reyes moved up to Director of Engineering between snapshots \(seen on 2025-03-01, 9 months ago\) but still spends 45%/,
    );
  });

  it('mentions time the responsibilities do not describe', () => {
    const [finding] = findingsFor([{ ...dana, work: dana.work!.slice(0, 3) }]);
    expect(finding.explanation).toMatch(/Their listed responsibilities cover 45% of their time\.$/);
  });

  it('reads thresholds from the policy', () => {
    const strict: ValueLevelPolicy = {
      ...DEFAULT_POLICY,
      thresholds: { ...DEFAULT_POLICY.thresholds, implementationExcessPoints: 40, carriedOverSharePct: 50 },
    };
    expect(findingsFor([dana], { policy: strict })).toEqual([]);
  });

  describe('near misses', () => {
    it('is not raised for a promotion older than the window', () => {
      expect(findingsFor([{ ...dana, lastPromotionDate: '2023-11-30' }])).toEqual([]);
      expect(findingsFor([{ ...dana, lastPromotionDate: '2023-12-01' }])).toHaveLength(1);
    });

    it('is not raised for a promotion dated after the analysis date', () => {
      expect(findingsFor([{ ...dana, lastPromotionDate: '2026-01-01' }])).toEqual([]);
    });

    it('is not raised without any promotion date', () => {
      expect(findingsFor([{ ...dana, lastPromotionDate: null }])).toEqual([]);
    });

    it('is not raised when implementation is 1 point under the excess and little is carried over', () => {
      const almost: TestPerson = {
        ...dana,
        work: [
          ['Code reviews', 'IMPLEMENTATION', 19, '2022-01-01'],
          ['Incident fixes', 'IMPLEMENTATION', 5, '2025-04-01'],
          ['Quarterly planning', 'UNIFICATION', 36, '2025-03-01'],
          ['Hiring', 'LEADERSHIP', 40, '2025-03-01'],
        ],
      };
      expect(findingsFor([almost])).toEqual([]);
      const atThreshold = {
        ...almost,
        work: [['Code reviews', 'IMPLEMENTATION', 25, '2025-05-01'], ...almost.work!.slice(2)] as TestPerson['work'],
      };
      expect(findingsFor([atThreshold])).toHaveLength(1);
    });

    it('is not raised for a promotion within the IC tier', () => {
      const engineer: TestPerson = {
        id: 'ic',
        title: 'Senior Engineer',
        lastPromotionDate: '2025-06-01',
        work: [['Build features', 'IMPLEMENTATION', 100, '2020-01-01']],
      };
      expect(findingsFor([engineer])).toEqual([]);
    });

    it('is not raised for a vacant post', () => {
      expect(findingsFor([{ ...dana, vacant: true }])).toEqual([]);
    });
  });
});
