import { DEFAULT_POLICY } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { TACTICAL_GAP_FULL_SCALE_POINTS, tacticalGapScore } from './position-mix';

function mixesOf(people: TestPerson[], inferredPromotions?: ReadonlyMap<string, string>) {
  const context = new AnalysisContext(buildSnapshot(people), DEFAULT_POLICY, { inferredPromotions });
  return new Map(context.mixes.map((mix) => [mix.positionId, mix]));
}

describe('position mix', () => {
  const dana: TestPerson = {
    id: 'dana',
    name: 'Dana Reyes',
    title: 'Director of Engineering',
    lastPromotionDate: '2025-03-01',
    work: [
      ['Code reviews', 'IMPLEMENTATION', 20, '2022-01-01'],
      ['On-call rota', 'IMPLEMENTATION', 10, '2023-06-01'],
      ['Incident fixes', 'IMPLEMENTATION', 15, '2025-04-01'],
      ['Plan quarters', 'UNIFICATION', 25, '2025-03-01'],
      ['Hiring', 'LEADERSHIP', 20, null],
    ],
  };

  it('sums the time per level and compares it with the tier expectation', () => {
    const mix = mixesOf([dana]).get(pos('dana'))!;
    expect(mix.tier).toBe('DIRECTOR');
    expect(mix.actual).toEqual({ IMPLEMENTATION: 45, UNIFICATION: 25, COMMUNICATION: 0, LEADERSHIP: 20 });
    expect(mix.expected).toEqual(DEFAULT_POLICY.expectedMix.DIRECTOR);
    expect(mix.gap).toEqual({ IMPLEMENTATION: 35, UNIFICATION: -5, COMMUNICATION: -30, LEADERSHIP: -10 });
    expect(mix.implementationExcess).toBe(35);
  });

  it('reports undescribed time instead of rescaling the shares', () => {
    const mix = mixesOf([dana]).get(pos('dana'))!;
    expect(mix.allocatedPct).toBe(90);
    expect(mix.unallocatedPct).toBe(10);
    expect(mix.overallocatedPct).toBe(0);
  });

  it('reports overallocation too', () => {
    const mix = mixesOf([
      {
        id: 'x',
        work: [
          ['Build', 'IMPLEMENTATION', 80],
          ['Test', 'IMPLEMENTATION', 40],
        ],
      },
    ]).get(pos('x'))!;
    expect(mix).toEqual(expect.objectContaining({ allocatedPct: 120, unallocatedPct: 0, overallocatedPct: 20 }));
    expect(mix.actual.IMPLEMENTATION).toBe(120);
  });

  it('does not let floating point leak into the figures', () => {
    const mix = mixesOf([
      {
        id: 'x',
        work: [
          ['A', 'UNIFICATION', 33.3],
          ['B', 'UNIFICATION', 33.3],
          ['C', 'UNIFICATION', 33.4],
        ],
      },
    ]).get(pos('x'))!;
    expect(mix.allocatedPct).toBe(100);
    expect(mix.unallocatedPct).toBe(0);
  });

  it('counts responsibilities held since before the last promotion as carried over (unknown dates are not)', () => {
    expect(mixesOf([dana]).get(pos('dana'))!.carriedOverPct).toBe(30);
  });

  it('uses a promotion inferred from snapshots when it is later than the HR date', () => {
    const withoutDate = { ...dana, lastPromotionDate: null };
    expect(mixesOf([withoutDate]).get(pos('dana'))!.carriedOverPct).toBe(0);
    expect(mixesOf([withoutDate], new Map([['dana', '2025-05-01']])).get(pos('dana'))!.carriedOverPct).toBe(70);
  });

  it('has empty figures for a position without responsibilities', () => {
    const mix = mixesOf([{ id: 'x', title: 'Engineer' }]).get(pos('x'))!;
    expect(mix).toEqual(expect.objectContaining({ allocatedPct: 0, unallocatedPct: 100, tacticalGap: 0, carriedOverPct: 0 }));
  });

  it('carries what the chart needs without the snapshot', () => {
    const mix = mixesOf([
      { id: 'boss', title: 'CTO', name: 'Bo' },
      { id: 'x', manager: 'boss', department: 'Data' },
    ]).get(pos('x'))!;
    expect(mix).toEqual(
      expect.objectContaining({
        parentPositionId: pos('boss'),
        employeeId: 'x',
        depth: 1,
        department: 'Data',
        directReports: 0,
        vacant: false,
      }),
    );
  });

  describe('tacticalGap', () => {
    it('is the implementation excess over 50 points, clamped to 0-1, for leaders', () => {
      expect(TACTICAL_GAP_FULL_SCALE_POINTS).toBe(50);
      expect(mixesOf([dana]).get(pos('dana'))!.tacticalGap).toBe(0.7);
      expect(tacticalGapScore('MANAGER', -10)).toBe(0);
      expect(tacticalGapScore('EXECUTIVE', 80)).toBe(1);
      expect(tacticalGapScore('DIRECTOR', 25)).toBe(0.5);
    });

    it('is 0 for individual contributors, who are expected to do the work', () => {
      expect(tacticalGapScore('IC', 30)).toBe(0);
      expect(mixesOf([{ id: 'x', work: [['Build', 'IMPLEMENTATION', 100]] }]).get(pos('x'))!.tacticalGap).toBe(0);
    });
  });
});
