import { DEMO_CAST } from '@rolemap/demo-data';
import { demoInputs } from '../testing/report-fixtures';
import { buildDelegationReview } from './build-delegation-review';
import { ReportScopeError } from './report-scope-error';

const demo = demoInputs(
  new Map([
    [
      'DELEGATION_GAP:E0004:E0004:prepare the weekly pipeline spreadsheet',
      { status: 'DISMISSED' as const, note: 'Greg keeps this on purpose', reviewer: 'hr', reviewedAt: '2026-10-02' },
    ],
  ]),
);
const review = (leader: string) => buildDelegationReview(demo.snapshot, demo.analysis, demo.policy, demo.options, leader);
const allGaps = demo.analysis.findings.filter((finding) => finding.kind === 'DELEGATION_GAP');

describe('buildDelegationReview', () => {
  it('for the CEO, lists every delegation gap in the company with totals', () => {
    const report = review(DEMO_CAST.ceo);
    expect(report.teamSize).toBe(demo.snapshot.positions.length);
    expect(report.delegations.map((line) => line.findingKey).sort()).toEqual(allGaps.map((finding) => finding.key).sort());
    expect(report.totals.gaps).toBe(allGaps.length);
    expect(report.totals.withDelegate + report.totals.withoutDelegate).toBe(allGaps.length);
    expect(report.totals.byStatus).toEqual({ OPEN: allGaps.length - 1, ACCEPTED: 0, DISMISSED: 1 });
    expect(report.totals.sharePct).toBe(
      allGaps.reduce((sum, finding) => sum + (finding.kind === 'DELEGATION_GAP' ? finding.sharePct : 0), 0),
    );
  });

  it('includes the leader’s own gaps, with the suggested delegate and the review', () => {
    const report = review(DEMO_CAST.vpSales);
    const own = report.delegations.filter((line) => line.leader.employeeId === DEMO_CAST.vpSales);
    expect(own.length).toBeGreaterThan(0);
    expect(report.delegations[0].leader.employeeId).toBe(DEMO_CAST.vpSales);
    const spreadsheet = own.find((line) => line.responsibility === 'Prepare the weekly pipeline spreadsheet');
    expect(spreadsheet?.delegate).toMatchObject({
      employeeId: DEMO_CAST.salesOperationsManager,
      name: 'Aisha Karimi',
      title: 'Sales Operations Manager',
    });
    expect(spreadsheet?.review).toMatchObject({ status: 'DISMISSED', note: 'Greg keeps this on purpose' });
    expect(spreadsheet?.explanation).toMatch(/Suggested delegate: Aisha Karimi/);
  });

  it('keeps to the leader’s subtree and gives the reason when nobody can take the work', () => {
    const report = review(DEMO_CAST.promotedDirector);
    expect(report.delegations.length).toBeGreaterThan(0);
    const positions = new Map(demo.snapshot.positions.map((position) => [position.id, position]));
    const director = demo.snapshot.positions.find((position) => position.externalId === DEMO_CAST.promotedDirector)!;
    const inSubtree = (positionId: string) => {
      for (let id: string | null = positionId; id; id = positions.get(id)?.reportsToId ?? null)
        if (id === director.id) return true;
      return false;
    };
    expect(report.delegations.every((line) => inSubtree(line.leader.positionId))).toBe(true);
    const expected = allGaps.filter((gap) => inSubtree(gap.positionId)).map((gap) => gap.key);
    expect(report.delegations.map((line) => line.findingKey).sort()).toEqual(expected.sort());
    expect(report.delegations[0].leader.employeeId).toBe(DEMO_CAST.promotedDirector);
    expect(expected.length).toBeLessThan(allGaps.length);
    expect(report.delegations.every((line) => allGaps.some((gap) => gap.key === line.findingKey))).toBe(true);
    expect(report.delegations.some((line) => line.leader.employeeId === DEMO_CAST.vpSales)).toBe(false);
    // Her team makes room: one gap by a chain of hand-offs, the other directly.
    expect(report.delegations.map((line) => line.outcome).sort()).toEqual(['DELEGATE_HAS_ROOM', 'DELEGATE_MAKES_ROOM']);
    expect(report.coverage).toEqual({ positions: report.teamSize, withData: report.teamSize, withoutData: 0, pct: 100 });
    expect(report.notChecked).toEqual([]);
    expect(report.appendix.severityRules.map((rule) => rule.kind)).toContain('DELEGATION_GAP');
  });

  it('gives the reason and the next step when nobody can take the work (a fully booked finance team)', () => {
    const report = review(DEMO_CAST.directorOfFinance);
    const withoutDelegate = report.delegations.find((line) => line.delegate === null);
    // Nobody has the time, but the best fit is still named, with what to do next.
    expect(withoutDelegate?.outcome).toBe('NO_ROOM');
    expect(withoutDelegate?.bestFit?.name).toBeTruthy();
    expect(withoutDelegate?.noDelegateReason).toMatch(/fits best, but no direct or indirect report has \d+% free time/);
    expect(withoutDelegate?.nextStep).toMatch(/^Hire or re-scope/);
  });

  it('a leader with no gaps gets an empty review, not an error', () => {
    const report = review(DEMO_CAST.billingAnalyst);
    expect(report.delegations).toEqual([]);
    expect(report.totals).toEqual({
      gaps: 0,
      sharePct: 0,
      withDelegate: 0,
      withoutDelegate: 0,
      byStatus: { OPEN: 0, ACCEPTED: 0, DISMISSED: 0 },
      byOutcome: { DELEGATE_HAS_ROOM: 0, DELEGATE_MAKES_ROOM: 0, PEER_TEAM: 0, NO_ROOM: 0, NO_DELEGATE: 0 },
    });
    expect(report.header.scopeLabel).toBe('Nadia Petrova, Senior Billing Analyst, and their team (1 role)');
  });

  it('throws ReportScopeError for an unknown leader', () => {
    expect(() => review('nobody')).toThrow(ReportScopeError);
  });
});
