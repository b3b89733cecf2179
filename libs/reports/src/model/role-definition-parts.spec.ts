import { DEFAULT_POLICY, type RolePurposeLookup, type ValueLevelPolicy } from '@rolemap/domain';
import { duty, inputsFrom, person } from '../testing/report-fixtures';
import { buildRoleDefinitions } from './build-role-definitions';
import type { ResponsibilityGroup } from './report-types';
import { decisionRightsOf, draftPurposeOf, keyAccountabilitiesOf } from './role-definition-parts';

function group(level: ResponsibilityGroup['level'], shares: number[]): ResponsibilityGroup {
  return {
    level,
    label: level.charAt(0) + level.slice(1).toLowerCase(),
    description: '',
    expectedPct: 0,
    actualPct: shares.reduce((sum, share) => sum + share, 0),
    responsibilities: shares.map((sharePct, i) => ({
      id: `${level}-${i}`,
      title: `${level} task ${i}`,
      description: null,
      sharePct,
      heldSince: null,
      carriedOver: false,
      valueLevelSource: 'GIVEN',
    })),
  };
}

describe('keyAccountabilitiesOf', () => {
  it('keeps the largest of every level, then the largest overall, and counts the rest per level', () => {
    const groups = [group('LEADERSHIP', [2]), group('UNIFICATION', [20, 10, 1]), group('IMPLEMENTATION', [30, 15, 12, 5, 5])];
    const key = keyAccountabilitiesOf(groups, 5);
    expect(key.map((g) => [g.level, g.items.map((item) => item.sharePct), g.otherCount, g.otherSharePct])).toEqual([
      ['LEADERSHIP', [2], 0, 0],
      ['UNIFICATION', [20], 2, 11],
      ['IMPLEMENTATION', [30, 15, 12], 2, 10],
    ]);
    // Shares of the level stay those of all its responsibilities, not of the listed ones.
    expect(key.find((g) => g.level === 'IMPLEMENTATION')?.sharePct).toBe(67);
  });

  it('lists everything when the role has few responsibilities, and nothing for none', () => {
    const key = keyAccountabilitiesOf([group('COMMUNICATION', [40, 10]), group('IMPLEMENTATION', [50])]);
    expect(key.flatMap((g) => g.items.map((item) => item.sharePct))).toEqual([40, 10, 50]);
    expect(key.every((g) => g.otherCount === 0)).toBe(true);
    expect(keyAccountabilitiesOf([])).toEqual([]);
  });
});

describe('decisionRightsOf', () => {
  it('reads decides / recommends / consulted off the tier’s expected mix, highest level first', () => {
    const rights = decisionRightsOf('MANAGER', DEFAULT_POLICY, 4);
    expect(rights.map((right) => [right.level, right.right, right.expectedPct])).toEqual([
      ['LEADERSHIP', 'RECOMMENDS', 15],
      ['COMMUNICATION', 'RECOMMENDS', 20],
      ['UNIFICATION', 'DECIDES', 35],
      ['IMPLEMENTATION', 'DECIDES', 30],
    ]);
    expect(rights[2].matter).toContain('the team’s plans');
    expect(rights[2].basis).toBe('The policy expects 35% unification work of a manager');
  });

  it('follows the organization’s policy, leaves out levels it gives no time, and speaks of own work without reports', () => {
    const policy: ValueLevelPolicy = {
      ...DEFAULT_POLICY,
      expectedMix: {
        ...DEFAULT_POLICY.expectedMix,
        IC: { IMPLEMENTATION: 90, UNIFICATION: 10, COMMUNICATION: 0, LEADERSHIP: 0 },
      },
    };
    const rights = decisionRightsOf('IC', policy, 0);
    expect(rights.map((right) => [right.level, right.right])).toEqual([
      ['UNIFICATION', 'RECOMMENDS'],
      ['IMPLEMENTATION', 'DECIDES'],
    ]);
    expect(rights[1].matter).toBe('how its own work is done and when it is finished');
    expect(decisionRightsOf('EXECUTIVE', DEFAULT_POLICY, 3).find((r) => r.level === 'IMPLEMENTATION')?.right).toBe('CONSULTED');
  });
});

describe('role definitions: purpose, span, accountabilities, hand down and take on', () => {
  const people = [
    person('D1', 'Director of Engineering', null),
    person('M1', 'Engineering Manager', 'D1'),
    person('E1', 'Software Engineer', 'M1'),
    person('E2', 'Software Engineer', 'M1'),
    person('E3', 'Software Engineer', 'M1'),
  ];
  const responsibilities = [
    duty('D1', 'Set the engineering strategy', 'LEADERSHIP', 30),
    duty('D1', 'Align roadmaps with product', 'COMMUNICATION', 30),
    duty('D1', 'Run the quarterly planning', 'UNIFICATION', 30),
    duty('D1', 'Hire engineers', 'IMPLEMENTATION', 10),
    duty('M1', 'Write the fleet API code', 'IMPLEMENTATION', 25),
    duty('M1', 'Debug incidents', 'IMPLEMENTATION', 35),
    duty('M1', 'Plan the sprint', 'UNIFICATION', 30),
    duty('M1', 'Report status to the director', 'COMMUNICATION', 10),
    ...['E1', 'E2', 'E3'].flatMap((id) => [
      duty(id, 'Write service code', 'IMPLEMENTATION', 40),
      duty(id, 'Review designs', 'UNIFICATION', 20),
    ]),
  ];
  const build = (purposes?: RolePurposeLookup) => {
    const inputs = inputsFrom(people, responsibilities);
    return buildRoleDefinitions(inputs.snapshot, inputs.analysis, inputs.policy, { ...inputs.options, purposes }, { all: true });
  };
  const roleOf = (report: ReturnType<typeof build>, id: string) => report.roles.find((role) => role.externalId === id)!;

  it('gives a marked draft purpose from tier, line, team and the accountabilities at the role’s level', () => {
    const manager = roleOf(build(), 'M1');
    expect(manager.purpose.status).toBe('DRAFT');
    expect(manager.purpose.text).toBe(
      'A manager role in Engineering, reporting to the Director of Engineering, leading 3 people directly. ' +
        'Its time should go mostly to unification (35%): coordination: planning the team’s work, running its cadence, resolving dependencies. ' +
        'Its main accountabilities: “Debug incidents”, “Plan the sprint”, “Write the fleet API code”.',
    );
    const director = roleOf(build(), 'D1');
    expect(director.purpose.text).toContain('at the top of the organization, leading 1 person directly (4 in all)');
    expect(director.purpose.text).toContain('mostly to leadership, communication and unification (30% each)');
  });

  it('uses the purpose HR wrote: the post’s own before its title’s', () => {
    const setAt = '2026-11-20T10:00:00.000Z';
    const report = build({
      byPosition: new Map([['E2', { text: 'Owns the billing service.', appliesTo: 'POSITION', setBy: 'HR', setAt }]]),
      byTitle: new Map([['software engineer', { text: 'Builds the product.', appliesTo: 'TITLE', setBy: 'HR', setAt }]]),
    });
    expect(roleOf(report, 'E1').purpose).toEqual({
      text: 'Builds the product.',
      status: 'WRITTEN',
      appliesTo: 'TITLE',
      setBy: 'HR',
      setAt,
    });
    expect(roleOf(report, 'E2').purpose.text).toBe('Owns the billing service.');
    expect(roleOf(report, 'M1').purpose.status).toBe('DRAFT');
  });

  it('counts direct and total reports, and has no dotted lines where the chart records none', () => {
    const director = roleOf(build(), 'D1');
    expect([director.directReports, director.totalReports]).toEqual([1, 4]);
    expect(director.dottedLineManagers).toEqual([]);
    expect(roleOf(build(), 'E1').totalReports).toBe(0);
  });

  it('hands down implementation work to the named report and takes on the missing higher-level work', () => {
    const manager = roleOf(build(), 'M1');
    expect(manager.delegations.map((line) => [line.responsibility, line.sharePct, line.delegate?.employeeId ?? null])).toEqual([
      ['Debug incidents', 35, expect.stringMatching(/^E[123]$/)],
    ]);
    expect(manager.levelsToTakeOn.map((item) => [item.level, item.shortfallPoints])).toEqual([
      ['LEADERSHIP', 15],
      ['COMMUNICATION', 10],
    ]);
    expect(manager.keyAccountabilities.map((g) => [g.level, g.sharePct, g.expectedPct])).toEqual([
      ['COMMUNICATION', 10, 20],
      ['UNIFICATION', 30, 35],
      ['IMPLEMENTATION', 60, 30],
    ]);
  });
});

describe('draftPurposeOf', () => {
  it('describes a role without recorded work from its tier alone', () => {
    const text = draftPurposeOf(
      {
        externalId: 'X',
        title: 'Analyst',
        tier: 'IC',
        department: null,
        manager: null,
        directReports: 0,
        totalReports: 0,
        accountabilities: [],
      },
      DEFAULT_POLICY,
    );
    expect(text).toBe(
      'An individual contributor role, at the top of the organization. Its time should go mostly to implementation (70%): hands-on delivery: building, fixing and producing the work itself.',
    );
  });
});
