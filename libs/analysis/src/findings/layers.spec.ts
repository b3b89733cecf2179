import { DEFAULT_POLICY, type ValueLevelPolicy } from '@rolemap/domain';
import { AnalysisContext } from '../context/analysis-context';
import { buildSnapshot, chain, positionIdOf as pos, team, type TestPerson } from '../testing/org-builder';
import { LAYERS_MAX_SEVERITY, layersFindings } from './layers';

function findingsFor(people: TestPerson[], policy: ValueLevelPolicy = DEFAULT_POLICY) {
  return layersFindings(new AnalysisContext(buildSnapshot(people), policy));
}

/** A line of `length` positions, L0 at the top, named so the chain text is readable. */
const line = (length: number, prefix = 'L', top: string | null = null): TestPerson[] =>
  chain(
    Array.from({ length }, (_, i) => `${prefix}${i}`),
    {},
    top,
  ).map((p) => ({ ...p, name: `N${p.id}`, title: `T${p.id}` }));

describe('LAYERS', () => {
  it('flags more than maxLayers levels beneath the top, once, at the top, naming the longest chain', () => {
    // L0 → … → L8: 8 layers beneath L0, 2 over the default 6.
    const findings = findingsFor([...line(9), ...team('L3', 'side', 2)]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toEqual(
      expect.objectContaining({ kind: 'LAYERS', key: 'LAYERS:L0', employeeId: 'L0', positionId: pos('L0'), layers: 8, limit: 6 }),
    );
    expect(finding.explanation).toBe(
      'There are 8 reporting layers beneath NL0 (TL0), 2 more than the 6 the policy allows; 2 people sit deeper than that. ' +
        'The longest chain: NL0 (TL0) → NL1 (TL1) → NL2 (TL2) → … 4 more … → NL7 (TL7) → NL8 (TL8). ' +
        'Every layer slows decisions and filters information; look for managers with one or two reports to merge.',
    );
    expect(finding.severity).toBeLessThanOrEqual(LAYERS_MAX_SEVERITY);
  });

  it('gets more severe with each extra layer, capped as informational', () => {
    const [two] = findingsFor(line(9));
    const [many] = findingsFor(line(40));
    expect(many.severity).toBeGreaterThan(two.severity);
    expect(many.severity).toBe(LAYERS_MAX_SEVERITY);
  });

  it('reports each separate reporting line that is too deep', () => {
    const findings = findingsFor([...line(8, 'A'), ...line(9, 'B')]);
    expect(findings.map((f) => f.key).sort()).toEqual(['LAYERS:A0', 'LAYERS:B0']);
  });

  it('follows the policy limit', () => {
    const policy = { ...DEFAULT_POLICY, thresholds: { ...DEFAULT_POLICY.thresholds, maxLayers: 2 } };
    expect(findingsFor(line(4), policy)).toEqual([expect.objectContaining({ layers: 3, limit: 2 })]);
  });

  describe('near misses', () => {
    it('is not raised at exactly maxLayers', () => {
      expect(findingsFor(line(7))).toEqual([]);
    });

    it('is not raised for a wide but shallow org', () => {
      expect(findingsFor([{ id: 'top' }, ...team('top', 'E', 200)])).toEqual([]);
    });
  });
});
