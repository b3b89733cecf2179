import { DEFAULT_POLICY, type DelegationGapFinding } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, team, type TestPerson, type TestWork } from '../testing/org-builder';
import { DELEGATE_SEARCH_LIMIT, delegationGapFindings, delegationGapsFor } from './delegation-gap';

function analyse(people: TestPerson[]) {
  const context = new AnalysisContext(buildSnapshot(people), DEFAULT_POLICY);
  return { context, findings: delegationGapFindings(context) };
}

const full = (title: string, level: TestWork[1] = 'IMPLEMENTATION', share = 100): TestWork[] => [[title, level, share]];

const director: TestPerson = {
  id: 'D1',
  name: 'Dana Reyes',
  title: 'Director of Engineering',
  work: [
    ['Code reviews', 'IMPLEMENTATION', 20],
    ['Set engineering strategy', 'LEADERSHIP', 40],
    ['Quarterly planning', 'UNIFICATION', 40],
  ],
};

describe('DELEGATION_GAP', () => {
  it('flags implementation work of a director and suggests the direct report already doing similar work', () => {
    const { findings } = analyse([
      director,
      { id: 'E1', name: 'Ann Busy', manager: 'D1', work: full('Feature work', 'IMPLEMENTATION', 60) },
      {
        id: 'E2',
        name: 'Sam Lee',
        title: 'Senior Engineer',
        manager: 'D1',
        work: full('Review code for the API', 'IMPLEMENTATION', 65),
      },
      { id: 'E3', name: 'Kim Free', manager: 'D1', work: full('Testing', 'IMPLEMENTATION', 30) },
    ]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toEqual(
      expect.objectContaining({
        kind: 'DELEGATION_GAP',
        key: 'DELEGATION_GAP:D1:D1:code reviews',
        employeeId: 'D1',
        positionId: pos('D1'),
        responsibilityId: 'r-D1-1',
        responsibility: 'Code reviews',
        sharePct: 20,
        valueLevel: 'IMPLEMENTATION',
        delegateTo: 'E2',
        delegatePositionId: pos('E2'),
        delegateName: 'Sam Lee',
        noDelegateReason: null,
      }),
    );
    expect(finding.explanation).toBe(
      'Dana Reyes (Director of Engineering) spends 20% of their time on "Code reviews", implementation work. ' +
        "Only 10% of a director's time is expected to go to implementation work, so this is worth handing over. " +
        'Suggested delegate: Sam Lee (Senior Engineer, a direct report), who already handles "Review code for the API" and has 35% of their time free.',
    );
  });

  it('without similar work, picks the direct report with the most free time', () => {
    const { findings } = analyse([
      director,
      { id: 'E1', manager: 'D1', work: full('Feature work', 'IMPLEMENTATION', 60) },
      { id: 'E3', manager: 'D1', work: full('Testing', 'IMPLEMENTATION', 30) },
    ]);
    expect(findings[0].delegateTo).toBe('E3');
    expect(findings[0].explanation).toMatch(
      /Suggested delegate: Person E3 \(Engineer, a direct report\), who has 70% of their time free\.$/,
    );
  });

  it('prefers a direct report with room over someone further down already doing similar work', () => {
    const { findings } = analyse([
      director,
      { id: 'M1', title: 'Engineering Manager', manager: 'D1', work: full('Run sprints', 'UNIFICATION', 70) },
      { id: 'E1', manager: 'M1', work: full('Code reviews', 'IMPLEMENTATION', 50) },
    ]);
    expect(findings[0].delegateTo).toBe('M1');
  });

  it('looks further down, breadth-first, when no direct report has room', () => {
    const { findings } = analyse([
      director,
      { id: 'M1', title: 'Engineering Manager', manager: 'D1', work: full('Run sprints', 'UNIFICATION', 95) },
      { id: 'E1', manager: 'M1', work: full('Testing', 'IMPLEMENTATION', 70) },
    ]);
    expect(findings[0].delegateTo).toBe('E1');
    expect(findings[0].explanation).toMatch(/Person E1 \(Engineer, 2 levels down\)/);
  });

  it('never suggests a vacant post or someone whose role does not include that level', () => {
    const { findings } = analyse([
      director,
      { id: 'D2', title: 'Director of QA', manager: 'D1', work: full('Strategy', 'LEADERSHIP', 10) },
      { id: 'V1', manager: 'D1', vacant: true },
    ]);
    expect(findings[0]).toEqual(
      expect.objectContaining({
        delegateTo: null,
        delegatePositionId: null,
        delegateName: null,
        noDelegateReason: 'no direct or indirect report has a role that includes implementation work',
      }),
    );
  });

  it('says when nobody has enough free time', () => {
    const { findings } = analyse([director, ...team('D1', 'E', 3, { work: full('Build', 'IMPLEMENTATION', 90) })]);
    expect(findings[0].noDelegateReason).toBe('no direct or indirect report has 20% free time');
    expect(findings[0].explanation).toMatch(/No delegate suggested: no direct or indirect report has 20% free time\.$/);
  });

  it('says when the leader has no reports', () => {
    const { findings } = analyse([director]);
    expect(findings[0].noDelegateReason).toBe('has no reports');
    expect(findings[0].explanation).toMatch(/No delegate suggested: Dana Reyes has no reports\.$/);
  });

  it("consumes a delegate's free time, so nobody is handed more than a full job", () => {
    const busy: TestPerson = {
      ...director,
      work: [
        ['Code reviews', 'IMPLEMENTATION', 30],
        ['Release testing', 'IMPLEMENTATION', 30],
        ['Strategy', 'LEADERSHIP', 40],
      ],
    };
    const { findings, context } = analyse([busy, { id: 'E1', manager: 'D1', work: full('Build', 'IMPLEMENTATION', 50) }]);
    expect(findings.map((f) => f.delegateTo)).toEqual(['E1', null]);
    expect(findings[1].noDelegateReason).toBe('no direct or indirect report has 30% free time');
    expect(context.promisedPct[context.index.node(pos('E1'))!.ordinal]).toBe(30);
  });

  it('shares delegate capacity between leaders, serving the one closest to the work first', () => {
    const { findings } = analyse([
      { ...director, id: 'VP', title: 'VP Engineering', name: 'Vic' },
      {
        id: 'M1',
        title: 'Engineering Manager',
        manager: 'VP',
        work: [
          ['Hands-on coding', 'IMPLEMENTATION', 50],
          ['Team planning', 'UNIFICATION', 50],
        ],
      },
      { id: 'E1', manager: 'M1', work: full('Build', 'IMPLEMENTATION', 40) },
    ]);
    const byLeader = new Map(findings.map((f) => [f.employeeId, f]));
    expect(byLeader.get('M1')?.delegateTo).toBe('E1');
    // E1 has 10% left; the VP's 20% cannot go there, and M1 is full too.
    expect(byLeader.get('VP')?.delegateTo).toBeNull();
  });

  it('rates executives above directors above managers for the same share', () => {
    const severities = ['CEO', 'Director of Sales', 'Sales Manager'].map((title) => {
      const leader: TestPerson = {
        id: 'L',
        title,
        work: [
          ['Build pitch decks', 'IMPLEMENTATION', 60],
          ['Plan', 'UNIFICATION', 40],
        ],
      };
      return analyse([leader]).findings[0].severity;
    });
    expect(severities[0]).toBeGreaterThan(severities[1]);
    expect(severities[1]).toBeGreaterThan(severities[2]);
    expect(severities[0]).toBeLessThanOrEqual(1);
  });

  describe('managers', () => {
    const manager = (implementationPct: number): TestPerson => ({
      id: 'M1',
      name: 'Max',
      title: 'Support Manager',
      work: [
        ['Answer escalated tickets', 'IMPLEMENTATION', implementationPct],
        ['Shift schedule', 'UNIFICATION', 100 - implementationPct],
      ],
    });

    it('flags their implementation work only once it is well above what a manager is expected to do', () => {
      const { findings } = analyse([manager(45), { id: 'E1', manager: 'M1', work: full('Tickets', 'IMPLEMENTATION', 50) }]);
      expect(findings).toHaveLength(1);
      expect(findings[0].explanation).toContain(
        'Their implementation work adds up to 45%, 15 points above the 30% expected of a manager',
      );
      expect(findings[0].delegateTo).toBe('E1');
    });

    it("near miss: 14 points above expected is part of a manager's job", () => {
      expect(analyse([manager(44)]).findings).toEqual([]);
    });
  });

  describe('near misses', () => {
    it('ignores responsibilities under the minimum share', () => {
      const small: TestPerson = {
        ...director,
        work: [
          ['Code reviews', 'IMPLEMENTATION', 4.9],
          ['Strategy', 'LEADERSHIP', 95.1],
        ],
      };
      expect(analyse([small]).findings).toEqual([]);
      const atMin: TestPerson = {
        ...director,
        work: [
          ['Code reviews', 'IMPLEMENTATION', 5],
          ['Strategy', 'LEADERSHIP', 95],
        ],
      };
      expect(analyse([atMin]).findings).toHaveLength(1);
    });

    it("does not flag a director's coordination or communication work", () => {
      const coordinating: TestPerson = {
        ...director,
        work: [
          ['Sprint planning', 'UNIFICATION', 60],
          ['Board report', 'COMMUNICATION', 40],
        ],
      };
      expect(analyse([coordinating]).findings).toEqual([]);
    });

    it('never flags individual contributors', () => {
      expect(analyse([{ id: 'E1', title: 'Engineer', work: full('Build') }]).findings).toEqual([]);
    });

    it('does not flag a vacant leadership post', () => {
      const leader = new AnalysisContext(buildSnapshot([{ ...director, vacant: true }]), DEFAULT_POLICY);
      expect(delegationGapsFor(leader.index.node(pos('D1'))!, leader)).toEqual([]);
    });
  });

  it('bounds the search so an executive over a huge org stays cheap, and says so', () => {
    const people: TestPerson[] = [
      {
        id: 'CEO',
        title: 'CEO',
        name: 'Cy',
        work: [
          ['Write the newsletter copy', 'IMPLEMENTATION', 30],
          ['Strategy', 'LEADERSHIP', 70],
        ],
      },
      ...team('CEO', 'D', DELEGATE_SEARCH_LIMIT + 10, { title: 'Director', work: full('Strategy', 'LEADERSHIP') }),
      { id: 'far', manager: 'D1' },
    ];
    const [finding] = analyse(people).findings as DelegationGapFinding[];
    expect(finding.delegateTo).toBeNull();
    expect(finding.noDelegateReason).toBe(
      `no direct or indirect report among the nearest ${DELEGATE_SEARCH_LIMIT} reports has a role that includes implementation work`,
    );
  });
});
