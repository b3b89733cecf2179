import { DEFAULT_POLICY } from '@rolemap/domain';
import { DEMO_CAST } from '@rolemap/demo-data';
import { demoInputs, duty, inputsFrom, person } from '../testing/report-fixtures';
import { buildRoleDefinitions, roleDefinitionsOf, streamRoleDefinitions } from './build-role-definitions';
import { ReportScopeError } from './report-scope-error';

const demo = demoInputs(
  new Map([
    [
      'PROMOTED_STILL_TACTICAL:E0011',
      {
        status: 'ACCEPTED' as const,
        note: 'Agreed hand-over plan in Q1',
        reviewer: 'hr@northwind.example',
        reviewedAt: '2026-10-20T09:00:00Z',
      },
    ],
  ]),
);
const build = (scope: Parameters<typeof buildRoleDefinitions>[4], inputs = demo) =>
  buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, inputs.options, scope);

describe('buildRoleDefinitions', () => {
  const all = build({ all: true });

  it('builds, as a stream, the same roles one at a time, and their contents lines without them', () => {
    const stream = streamRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, { all: true });
    expect(stream.roleCount).toBe(all.roles.length);
    expect(stream.roleAt(3)).toEqual(all.roles[3]);
    expect(roleDefinitionsOf(stream)).toEqual(all);
    expect(stream.contents).toEqual(
      all.roles.map((role) => ({
        title: role.title,
        holderName: role.holder?.name ?? null,
        depth: role.reportingLine.length,
      })),
    );
    expect(() => streamRoleDefinitions(demo.snapshot, demo.analysis, demo.policy, demo.options, { employeeId: 'NOPE' })).toThrow(
      ReportScopeError,
    );
  });
  const director = build({ employeeId: DEMO_CAST.promotedDirector }).roles[0];

  it('covers every position, top of the chart first, with a header naming the scope', () => {
    expect(all.roles).toHaveLength(demo.snapshot.positions.length);
    expect(all.roles[0].holder?.employeeId).toBe(DEMO_CAST.ceo);
    expect(all.header).toEqual({
      kind: 'ROLE_DEFINITIONS',
      title: 'Role definitions',
      organizationName: 'Northwind Robotics',
      snapshotVersion: 3,
      asOf: '2026-11-01',
      scopeLabel: `All roles (${demo.snapshot.positions.length})`,
    });
    // Depth-first: every role's manager comes before it.
    const seen = new Set<string>();
    for (const role of all.roles) {
      if (role.reportingLine[0]) expect(seen.has(role.reportingLine[0].positionId)).toBe(true);
      seen.add(role.positionId);
    }
  });

  it('describes the promoted director: reporting line, mix, carried-over work, delegations, what to take on', () => {
    expect(director.title).toBe('Director of Engineering, Platform');
    expect(director.holder).toEqual({ employeeId: 'E0011', name: 'Maya Lindqvist' });
    expect(director.reportingLine.map((ref) => ref.employeeId)).toEqual(['E0002', 'E0001']);
    expect(director.mix.map((line) => [line.level, line.expectedPct, line.actualPct])).toEqual([
      ['LEADERSHIP', 30, 15],
      ['COMMUNICATION', 30, 15],
      ['UNIFICATION', 30, 25],
      ['IMPLEMENTATION', 10, 45],
    ]);
    expect(director.promotedOn).toBe('2026-02-14');
    const implementation = director.responsibilityGroups.find((group) => group.level === 'IMPLEMENTATION');
    expect(implementation?.responsibilities.map((item) => [item.title, item.sharePct, item.carriedOver])).toEqual([
      ['Review pull requests for the fleet API', 20, true],
      ['Debug production incidents in the fleet scheduler', 15, true],
      ['Write deployment scripts for robot firmware releases', 10, true],
    ]);
    const leadership = director.responsibilityGroups.find((group) => group.level === 'LEADERSHIP');
    expect(leadership?.responsibilities.every((item) => !item.carriedOver)).toBe(true);
    expect(director.responsibilityGroups.map((group) => group.level)).toEqual([
      'LEADERSHIP',
      'COMMUNICATION',
      'UNIFICATION',
      'IMPLEMENTATION',
    ]);

    expect(director.delegations.map((line) => [line.responsibility, line.sharePct])).toEqual([
      ['Review pull requests for the fleet API', 20],
      ['Debug production incidents in the fleet scheduler', 15],
      // The 10% task is left: with the two others handed over, 10% is what a director may keep.
    ]);
    // Nobody under her has 20% free, so a reviewer takes it over and passes work on to the newcomer.
    expect(director.delegations[0].delegate?.name).toBe('Carlos Ramos');
    expect(director.delegations[0].handOffs).toEqual([
      expect.objectContaining({ responsibility: 'Fix bugs in the order-picking workflow', sharePct: 30 }),
    ]);
    expect(director.delegations[0].noDelegateReason).toBeNull();
    expect(director.dataStatus).toBe('RECORDED');

    expect(director.levelsToTakeOn.map((item) => item.advice)).toEqual([
      'Take on about 15% more leadership work: direction, strategy, developing leaders (now 15% of the time; 30% is expected of a director).',
      'Take on about 15% more communication work: alignment: reporting upward, aligning peers and stakeholders, representing the team (now 15% of the time; 30% is expected of a director).',
    ]);
  });

  it('lists the position’s findings with explanations and review status', () => {
    const promoted = director.findings.find((finding) => finding.kind === 'PROMOTED_STILL_TACTICAL');
    expect(promoted?.explanation).toMatch(/^Maya Lindqvist was promoted to Director of Engineering, Platform/);
    expect(promoted?.review).toEqual({
      status: 'ACCEPTED',
      note: 'Agreed hand-over plan in Q1',
      reviewer: 'hr@northwind.example',
      reviewedAt: '2026-10-20T09:00:00Z',
    });
    const gap = director.findings.find((finding) => finding.kind === 'DELEGATION_GAP');
    expect(gap?.review).toEqual({ status: 'OPEN', note: null, reviewer: null, reviewedAt: null });
    expect(director.findings.map((finding) => finding.severity)).toEqual(
      [...director.findings.map((f) => f.severity)].sort((a, b) => b - a),
    );
  });

  it('selects a department, whatever its case, in chart order', () => {
    const finance = build({ department: 'finance' });
    expect(finance.roles.length).toBeGreaterThan(1);
    expect(finance.roles.every((role) => role.department === 'Finance')).toBe(true);
    expect(finance.header.scopeLabel).toBe(`Finance department (${finance.roles.length} roles)`);
    const depths = finance.roles.map((role) => role.reportingLine.length);
    expect(depths[0]).toBe(Math.min(...depths));
    expect(finance.roles.some((role) => role.holder?.employeeId === DEMO_CAST.directorOfFinance)).toBe(true);
  });

  it('describes a vacant post, addressed by its post reference', () => {
    const vacant = build({ employeeId: DEMO_CAST.vacantPost }).roles[0];
    expect(vacant.vacant).toBe(true);
    expect(vacant.holder).toBeNull();
    expect(vacant.notes[0]).toMatch(/vacant/);
  });

  it('throws ReportScopeError for an unknown employee or department', () => {
    expect(() => build({ employeeId: 'E9999' })).toThrow(ReportScopeError);
    expect(() => build({ employeeId: 'E9999' })).toThrow('No employee with id "E9999" in this snapshot.');
    expect(() => build({ department: 'Legal' })).toThrow(
      /No department named "Legal".*Departments: Customer Success, Engineering/,
    );
  });

  it('refuses an analysis of another snapshot', () => {
    const other = { ...demo, analysis: { ...demo.analysis, snapshotId: 'someone-else' } };
    expect(() => build({ all: true }, other)).toThrow(/not of snapshot snap-test/);
  });

  describe('edge cases', () => {
    const small = inputsFrom(
      [
        person('M1', 'Engineering Manager', null),
        person('A1', 'Software Engineer', 'M1'),
        person('V1', 'Software Engineer', 'M1', { vacant: true }),
        person('Q1', 'QA Engineer', 'M1'),
      ],
      [
        duty('M1', 'Plan the sprint', 'UNIFICATION', 50),
        duty('M1', 'Coach the engineers', 'LEADERSHIP', 20),
        duty('M1', 'Write release notes', 'IMPLEMENTATION', 30),
        duty('A1', 'Build features', 'IMPLEMENTATION', 60),
      ],
    );
    const roles = buildRoleDefinitions(small.snapshot, small.analysis, DEFAULT_POLICY, small.options, { all: true }).roles;
    const byId = new Map(roles.map((role) => [role.externalId, role]));

    it('a role without responsibilities: no groups, nothing to take on, and a note saying why', () => {
      const qa = byId.get('Q1')!;
      expect(qa.responsibilityGroups).toEqual([]);
      expect(qa.levelsToTakeOn).toEqual([]);
      expect(qa.allocatedPct).toBe(0);
      expect(qa.notes).toEqual([
        'No responsibilities are recorded for this role yet, so its work is unknown: its value-level mix cannot be compared with the expectation, and the findings that need it are not checked.',
      ]);
      expect(qa.dataStatus).toBe('NO_RESPONSIBILITIES');
      // The small org's people have a rating but no dates beyond a role start in 2020: pigeonholing needs the work.
      expect(qa.notChecked).toEqual([]);
      expect(byId.get('A1')!.dataStatus).toBe('RECORDED');
    });

    it('a role with work that needs review lists it in a note instead of leaving it out unsaid', () => {
      const unread = inputsFrom(
        [person('U1', 'Software Engineer', null)],
        [
          duty('U1', 'Build features', 'IMPLEMENTATION', 60),
          { ...duty('U1', 'qwzx plorf vantic', 'IMPLEMENTATION', 40), valueLevel: null },
        ],
      );
      const [role] = buildRoleDefinitions(unread.snapshot, unread.analysis, DEFAULT_POLICY, unread.options, { all: true }).roles;
      expect(role.responsibilityGroups.map((group) => group.level)).toEqual(['IMPLEMENTATION']);
      expect(role.notes).toContain(
        '40% of the time is in responsibilities whose level needs review and is not counted in the mix: "qwzx plorf vantic".',
      );
    });

    it('a partly described role says how much time is not described', () => {
      expect(byId.get('A1')!.notes[0]).toMatch(/cover 60% of the time; the other 40% is not described/);
    });

    it('a vacant post has no holder and still shows its line', () => {
      const vacant = byId.get('V1')!;
      expect(vacant.holder).toBeNull();
      expect(vacant.reportingLine.map((ref) => ref.employeeId)).toEqual(['M1']);
    });

    it('a leader without gaps has nothing to delegate', () => {
      const manager = byId.get('M1')!;
      expect(manager.delegations).toEqual([]);
      expect(manager.reportingLine).toEqual([]);
      expect(manager.directReports).toBe(3);
      expect(manager.responsibilityGroups.map((group) => group.level)).toEqual(['LEADERSHIP', 'UNIFICATION', 'IMPLEMENTATION']);
    });
  });
});
