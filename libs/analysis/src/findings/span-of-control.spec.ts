import { DEFAULT_POLICY, type ValueLevelPolicy } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, positionIdOf as pos, team, type TestPerson } from '../testing/org-builder';
import { SPAN_MAX_SEVERITY, spanOfControlFindings } from './span-of-control';

function findingsFor(people: TestPerson[], policy: ValueLevelPolicy = DEFAULT_POLICY) {
  return spanOfControlFindings(new AnalysisContext(buildSnapshot(people), policy));
}

const boss: TestPerson = { id: 'B', name: 'Alex Kim', title: 'Engineering Manager' };

describe('SPAN_OF_CONTROL', () => {
  it('flags a leader with a single direct report', () => {
    const [finding] = findingsFor([boss, ...team('B', 'E', 1)]);
    expect(finding).toEqual(
      expect.objectContaining({
        kind: 'SPAN_OF_CONTROL',
        key: 'SPAN_OF_CONTROL:B',
        employeeId: 'B',
        positionId: pos('B'),
        directReports: 1,
        limit: 2,
      }),
    );
    expect(finding.explanation).toBe(
      'Alex Kim (Engineering Manager) has 1 direct report, fewer than the 2 the policy expects. ' +
        'A layer this narrow adds a hand-off without spreading the work; consider merging the team into the one above or widening it.',
    );
    expect(finding.severity).toBeLessThanOrEqual(SPAN_MAX_SEVERITY);
  });

  it('flags a wide span, more severe the wider, but always informational', () => {
    const [thirteen] = findingsFor([boss, ...team('B', 'E', 13)]);
    const [forty] = findingsFor([boss, ...team('B', 'E', 40)]);
    expect(thirteen).toEqual(expect.objectContaining({ directReports: 13, limit: 12 }));
    expect(thirteen.explanation).toMatch(
      /^Alex Kim \(Engineering Manager\) has 13 direct reports, 1 more than the 12 one leader/,
    );
    expect(forty.severity).toBeGreaterThan(thirteen.severity);
    expect(forty.severity).toBeLessThanOrEqual(SPAN_MAX_SEVERITY);
  });

  it('counts vacant posts in the span and says so; keys a vacant leader post by its reference', () => {
    const [finding] = findingsFor([{ ...boss, vacant: true }, ...team('B', 'E', 12), { id: 'V', manager: 'B', vacant: true }]);
    expect(finding).toEqual(expect.objectContaining({ key: 'SPAN_OF_CONTROL:B', employeeId: null, directReports: 13 }));
    expect(finding.explanation).toMatch(/^The vacant Engineering Manager post has 13 direct reports \(1 of them vacant\)/);
  });

  it('follows the policy limits', () => {
    const policy = { ...DEFAULT_POLICY, thresholds: { ...DEFAULT_POLICY.thresholds, spanMin: 3, spanMax: 5 } };
    expect(findingsFor([boss, ...team('B', 'E', 2)], policy)[0].limit).toBe(3);
    expect(findingsFor([boss, ...team('B', 'E', 6)], policy)[0].limit).toBe(5);
  });

  describe('near misses', () => {
    it.each([2, 7, 12])('is not raised for %i direct reports', (count) => {
      expect(findingsFor([boss, ...team('B', 'E', count)])).toEqual([]);
    });

    it('is not raised for someone without reports', () => {
      expect(findingsFor([boss])).toEqual([]);
    });
  });
});
