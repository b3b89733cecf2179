import { DEMO_CAST } from '@rolemap/demo-data';
import { startTestAppWithDemo, type TestApp } from '../support/test-app';

const SUMMARY = `query($s: ID!, $leader: ID) { analysisSummary(snapshotId: $s, leaderPositionId: $leader) {
  positionCount
  coverage { positions withData withoutData pct }
  coverageByDepartment { department positions withData withoutData pct }
  notChecked { count positions byKind { kind count } byReason { reason reasonText count } }
} }`;

interface Summary {
  positionCount: number;
  coverage: { positions: number; withData: number; withoutData: number; pct: number | null };
  coverageByDepartment: { department: string | null; positions: number; withData: number }[];
  notChecked: {
    count: number;
    positions: number;
    byKind: { kind: string; count: number }[];
    byReason: { reason: string; reasonText: string; count: number }[];
  };
}

describe('coverage, not-checked rules and delegation chains over GraphQL (PostgreSQL, demo organization)', () => {
  let api: TestApp;
  let snapshotId: string;

  beforeAll(async () => {
    ({ api, snapshotId } = await startTestAppWithDemo());
  });
  afterAll(() => api?.close());

  const summaryOf = async (leader: string | null = null) => {
    const result = await api.graphql<{ analysisSummary: Summary }>(SUMMARY, { s: snapshotId, leader });
    expect(result.errors).toBeUndefined();
    return result.data!.analysisSummary;
  };

  it('gives coverage overall and per department, and counts what could not be checked by kind and reason', async () => {
    const summary = await summaryOf();
    expect(summary.coverage.positions).toBe(summary.positionCount);
    expect(summary.coverage.withData + summary.coverage.withoutData).toBe(summary.coverage.positions);
    expect(summary.coverageByDepartment.reduce((sum, row) => sum + row.positions, 0)).toBe(summary.positionCount);
    const { notChecked } = summary;
    expect(notChecked.byKind.reduce((sum, row) => sum + row.count, 0)).toBe(notChecked.count);
    expect(notChecked.byReason.reduce((sum, row) => sum + row.count, 0)).toBe(notChecked.count);
    expect(notChecked.byReason.find((row) => row.reason === 'NO_PERFORMANCE_RATING')).toMatchObject({
      reasonText: 'no performance rating',
    });
  });

  it('scopes coverage to a leader’s team', async () => {
    const leader = await api.graphql<{ person: { position: { id: string } } }>(
      `query($s: ID!) { person(snapshotId: $s, employeeId: "${DEMO_CAST.vpSales}") { position { id } } }`,
      { s: snapshotId },
    );
    const team = await summaryOf(leader.data!.person.position.id);
    const whole = await summaryOf();
    expect(team.coverage.positions).toBe(team.positionCount);
    expect(team.coverage.positions).toBeLessThan(whole.coverage.positions);
    expect(team.coverageByDepartment.map((row) => row.department)).toContain('Sales');
  });

  it('exposes each delegation gap’s outcome, best fit, hand-offs and next step', async () => {
    const result = await api.graphql<{
      findings: {
        nodes: {
          employeeId: string;
          outcome: string;
          delegateName: string | null;
          bestFitName: string | null;
          nextStep: string | null;
          handOffs: { fromName: string; toName: string; responsibility: string; sharePct: number }[];
        }[];
      };
    }>(
      `query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [DELEGATION_GAP] }, first: 100) { nodes {
         employeeId outcome delegateName bestFitName nextStep handOffs { fromName toName responsibility sharePct } } } }`,
      { s: snapshotId },
    );
    expect(result.errors).toBeUndefined();
    const gaps = result.data!.findings.nodes;
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(['DELEGATE_HAS_ROOM', 'DELEGATE_MAKES_ROOM', 'PEER_TEAM', 'NO_ROOM', 'NO_DELEGATE']).toContain(gap.outcome);
      if (gap.outcome === 'DELEGATE_HAS_ROOM') {
        expect(gap.bestFitName).toBe(gap.delegateName);
        expect(gap.handOffs).toEqual([]);
        expect(gap.nextStep).toBeNull();
      }
      if (gap.outcome === 'DELEGATE_MAKES_ROOM') expect(gap.handOffs.length).toBeGreaterThan(0);
      if (gap.outcome === 'NO_ROOM') {
        expect(gap.bestFitName).toEqual(expect.any(String));
        expect(gap.nextStep).toMatch(/hire|re-scope/i);
      }
    }
    expect(gaps.some((gap) => gap.outcome === 'NO_ROOM')).toBe(true);
  });
});
