import { DEFAULT_DEMO_AS_OF, DEMO_CAST, generateDemoOrg } from '@rolemap/demo-data';
import { type DelegationGapFinding, FINDING_KINDS, type PigeonholingRiskFinding, resolvePolicy } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { delegationGapFindings } from '../findings/delegation-gap';
import { snapshotFromRecords } from '../snapshot/snapshot-from-records';
import { analyzeSnapshot } from './analyze-snapshot';

// The demo organization imported the way the app does it (the classifier levels the blank ones),
// under the policy the demo is seeded with (four layers, so a LAYERS finding shows).
const demo = generateDemoOrg();
const policy = resolvePolicy({ thresholds: { maxLayers: 4 } });
function snapshotOf(responsibilities = demo.responsibilities) {
  let next = 0;
  return snapshotFromRecords(demo.people, responsibilities, {
    organizationId: 'demo',
    snapshotId: 'demo-1',
    asOf: DEFAULT_DEMO_AS_OF,
    newId: () => `id-${++next}`,
  });
}
const snapshot = snapshotOf();
const result = analyzeSnapshot(snapshot, policy);
const gaps = result.findings.filter((f): f is typeof f & DelegationGapFinding => f.kind === 'DELEGATION_GAP');

describe('the demo organization, analysed', () => {
  it('shows every kind of finding', () => {
    expect(new Set(result.findings.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
  });

  it('names a real delegate or best fit for every delegation gap: nobody is told "no report has free time" alone', () => {
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    for (const gap of gaps) {
      expect(gap.outcome).not.toBe('NO_DELEGATE');
      expect(gap.bestFitEmployeeId).not.toBeNull();
      expect(gap.explanation).toMatch(/Suggested delegate|Best fit/);
      if (gap.delegateTo === null) expect(gap.nextStep).toMatch(/^Hire or re-scope/);
    }
    // Most best fits already do similar work.
    const similar = gaps.filter((gap) => /already handles/.test(gap.explanation));
    expect(similar.length / gaps.length).toBeGreaterThanOrEqual(0.6);
    const vp = gaps.find((gap) => gap.responsibility === 'Prepare the weekly pipeline spreadsheet');
    expect(vp).toEqual(expect.objectContaining({ outcome: 'DELEGATE_HAS_ROOM', delegateTo: DEMO_CAST.salesOperationsManager }));
  });

  it('makes room in a fully booked team by a chain of hand-offs ending with the one person who has time', () => {
    const chain = gaps.find((gap) => gap.outcome === 'DELEGATE_MAKES_ROOM');
    expect(chain).toBeDefined();
    expect(chain!.employeeId).toBe(DEMO_CAST.promotedDirector);
    expect(chain!.handOffs.length).toBeGreaterThanOrEqual(1);
    expect(chain!.handOffs.at(-1)!.toEmployeeId).toBe(DEMO_CAST.recentJoiner);
    expect(chain!.explanation).toMatch(/would take over .* and could hand .* to /);
  });

  it('keeps work at the allowance: the promoted director hands over the bigger tasks, not the 10% one', () => {
    const maya = gaps.filter((gap) => gap.employeeId === DEMO_CAST.promotedDirector);
    expect(maya.map((gap) => gap.sharePct)).toEqual([20, 15]);
  });

  it('never books anyone past their time, whoever asks', () => {
    const context = new AnalysisContext(snapshot, policy);
    delegationGapFindings(context);
    for (const node of context.index.nodes) {
      const mix = context.mixOf(node);
      const booked = mix.allocatedPct + context.promisedPct[node.ordinal] - context.releasedPct[node.ordinal];
      expect(booked).toBeLessThanOrEqual(Math.max(100, mix.allocatedPct) + 1e-9);
    }
  });

  it('never tells a pigeonholed person both "the only person doing X" and "a move could be covered"', () => {
    const risks = result.findings.filter((f): f is typeof f & PigeonholingRiskFinding => f.kind === 'PIGEONHOLING_RISK');
    expect(risks.length).toBeGreaterThanOrEqual(2);
    for (const risk of risks) {
      expect(/only person/.test(risk.explanation) && /could be (partly )?covered/.test(risk.explanation)).toBe(false);
      for (const title of risk.soleHolderOf) expect(title).not.toMatch(/^(Coordinate|Report|Mentor|Present)\b/);
    }
  });

  it('has data for every position, so nothing is left unchecked for want of responsibilities', () => {
    expect(result.summary.coverage).toEqual({ positions: 150, withData: 150, withoutData: 0, pct: 100 });
    expect(result.summary.notChecked.byReason.NO_RESPONSIBILITIES).toBe(0);
  });

  it('with one team’s responsibilities missing: no delegate from it, coverage shows it, and the findings say so', () => {
    const finance = new Set(
      demo.people.filter((person) => person.managerId === DEMO_CAST.directorOfFinance).map((p) => p.employeeId),
    );
    const partial = analyzeSnapshot(snapshotOf(demo.responsibilities.filter((duty) => !finance.has(duty.employeeId))), policy);
    const robert = partial.findings.filter(
      (f): f is typeof f & DelegationGapFinding => f.kind === 'DELEGATION_GAP' && f.employeeId === DEMO_CAST.directorOfFinance,
    );
    expect(robert.length).toBeGreaterThan(0);
    for (const gap of robert) {
      expect(gap.delegateTo === null || !finance.has(gap.delegateTo)).toBe(true);
      expect(gap.bestFitEmployeeId === null || !finance.has(gap.bestFitEmployeeId)).toBe(true);
      expect(gap.explanation).toMatch(/none of the \d+ reports has responsibilities recorded|no responsibilities recorded/);
    }
    expect(partial.summary.coverage.withoutData).toBe(finance.size);
    const financeCoverage = partial.summary.coverageByDepartment.find((row) => row.department === 'Finance')!;
    expect(financeCoverage.withoutData).toBe(finance.size);
    expect(partial.summary.coverageByDepartment[0].department).toBe('Finance');
    expect(partial.summary.notChecked.byReason.NO_RESPONSIBILITIES).toBeGreaterThan(0);
  });
});
