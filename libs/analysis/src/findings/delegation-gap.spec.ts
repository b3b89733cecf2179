import { DEFAULT_POLICY, type DelegationGapFinding } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, team, type TestPerson, type TestWork } from '../testing/org-builder';
import { DELEGATE_SEARCH_LIMIT, DELEGATION_CHAIN_MAX_STEPS, delegationGapFindings, delegationGapsFor } from './delegation-gap';

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

/** What every person's time adds up to once the suggestions are made (listed + taken on − handed on). */
function bookedPct(context: AnalysisContext, employeeId: string): number {
  const node = context.index.node(pos(employeeId))!;
  return context.mixOf(node).allocatedPct + context.promisedPct[node.ordinal] - context.releasedPct[node.ordinal];
}

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
        outcome: 'DELEGATE_HAS_ROOM',
        handOffs: [],
        bestFitEmployeeId: 'E2',
        bestFitPositionId: pos('E2'),
        bestFitName: 'Sam Lee',
        nextStep: null,
      }),
    );
    expect(finding.explanation).toBe(
      'Dana Reyes (Director of Engineering) spends 20% of their time on "Code reviews", implementation work. ' +
        'Their implementation work adds up to 20%, 10 points above the 10% expected of a director, so this is worth handing over. ' +
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

  it('prefers someone further down already doing similar work over a direct report with room but without it', () => {
    const { findings } = analyse([
      director,
      { id: 'M1', title: 'Engineering Manager', manager: 'D1', work: full('Run sprints', 'UNIFICATION', 70) },
      { id: 'E1', manager: 'M1', work: full('Code reviews', 'IMPLEMENTATION', 50) },
    ]);
    expect(findings[0].delegateTo).toBe('E1');
    expect(findings[0].explanation).toMatch(/Person E1 \(Engineer, 2 levels down\), who already handles "Code reviews"/);
  });

  it('among equally similar reports, prefers the tier whose role expects more of that work, then the nearer', () => {
    const { findings } = analyse([
      director,
      { id: 'M1', title: 'Engineering Manager', manager: 'D1', work: full('Run sprints', 'UNIFICATION', 50) },
      { id: 'E1', manager: 'M1', work: full('Testing', 'IMPLEMENTATION', 50) },
    ]);
    // Neither does code reviews; an IC's role is 70% implementation, a manager's 30%.
    expect(findings[0].delegateTo).toBe('E1');
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
        outcome: 'NO_DELEGATE',
        bestFitEmployeeId: null,
        noDelegateReason: 'no direct or indirect report has a role that includes implementation work',
      }),
    );
    // What to do next names the report who could be trained.
    expect(findings[0].nextStep).toBe('Train Person D2 (Director of QA) to take it on, hire, or move it to a peer team.');
    expect(findings[0].explanation).toMatch(
      /Train Person D2 \(Director of QA\) to take it on, hire, or move it to a peer team\.$/,
    );
  });

  it('names the best fit and says hire or re-scope when nobody has the time, even by passing work on', () => {
    const { findings } = analyse([director, ...team('D1', 'E', 3, { work: full('Build', 'IMPLEMENTATION', 90) })]);
    expect(findings[0]).toEqual(
      expect.objectContaining({
        outcome: 'NO_ROOM',
        delegateTo: null,
        bestFitEmployeeId: 'E1',
        bestFitName: 'Person E1',
        noDelegateReason: 'Person E1 fits best, but no direct or indirect report has 20% free time, even by passing work on',
      }),
    );
    expect(findings[0].nextStep).toMatch(
      /^Hire or re-scope: Person E1 \(Engineer\) fits best, but the team's time is fully taken\./,
    );
    expect(findings[0].explanation).toMatch(
      /Best fit: Person E1 \(Engineer, a direct report\); but no direct or indirect report has 20% free time, even by passing work on\. Hire or re-scope: make room by hiring, or by dropping or reducing lower-value work, before handing it over\.$/,
    );
  });

  it('says when the leader has no reports, and what to do next', () => {
    const { findings } = analyse([director]);
    expect(findings[0].outcome).toBe('NO_DELEGATE');
    expect(findings[0].noDelegateReason).toBe('has no reports');
    expect(findings[0].nextStep).toBe('Hire someone to take it on, or move it to a peer team.');
    expect(findings[0].explanation).toMatch(
      /No delegate suggested: Dana Reyes has no reports\. Hire someone to take it on, or move it to a peer team\.$/,
    );
  });

  describe('the allowance', () => {
    const maya = (shares: number[]): TestPerson => ({
      ...director,
      work: [
        ...shares.map((share, i): TestWork => [`Hands-on task ${i + 1}`, 'IMPLEMENTATION', share]),
        ['Strategy', 'LEADERSHIP', 100 - shares.reduce((a, b) => a + b, 0)],
      ],
    });

    it('hands over the biggest tasks until what is left is within the tier’s expected share', () => {
      const { findings } = analyse([maya([20, 15, 10])]);
      // 45% against 10%: the 20% and 15% tasks go; the 10% left is exactly the allowance.
      expect(findings.map((f) => [f.responsibility, f.sharePct])).toEqual([
        ['Hands-on task 1', 20],
        ['Hands-on task 2', 15],
      ]);
    });

    it('near miss: a single task at exactly the allowance is not worth handing over; just above it is', () => {
      expect(analyse([maya([10])]).findings).toEqual([]);
      expect(analyse([maya([10.5])]).findings.map((f) => f.sharePct)).toEqual([10.5]);
    });

    it('a manager keeps implementation up to the expected share', () => {
      const manager: TestPerson = {
        id: 'M1',
        title: 'Support Manager',
        work: [
          ['Answer escalated tickets', 'IMPLEMENTATION', 30],
          ['Fix the knowledge base', 'IMPLEMENTATION', 20],
          ['Shift schedule', 'UNIFICATION', 50],
        ],
      };
      // 50% against 30%: handing over the 30% task leaves 20%, within the allowance.
      expect(analyse([manager]).findings.map((f) => f.responsibility)).toEqual(['Answer escalated tickets']);
    });

    it('a manager may take on work up to exactly their allowance', () => {
      const { findings } = analyse([
        {
          ...director,
          work: [
            ['Code reviews', 'IMPLEMENTATION', 15],
            ['Set engineering strategy', 'LEADERSHIP', 85],
          ],
        },
        {
          id: 'M1',
          name: 'Max Manager',
          title: 'Engineering Manager',
          manager: 'D1',
          work: [
            ['Review code for the API', 'IMPLEMENTATION', 30],
            ['Team planning', 'UNIFICATION', 40],
          ],
        },
      ]);
      // 30% + 15% = 45%: exactly what a manager may do before it is a delegation gap.
      expect(findings.map((f) => f.delegateTo)).toEqual(['M1']);
    });
  });

  describe('missing data is unknown, not free time', () => {
    it('never suggests a report with no responsibilities recorded, and says why nobody is suggested', () => {
      const { findings } = analyse([director, ...team('D1', 'E', 3)]);
      expect(findings[0]).toEqual(
        expect.objectContaining({
          outcome: 'NO_DELEGATE',
          delegateTo: null,
          bestFitEmployeeId: null,
          noDelegateReason: 'none of the 3 reports has responsibilities recorded, so whether anyone has room is unknown',
        }),
      );
      expect(findings[0].nextStep).toBe("Record the team's responsibilities first; until then, hire, or move it to a peer team.");
      expect(findings[0].explanation).not.toMatch(/free\b/);
    });

    it('prefers a busy report with data over an empty one, and says how many reports have none', () => {
      const { findings } = analyse([
        director,
        { id: 'E1', name: 'Ann Busy', manager: 'D1', work: full('Build', 'IMPLEMENTATION', 95) },
        { id: 'E2', name: 'No Data', manager: 'D1' },
      ]);
      expect(findings[0].bestFitEmployeeId).toBe('E1');
      expect(findings[0].noDelegateReason).toBe(
        'Ann Busy fits best, but no direct or indirect report has 20% free time, even by passing work on; 1 report has no responsibilities recorded, so their time is unknown',
      );
      expect(findings[0].explanation).not.toContain('No Data');
    });

    it('never hands knock-on work to someone without data either', () => {
      const { findings } = analyse([
        director,
        { id: 'E1', manager: 'D1', work: [['Review code', 'IMPLEMENTATION', 100]] },
        { id: 'E2', manager: 'D1', work: [['Testing', 'IMPLEMENTATION', 90]] },
        { id: 'E3', manager: 'D1' },
      ]);
      // E2 has 10% free, not 20%; E3 would have "100%" if missing data were free time.
      expect(findings[0].outcome).toBe('NO_ROOM');
      expect(findings[0].handOffs).toEqual([]);
    });
  });

  describe('capacity', () => {
    it('near miss: a delegate with exactly the time needed takes it; with a little less, they do not', () => {
      const at = analyse([director, { id: 'E1', manager: 'D1', work: full('Testing', 'IMPLEMENTATION', 80) }]);
      expect(at.findings[0]).toEqual(expect.objectContaining({ outcome: 'DELEGATE_HAS_ROOM', delegateTo: 'E1' }));
      expect(bookedPct(at.context, 'E1')).toBe(100);
      const below = analyse([director, { id: 'E1', manager: 'D1', work: full('Testing', 'IMPLEMENTATION', 80.5) }]);
      expect(below.findings[0]).toEqual(
        expect.objectContaining({ outcome: 'NO_ROOM', delegateTo: null, bestFitEmployeeId: 'E1' }),
      );
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
      expect(findings.map((f) => [f.responsibility, f.delegateTo])).toEqual([
        ['Code reviews', 'E1'],
        ['Release testing', null],
      ]);
      expect(findings[1].noDelegateReason).toBe(
        'Person E1 fits best, but no direct or indirect report has 30% free time, even by passing work on',
      );
      expect(context.promisedPct[context.index.node(pos('E1'))!.ordinal]).toBe(30);
      expect(bookedPct(context, 'E1')).toBe(80);
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
      // E1 has 10% left; the VP's 20% cannot go there, and M1 is handing such work down itself.
      expect(byLeader.get('VP')?.delegateTo).toBeNull();
    });

    it('two peer leaders competing for one person: the person’s own leader first, the other only with what is left', () => {
      const peers = (share: number): TestPerson[] => [
        { id: 'VP', title: 'VP Engineering', work: full('Strategy', 'LEADERSHIP') },
        ...(['M1', 'M2'] as const).map(
          (id): TestPerson => ({
            id,
            title: 'Director of Robotics',
            manager: 'VP',
            work: [
              ['Calibrate the gripper sensors', 'IMPLEMENTATION', share],
              ['Strategy', 'LEADERSHIP', 100 - share],
            ],
          }),
        ),
        { id: 'E1', name: 'Eve', manager: 'M1', work: full('Calibrate the gripper sensors weekly', 'IMPLEMENTATION', 70) },
        { id: 'E2', manager: 'M2', work: full('Answer the phone', 'IMPLEMENTATION', 100) },
      ];
      // M2 comes later in the chart, so it is visited first; yet Eve's own leader M1 is served first.
      const roomForOne = analyse(peers(20)); // Eve has 30% free
      const gaps = new Map(roomForOne.findings.map((f) => [f.employeeId, f]));
      expect(gaps.get('M1')).toEqual(expect.objectContaining({ outcome: 'DELEGATE_HAS_ROOM', delegateTo: 'E1' }));
      expect(gaps.get('M2')).toEqual(expect.objectContaining({ outcome: 'NO_ROOM', delegateTo: null, bestFitEmployeeId: 'E2' }));
      expect(gaps.get('M2')?.nextStep).toContain('or agree with Person M1 (Director of Robotics) to move it to their team');
      expect(bookedPct(roomForOne.context, 'E1')).toBe(90);

      const roomForBoth = analyse(peers(15)); // Eve's 30% takes both, exactly
      const both = new Map(roomForBoth.findings.map((f) => [f.employeeId, f]));
      expect(both.get('M1')?.outcome).toBe('DELEGATE_HAS_ROOM');
      expect(both.get('M2')).toEqual(
        expect.objectContaining({ outcome: 'PEER_TEAM', delegateTo: 'E1', bestFitEmployeeId: 'E1' }),
      );
      expect(both.get('M2')?.explanation).toContain(
        'Suggested delegate in a peer team: Eve (Engineer, in Person M1\'s team), who already handles "Calibrate the gripper sensors weekly" and has 15% of their time free; agree the move with Person M1 first.',
      );
      expect(bookedPct(roomForBoth.context, 'E1')).toBe(100);
    });

    it('never books anyone past their time across every leader of a larger org', () => {
      const people: TestPerson[] = [{ id: 'CEO', title: 'CEO', work: full('Strategy', 'LEADERSHIP') }];
      for (let d = 1; d <= 3; d++) {
        people.push({
          id: `D${d}`,
          title: 'Director of Engineering',
          manager: 'CEO',
          work: [
            ['Review pull requests', 'IMPLEMENTATION', 25],
            ['Debug incidents', 'IMPLEMENTATION', 15],
            ['Strategy', 'LEADERSHIP', 60],
          ],
        });
        for (let m = 1; m <= 2; m++) {
          const manager = `M${d}${m}`;
          people.push({
            id: manager,
            title: 'Engineering Manager',
            manager: `D${d}`,
            work: [
              ['Review pull requests', 'IMPLEMENTATION', 50],
              ['Planning', 'UNIFICATION', 40],
            ],
          });
          for (let e = 1; e <= 3; e++) {
            people.push({
              id: `E${d}${m}${e}`,
              manager,
              work: [
                ['Review pull requests', 'IMPLEMENTATION', 30 + 10 * e],
                ['Debug incidents', 'IMPLEMENTATION', 20],
              ],
            });
          }
        }
      }
      const { findings, context } = analyse(people);
      expect(findings.length).toBeGreaterThan(6);
      const outcomes = new Set(findings.map((f) => f.outcome));
      expect([...outcomes].sort()).toEqual(['DELEGATE_HAS_ROOM', 'DELEGATE_MAKES_ROOM', 'NO_ROOM']);
      for (const person of people) expect(bookedPct(context, person.id)).toBeLessThanOrEqual(100 + 1e-9);
      // Same input, same suggestions.
      expect(analyse(people).findings).toEqual(findings);
    });
  });

  describe('chains: a better fit makes room by handing work on', () => {
    // Leader → A (closest to the work, full) → B → C …, each full but the last.
    const chainOrg = (links: number): TestPerson[] => {
      const people: TestPerson[] = [
        {
          id: 'L',
          name: 'Lee',
          title: 'Director of Robotics',
          work: [
            ['Calibrate the gripper sensors', 'IMPLEMENTATION', 20],
            ['Strategy', 'LEADERSHIP', 80],
          ],
        },
        {
          id: 'A',
          name: 'Alex',
          manager: 'L',
          tier: 'IC',
          work: [
            ['Calibrate the gripper arm sensors', 'IMPLEMENTATION', 80],
            ['Task 1', 'IMPLEMENTATION', 20],
          ],
        },
      ];
      for (let i = 1; i <= links; i++) {
        const last = i === links;
        people.push({
          id: `B${i}`,
          name: `Sam ${i}`,
          manager: i === 1 ? 'A' : `B${i - 1}`,
          // Engineers, even with someone reporting to them: the chain runs through hands-on people.
          tier: 'IC',
          work: last
            ? [['Unrelated work', 'IMPLEMENTATION', 80]]
            : [
                ['Unrelated work', 'IMPLEMENTATION', 80],
                [`Task ${i + 1}`, 'IMPLEMENTATION', 20],
              ],
        });
      }
      return people;
    };

    it('one knock-on: Alex takes it over and hands one of their own tasks to Sam, who has the time', () => {
      const { findings, context } = analyse(chainOrg(1));
      const [finding] = findings;
      expect(finding).toEqual(
        expect.objectContaining({
          outcome: 'DELEGATE_MAKES_ROOM',
          delegateTo: 'A',
          bestFitEmployeeId: 'A',
          nextStep: null,
          handOffs: [
            {
              fromEmployeeId: 'A',
              fromPositionId: pos('A'),
              fromName: 'Alex',
              responsibilityId: 'r-A-2',
              responsibility: 'Task 1',
              sharePct: 20,
              valueLevel: 'IMPLEMENTATION',
              toEmployeeId: 'B1',
              toPositionId: pos('B1'),
              toName: 'Sam 1',
            },
          ],
        }),
      );
      expect(finding.explanation).toContain(
        'Suggested delegate: Alex (Engineer, a direct report), who already handles "Calibrate the gripper arm sensors" and has no free time: ' +
          'Alex would take over "Calibrate the gripper sensors" (20%) and could hand "Task 1" (20%) to Sam 1 (Engineer), who has 20% of their time free.',
      );
      expect([bookedPct(context, 'A'), bookedPct(context, 'B1')]).toEqual([100, 100]);
      expect(context.handedOn.has('r-A-2')).toBe(true);
    });

    it(`up to ${DELEGATION_CHAIN_MAX_STEPS} hand-offs in all (the leader's and two knock-ons)`, () => {
      const [finding] = analyse(chainOrg(2)).findings;
      expect(finding.outcome).toBe('DELEGATE_MAKES_ROOM');
      expect(finding.handOffs.map((h) => `${h.fromEmployeeId}→${h.toEmployeeId}: ${h.responsibility}`)).toEqual([
        'A→B1: Task 1',
        'B1→B2: Task 2',
      ]);
      expect(finding.explanation).toContain(
        'could hand "Task 1" (20%) to Sam 1 (Engineer), who in turn could hand "Task 2" (20%) to Sam 2 (Engineer), who has 20% of their time free.',
      );
    });

    it('near miss: a chain one hand-off too long is not suggested; the person with the time takes it directly', () => {
      const [finding] = analyse(chainOrg(3)).findings;
      expect(finding).toEqual(expect.objectContaining({ outcome: 'DELEGATE_HAS_ROOM', delegateTo: 'B3', handOffs: [] }));
    });

    it('without anyone with time at the end, no chain and no delegate: the best fit and hire or re-scope', () => {
      const people = chainOrg(1).map((p) => (p.id === 'B1' ? { ...p, work: full('Unrelated work') } : p));
      const [finding] = analyse(people).findings;
      expect(finding).toEqual(expect.objectContaining({ outcome: 'NO_ROOM', bestFitEmployeeId: 'A', handOffs: [] }));
      expect(finding.explanation).toContain('Hire or re-scope');
    });

    it('never hands on coordination or leadership work to make room for hands-on work', () => {
      const people = chainOrg(1).map((p) =>
        p.id === 'A'
          ? {
              ...p,
              work: [
                ['Calibrate the gripper arm sensors', 'IMPLEMENTATION', 80],
                ['Mentor new engineers', 'LEADERSHIP', 20],
              ] as TestWork[],
            }
          : p,
      );
      const [finding] = analyse(people).findings;
      // Sam has the time, but Alex would have to give up mentoring: Sam takes it directly instead.
      expect(finding).toEqual(expect.objectContaining({ outcome: 'DELEGATE_HAS_ROOM', delegateTo: 'B1' }));
    });

    it('never makes a delegate a delegation gap themselves (a manager past their implementation allowance)', () => {
      const { findings } = analyse([
        {
          ...director,
          id: 'VP',
          title: 'VP Sales',
          work: [
            ['Prepare the pipeline spreadsheet', 'IMPLEMENTATION', 30],
            ['Strategy', 'LEADERSHIP', 70],
          ],
        },
        {
          id: 'M1',
          title: 'Sales Operations Manager',
          manager: 'VP',
          work: [
            ['Prepare the pipeline report', 'IMPLEMENTATION', 25],
            ['Run the stand-up', 'UNIFICATION', 40],
          ],
        },
      ]);
      // 25% + 30% = 55%, 25 points over a manager's 30%: M1 has the time, but it is not their work to take.
      expect(findings[0]).toEqual(expect.objectContaining({ outcome: 'NO_DELEGATE', delegateTo: null }));
      expect(findings[0].noDelegateReason).toBe(
        'every direct or indirect report whose role includes implementation work would go over their own share of it by taking this on',
      );
      expect(findings[0].nextStep).toBe('Hire someone to take it on, or move it to a peer team.');
    });
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
      const { findings } = analyse([manager(46), { id: 'E1', manager: 'M1', work: full('Tickets', 'IMPLEMENTATION', 50) }]);
      expect(findings).toHaveLength(1);
      expect(findings[0].explanation).toContain(
        'Their implementation work adds up to 46%, 16 points above the 30% expected of a manager, so this is worth handing over',
      );
      expect(findings[0].delegateTo).toBe('E1');
    });

    it("near miss: exactly the allowance (15 points above expected) is part of a manager's job, not worth handing over", () => {
      expect(analyse([manager(45), { id: 'E1', manager: 'M1', work: full('Tickets', 'IMPLEMENTATION', 50) }]).findings).toEqual(
        [],
      );
      expect(analyse([manager(45.5)]).findings.map((f) => f.responsibility)).toEqual(['Answer escalated tickets']);
    });
  });

  describe('near misses', () => {
    it('ignores responsibilities under the minimum share', () => {
      const small: TestPerson = {
        ...director,
        work: [
          ['Code reviews', 'IMPLEMENTATION', 4.9],
          ['Testing', 'IMPLEMENTATION', 20],
          ['Strategy', 'LEADERSHIP', 75.1],
        ],
      };
      expect(analyse([small]).findings.map((f) => f.responsibility)).toEqual(['Testing']);
      const atMin: TestPerson = {
        ...director,
        work: [
          ['Code reviews', 'IMPLEMENTATION', 5],
          ['Testing', 'IMPLEMENTATION', 5],
          ['Filing', 'IMPLEMENTATION', 4.9],
          ['Printing', 'IMPLEMENTATION', 4.9],
          ['Strategy', 'LEADERSHIP', 80.2],
        ],
      };
      // 19.8% against 10%: both 5% tasks go (leaving 9.8%); the 4.9% ones are too small to hand over.
      expect(analyse([atMin]).findings.map((f) => f.responsibility)).toEqual(['Code reviews', 'Testing']);
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
