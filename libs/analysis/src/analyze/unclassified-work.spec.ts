import { DEFAULT_POLICY } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { delegationGapFindings } from '../findings/delegation-gap';
import { promotedStillTacticalFindings } from '../findings/promoted-still-tactical';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { analyzeSnapshot } from './analyze-snapshot';

// UNCLASSIFIED work ("needs review") is left out of the mixes and findings, and counted.
const director: TestPerson = {
  id: 'D1',
  name: 'Dana Reyes',
  title: 'Director of Engineering',
  lastPromotionDate: '2025-09-01',
  work: [
    ['Code reviews', 'IMPLEMENTATION', 30, '2022-01-01'],
    ['Look after the Henley account', 'UNCLASSIFIED', 40, '2022-01-01'],
    ['Set engineering strategy', 'LEADERSHIP', 30, '2025-09-01'],
  ],
};
const report: TestPerson = {
  id: 'E1',
  name: 'Sam Lee',
  title: 'Senior Engineer',
  manager: 'D1',
  work: [
    ['Review code for the API', 'IMPLEMENTATION', 40],
    ['Keep the lights on', 'UNCLASSIFIED', 40],
  ],
};

function contextOf(people: TestPerson[]) {
  return new AnalysisContext(buildSnapshot(people, { asOf: '2025-12-01' }), DEFAULT_POLICY);
}

describe('UNCLASSIFIED responsibilities', () => {
  it('are left out of the value mix and its gaps, but their time still counts as taken', () => {
    const context = contextOf([director, report]);
    const mix = context.mixes.find((m) => m.positionId === pos('D1'))!;
    expect(mix.actual).toEqual({ IMPLEMENTATION: 30, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 30 });
    expect(mix.unclassifiedPct).toBe(40);
    expect(mix.unclassifiedCount).toBe(1);
    expect(mix.allocatedPct).toBe(100);
    expect(mix.unallocatedPct).toBe(0);
    expect(mix.implementationExcess).toBe(30 - DEFAULT_POLICY.expectedMix.DIRECTOR.IMPLEMENTATION);
  });

  it('never become a delegation gap, and a delegate’s unclassified work still fills their time', () => {
    const context = contextOf([director, report]);
    const findings = delegationGapFindings(context);
    expect(findings.map((f) => f.responsibility)).toEqual(['Code reviews']);
    // Sam has 20% free (100 − 40 − 40): not enough for a 30% task, whatever level the 40% is.
    expect(findings[0].delegateTo).toBeNull();
    expect(findings[0].noDelegateReason).toMatch(/30% free time/);
  });

  it('are named in the explanation of a finding the figures leave them out of', () => {
    const [finding] = promotedStillTacticalFindings(contextOf([director, report]));
    expect(finding.kind).toBe('PROMOTED_STILL_TACTICAL');
    expect(finding.implementationPct).toBe(30);
    expect(finding.explanation).toContain(
      'A further 40% of their time is in a responsibility that needs review of its level and is not counted here.',
    );
  });

  it('are counted in the summary, per responsibility and per position, and kept out of the time below level', () => {
    const result = analyzeSnapshot(buildSnapshot([director, report], { asOf: '2025-12-01' }), DEFAULT_POLICY);
    expect(result.summary.unclassifiedCount).toBe(2);
    expect(result.summary.positionsWithUnclassifiedWork).toBe(2);
    // Of Dana's 60% with a known level, 30% is implementation.
    expect(result.summary.leaderTimeBelowLevelPct).toBe(50);
  });

  it('leave a summary without any at zero', () => {
    const result = analyzeSnapshot(
      buildSnapshot([{ ...director, work: [['Set engineering strategy', 'LEADERSHIP', 100]] }]),
      DEFAULT_POLICY,
    );
    expect(result.summary.unclassifiedCount).toBe(0);
    expect(result.summary.positionsWithUnclassifiedWork).toBe(0);
  });
});
