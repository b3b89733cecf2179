import { buildDelegationReview } from './build-delegation-review';
import { buildOrganizationSummary } from './build-organization-summary';
import { buildRoleDefinitions } from './build-role-definitions';
import { sparseInputs } from '../testing/report-fixtures';

// Missing data, chains and the appendix as the report model carries them.
const sparse = sparseInputs();
const roles = buildRoleDefinitions(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, { all: true }).roles;
const role = (id: string) => roles.find((candidate) => candidate.externalId === id)!;

describe('reports with missing data and delegation chains', () => {
  it('a role without responsibilities is not assessed and says which rules could not be checked', () => {
    const manager = role('M1');
    expect(manager.dataStatus).toBe('NO_RESPONSIBILITIES');
    expect(manager.delegations).toEqual([]);
    expect(manager.notChecked).toEqual([
      {
        kind: 'DELEGATION_GAP',
        kindLabel: 'Delegation gap',
        reason: 'NO_RESPONSIBILITIES',
        reasonText: 'no responsibilities recorded',
      },
    ]);
  });

  it('carries the chain of hand-offs and the best fit with what to do next', () => {
    const [calibrate, fix] = role('D1').delegations;
    expect(calibrate).toEqual(
      expect.objectContaining({
        responsibility: 'Calibrate the gripper sensors',
        outcome: 'DELEGATE_MAKES_ROOM',
        delegate: expect.objectContaining({ employeeId: 'A1', name: 'Alex Tech' }),
        bestFit: expect.objectContaining({ employeeId: 'A1' }),
        nextStep: null,
      }),
    );
    expect(calibrate.handOffs).toEqual([
      {
        from: expect.objectContaining({ employeeId: 'A1', title: 'Technician' }),
        to: expect.objectContaining({ employeeId: 'A2', name: 'Sam Tech' }),
        responsibility: 'Log daily checks',
        sharePct: 20,
      },
    ]);
    expect(fix).toEqual(
      expect.objectContaining({
        responsibility: 'Fix broken robots',
        outcome: 'NO_ROOM',
        delegate: null,
        bestFit: expect.objectContaining({ employeeId: 'A2' }),
      }),
    );
    expect(fix.noDelegateReason).toMatch(/2 reports have no responsibilities recorded, so their time is unknown$/);
    expect(fix.nextStep).toMatch(/^Hire or re-scope: Sam Tech \(Technician\) fits best/);
    // Nia has no data: never a delegate, never a best fit.
    expect(JSON.stringify(role('D1').delegations)).not.toContain('Nia Nodata');
  });

  it('the delegation review counts outcomes, coverage and what could not be checked in the team', () => {
    const review = buildDelegationReview(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options, 'D1');
    expect(review.totals.byOutcome).toEqual({
      DELEGATE_HAS_ROOM: 0,
      DELEGATE_MAKES_ROOM: 1,
      PEER_TEAM: 0,
      NO_ROOM: 1,
      NO_DELEGATE: 0,
    });
    expect(review.coverage).toEqual({ positions: 5, withData: 3, withoutData: 2, pct: 60 });
    expect(review.notChecked).toEqual([
      expect.objectContaining({
        kind: 'DELEGATION_GAP',
        reasonText: 'no responsibilities recorded',
        subject: expect.objectContaining({ employeeId: 'M1' }),
      }),
    ]);
  });

  it('the summary shows coverage per department and what could not be checked, with the reasons', () => {
    const summary = buildOrganizationSummary(sparse.snapshot, sparse.analysis, sparse.policy, sparse.options);
    expect(summary.coverage.overall).toEqual({ positions: 5, withData: 3, withoutData: 2, pct: 60 });
    expect(summary.coverage.byDepartment).toEqual([
      { department: 'Operations', positions: 5, withData: 3, withoutData: 2, pct: 60 },
    ]);
    expect(summary.coverage.notChecked).toEqual([
      {
        kind: 'DELEGATION_GAP',
        label: 'Delegation gap',
        count: 1,
        reasons: [{ reason: 'NO_RESPONSIBILITIES', text: 'no responsibilities recorded', count: 1 }],
      },
    ]);
    expect(summary.appendix.severityBands.map((band) => band.label)).toEqual(['High', 'Medium', 'Low']);
    expect(summary.appendix.severityRules).toHaveLength(5);
    expect(summary.appendix.severityRules.find((rule) => rule.kind === 'DELEGATION_GAP')?.rule).toMatch(/^0\.3 \+ 0\.5 ×/);
  });
});
