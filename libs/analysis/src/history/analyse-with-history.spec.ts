import { DEFAULT_POLICY, gradeKey } from '@rolemap/domain';
import { analyzeSnapshot } from '../analyze/analyze-snapshot';
import { responsibilityKey } from '../snapshot/responsibility-key';
import { buildSnapshot, positionIdOf as pos, type TestPerson } from '../testing/org-builder';
import { analyseWithHistory } from './analyse-with-history';
import { NO_OVERRIDES, applyOverrides } from './classification-overrides';

// Dana leads a team and still mostly builds; between the two snapshots her title went from
// engineer to engineering manager, and no promotion date is on file.
const team: TestPerson[] = [
  { id: 'ceo', name: 'Chief', title: 'CEO', work: [['Company strategy', 'LEADERSHIP', 100]] },
  {
    id: 'dana',
    name: 'Dana Reyes',
    title: 'Senior Engineer',
    manager: 'ceo',
    work: [
      ['Build the payments service', 'IMPLEMENTATION', 70, '2022-01-01'],
      ['Plan the sprint', 'UNIFICATION', 30, '2022-01-01'],
    ],
  },
  { id: 'kim', name: 'Kim', title: 'Engineer', manager: 'dana', work: [['Write code', 'IMPLEMENTATION', 100]] },
  { id: 'lee', name: 'Lee', title: 'Engineer', manager: 'dana', work: [['Write code', 'IMPLEMENTATION', 100]] },
];
const previous = buildSnapshot(team, { snapshotId: 's1', asOf: '2025-06-01' });
const current = buildSnapshot(
  team.map((person) => (person.id === 'dana' ? { ...person, title: 'Engineering Manager' } : person)),
  { snapshotId: 's2', asOf: '2025-12-01' },
);

describe('analyseWithHistory', () => {
  it('without a previous snapshot is the plain analysis, with no diff', () => {
    const analysis = analyseWithHistory(current, null, DEFAULT_POLICY);
    expect(analysis.diff).toBeNull();
    expect(analysis.result).toEqual(analyzeSnapshot(current, DEFAULT_POLICY));
    expect(analysis.data).toBe(current);
  });

  it('counts a promotion seen only by comparing with the previous snapshot', () => {
    const alone = analyseWithHistory(current, null, DEFAULT_POLICY);
    const withHistory = analyseWithHistory(current, previous, DEFAULT_POLICY);
    expect(withHistory.diff?.promotions.map((promotion) => promotion.employeeId)).toEqual(['dana']);
    const promoted = (analysis: typeof alone) =>
      analysis.result.findings.filter((finding) => finding.kind === 'PROMOTED_STILL_TACTICAL').map((f) => f.employeeId);
    expect(promoted(alone)).toEqual([]);
    expect(promoted(withHistory)).toEqual(['dana']);
    expect(withHistory.findingsByPosition.get(pos('dana'))?.map((finding) => finding.kind)).toContain('PROMOTED_STILL_TACTICAL');
  });

  it('reads only the people and positions of the previous snapshot (it may come without responsibilities)', () => {
    const full = analyseWithHistory(current, previous, DEFAULT_POLICY);
    const lean = analyseWithHistory(current, { ...previous, responsibilities: [] }, DEFAULT_POLICY);
    expect(lean.diff).toEqual(full.diff);
    expect(lean.result).toEqual(full.result);
  });

  it('applies HR’s overrides to both snapshots before comparing and analysing', () => {
    const overrides = {
      tiers: new Map([['kim', 'MANAGER' as const]]),
      levels: new Map([[responsibilityKey('dana', 'Build the payments service'), 'LEADERSHIP' as const]]),
    };
    const analysis = analyseWithHistory(current, previous, DEFAULT_POLICY, overrides);
    expect(analysis.index.node(pos('kim'))?.position).toMatchObject({ tier: 'MANAGER', tierSource: 'OVERRIDE' });
    const payments = analysis.data.responsibilities.find((r) => r.title === 'Build the payments service')!;
    expect(payments).toMatchObject({ valueLevel: 'LEADERSHIP', valueLevelSource: 'OVERRIDE', classificationConfidence: 1 });
    expect(analysis.responsibilityById.get(payments.id)).toBe(payments);
    expect(analysis.mixByPosition.get(pos('dana'))?.actual.LEADERSHIP).toBe(70);
    // Kim is a manager in both snapshots now, so that is no change between them.
    expect(analysis.diff?.promotions.map((promotion) => promotion.employeeId)).toEqual(['dana']);
    // The inputs are left as the import read them.
    expect(current.positions.find((p) => p.externalId === 'kim')?.tierSource).not.toBe('OVERRIDE');
    expect(current.responsibilities.find((r) => r.id === payments.id)?.valueLevel).toBe('IMPLEMENTATION');
  });

  it('is pure: the same inputs give the same result', () => {
    expect(analyseWithHistory(current, previous, DEFAULT_POLICY).result).toEqual(
      analyseWithHistory(current, previous, DEFAULT_POLICY).result,
    );
  });
});

describe('applyOverrides', () => {
  it('returns the snapshot itself when there is nothing to apply, and shares untouched rows', () => {
    expect(applyOverrides(current, NO_OVERRIDES)).toBe(current);
    const overridden = applyOverrides(current, { tiers: new Map([['lee', 'DIRECTOR']]), levels: new Map() });
    expect(overridden.positions.find((p) => p.externalId === 'kim')).toBe(current.positions.find((p) => p.externalId === 'kim'));
    expect(overridden.responsibilities).toBe(current.responsibilities);
  });

  it('ignores level overrides of vacant posts (they have no employee to key on)', () => {
    const withVacancy = buildSnapshot([
      ...team,
      { id: 'open', title: 'Engineer', manager: 'dana', vacant: true, work: [['Write code', 'IMPLEMENTATION', 100]] },
    ]);
    const overridden = applyOverrides(withVacancy, {
      tiers: new Map(),
      levels: new Map([[responsibilityKey('open', 'Write code'), 'LEADERSHIP']]),
    });
    expect(overridden.responsibilities.find((r) => r.positionId === pos('open'))?.valueLevel).toBe('IMPLEMENTATION');
  });
});

describe('applyOverrides: confirmed wording', () => {
  it('applies to levels the classifier chose, never to levels given in the file, and yields to a per-person override', () => {
    const data = buildSnapshot([
      { id: 'a', work: [['Keep the lights on', 'UNCLASSIFIED', 50]] },
      { id: 'b', manager: 'a', work: [['Keep the lights on', 'LEADERSHIP', 50]] },
      { id: 'c', manager: 'a', work: [['keep the lights on!', 'UNCLASSIFIED', 50]] },
    ]);
    const overridden = applyOverrides(data, {
      tiers: new Map(),
      levels: new Map([[responsibilityKey('c', 'keep the lights on!'), 'UNIFICATION']]),
      wording: new Map([['keep the lights on', 'IMPLEMENTATION']]),
    });
    expect(overridden.responsibilities.map((r) => [r.positionId, r.valueLevel])).toEqual([
      [pos('a'), 'IMPLEMENTATION'],
      [pos('b'), 'LEADERSHIP'],
      [pos('c'), 'UNIFICATION'],
    ]);
  });
});

describe('HR’s grade table as a layer of the analysis', () => {
  // As imported: Kim's grade "B7" was unknown (tier from the title), Lee's "SCS2" was mapped by HR to MANAGER then.
  const graded = {
    ...current,
    positions: current.positions.map((position) =>
      position.externalId === 'kim'
        ? { ...position, grade: 'B7' }
        : position.externalId === 'lee'
          ? { ...position, grade: 'SCS2', tier: 'MANAGER' as const, tierSource: 'GRADE' as const }
          : position,
    ),
  };
  const tierOf = (analysis: ReturnType<typeof analyseWithHistory>, id: string) => {
    const { tier, tierSource } = analysis.index.node(pos(id))!.position;
    return { tier, tierSource };
  };

  it('re-infers graded positions with the table as it is now, so a change shows without a new import', () => {
    const mapped = analyseWithHistory(graded, null, DEFAULT_POLICY, {
      ...NO_OVERRIDES,
      gradeTiers: new Map([[gradeKey('b7'), 'DIRECTOR' as const]]),
    });
    expect(tierOf(mapped, 'kim')).toEqual({ tier: 'DIRECTOR', tierSource: 'GRADE' });
    // HR's earlier mapping of SCS2 is gone from the table: the known scheme decides again.
    expect(tierOf(mapped, 'lee')).toEqual({ tier: 'DIRECTOR', tierSource: 'GRADE' });
    expect(mapped.mixByPosition.get(pos('kim'))?.tier).toBe('DIRECTOR');

    const cleared = analyseWithHistory(graded, null, DEFAULT_POLICY, { ...NO_OVERRIDES, gradeTiers: new Map() });
    expect(tierOf(cleared, 'kim')).toEqual({ tier: 'IC', tierSource: 'TITLE' });
  });

  it('keeps a tier HR set on the position, the structure’s floor, and ungraded positions as imported', () => {
    const analysis = analyseWithHistory(graded, null, DEFAULT_POLICY, {
      ...NO_OVERRIDES,
      tiers: new Map([['kim', 'EXECUTIVE' as const]]),
      gradeTiers: new Map([
        [gradeKey('B7'), 'IC' as const],
        [gradeKey('SCS2'), 'IC' as const],
      ]),
    });
    expect(tierOf(analysis, 'kim')).toEqual({ tier: 'EXECUTIVE', tierSource: 'OVERRIDE' });
    expect(tierOf(analysis, 'lee')).toEqual({ tier: 'IC', tierSource: 'GRADE' });
    expect(analysis.index.node(pos('dana'))!.position).toBe(graded.positions.find((p) => p.externalId === 'dana'));
    // Without a table (older callers) the import's tiers stand.
    expect(applyOverrides(graded, NO_OVERRIDES)).toBe(graded);
  });
});
