import { DEMO_CAST, generateDemoOrg, DEFAULT_DEMO_AS_OF } from '@rolemap/demo-data';
import { FINDING_KINDS } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { startTestAppWithDemo, type TestApp } from '../support/test-app';

// An engineer on the navigation team, mostly hands-on; the second snapshot promotes them.
const PROMOTED_IN_V2 = 'E0150';

interface Finding {
  key: string;
  kind: string;
  severity: number;
  employeeId: string;
  personName: string;
  explanation: string;
  status: string;
  reviewNote: string | null;
  delegateTo: string | null;
  positionId: string;
}

describe('analysis over GraphQL on the demo organization (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;

  beforeAll(async () => {
    ({ api, organizationId, snapshotId } = await startTestAppWithDemo());
  });
  afterAll(() => api?.close());

  const findings = async (filter: Record<string, unknown> = {}) => {
    const result = await api.graphql<{ findings: { totalCount: number; nodes: Finding[] } }>(
      `query($s: ID!, $f: FindingFilter) { findings(snapshotId: $s, filter: $f, first: 500) {
        totalCount nodes { key kind severity employeeId personName explanation status reviewNote delegateTo positionId } } }`,
      { s: snapshotId, f: filter },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.findings;
  };

  it('shows every kind of finding on the demo org, each with an explanation citing numbers', async () => {
    const { nodes } = await findings();
    for (const kind of FINDING_KINDS) expect(nodes.some((finding) => finding.kind === kind)).toBe(true);
    for (const finding of nodes) expect(finding.explanation).toMatch(/\d/);
    const maya = nodes.find(
      (finding) => finding.kind === 'PROMOTED_STILL_TACTICAL' && finding.employeeId === DEMO_CAST.promotedDirector,
    );
    expect(maya?.explanation).toMatch(/45% of their time on implementation/);
  });

  it('suggests a delegate with capacity for the VP who still builds the pipeline spreadsheet', async () => {
    const { nodes } = await findings({ kinds: ['DELEGATION_GAP'] });
    const gaps = nodes.filter((finding) => finding.employeeId === DEMO_CAST.vpSales);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.some((gap) => gap.delegateTo === DEMO_CAST.salesOperationsManager)).toBe(true);
  });

  it("filters to a leader's subtree and summarises it", async () => {
    const chart = await api.graphql<{
      orgChart: { id: string; employeeId: string; parentId: string | null; badges: string[] }[];
    }>('query($s: ID!) { orgChart(snapshotId: $s) { id employeeId parentId badges } }', { s: snapshotId });
    const nodes = chart.data!.orgChart;
    expect(nodes).toHaveLength(150);
    const vp = nodes.find((node) => node.employeeId === DEMO_CAST.vpSales)!;
    expect(vp.badges).toContain('DELEGATION_GAP');
    const subtree = await findings({ leaderPositionId: vp.id });
    const all = await findings();
    expect(subtree.totalCount).toBeGreaterThan(0);
    expect(subtree.totalCount).toBeLessThan(all.totalCount);
    const summary = await api.graphql<{ analysisSummary: { findingCount: number } }>(
      'query($s: ID!, $l: ID) { analysisSummary(snapshotId: $s, leaderPositionId: $l) { findingCount } }',
      { s: snapshotId, l: vp.id },
    );
    expect(summary.data!.analysisSummary.findingCount).toBe(subtree.totalCount);
  });

  it('keeps a review across snapshots for the same person', async () => {
    const [first] = (await findings({ kinds: ['PIGEONHOLING_RISK'] })).nodes;
    const reviewed = await api.graphql<{ reviewFinding: { status: string; reviewNote: string } }>(
      'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: DISMISSED, note: "Promotion already planned for Q1") { status reviewNote } }',
      { s: snapshotId, k: first.key },
    );
    expect(reviewed.data!.reviewFinding).toEqual({ status: 'DISMISSED', reviewNote: 'Promotion already planned for Q1' });
    expect((await findings({ statuses: ['DISMISSED'] })).nodes.map((finding) => finding.key)).toEqual([first.key]);

    // A second snapshot: the same people, one engineer now titled as a team lead (a promotion).
    const demo = generateDemoOrg();
    const people = demo.people.map((person) =>
      person.employeeId === PROMOTED_IN_V2 ? { ...person, title: 'Team Lead, Navigation' } : person,
    );
    const outcome = await api.app.get(ImportService).importRecords(LOCAL_OPERATOR, {
      organizationName: demo.name,
      people,
      responsibilities: demo.responsibilities,
      asOf: DEFAULT_DEMO_AS_OF,
      label: 'second',
      sourceFileName: null,
    });
    expect(outcome.snapshot?.version).toBe(2);
    const carried = await api.graphql<{ findings: { nodes: Finding[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, filter: { statuses: [DISMISSED] }) { nodes { key status reviewNote } } }',
      { s: outcome.snapshot!.id },
    );
    expect(carried.data!.findings.nodes).toEqual([
      { key: first.key, status: 'DISMISSED', reviewNote: 'Promotion already planned for Q1' },
    ]);
  });

  it('updates the policy and the findings follow at once', async () => {
    const before = (await findings({ kinds: ['SPAN_OF_CONTROL'] })).totalCount;
    const updated = await api.graphql<{ updatePolicy: { thresholds: { spanMax: number } } }>(
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: 30, spanMin: 1 } }) { thresholds { spanMax } } }',
      { o: organizationId },
    );
    expect(updated.data!.updatePolicy.thresholds.spanMax).toBe(30);
    const after = (await findings({ kinds: ['SPAN_OF_CONTROL'] })).totalCount;
    expect(before).toBe(2);
    expect(after).toBe(0);
    const invalid = await api.graphql(
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { expectedMix: [{ tier: IC, implementation: 90, unification: 15, communication: 10, leadership: 5 }] }) { thresholds { spanMax } } }',
      { o: organizationId },
    );
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].message).toMatch(/IC mix adds up to 120/);
  });

  it('answers NOT_FOUND for a malformed organization id and BAD_USER_INPUT for a cross-organization diff', async () => {
    const malformed = await api.graphql('{ policy(organizationId: "nope") { thresholds { spanMax } } }');
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(malformed.errors?.[0].message).not.toMatch(/uuid|syntax/);
    const other = await api.app.get(ImportService).importRecords(LOCAL_OPERATOR, {
      organizationName: 'Other Co',
      people: generateDemoOrg().people.slice(0, 1),
      responsibilities: [],
      asOf: DEFAULT_DEMO_AS_OF,
      label: null,
      sourceFileName: null,
    });
    const diff = await api.graphql(
      'query($a: ID!, $b: ID!) { snapshotDiff(fromSnapshotId: $a, toSnapshotId: $b) { joiners { employeeId } } }',
      {
        a: snapshotId,
        b: other.snapshot!.id,
      },
    );
    expect(diff.errors?.[0]).toMatchObject({
      message: 'Both snapshots must belong to the same organization',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('returns the mix and findings of one position', async () => {
    const chart = await api.graphql<{ orgChart: { id: string; employeeId: string }[] }>(
      'query($s: ID!) { orgChart(snapshotId: $s) { id employeeId } }',
      {
        s: snapshotId,
      },
    );
    const maya = chart.data!.orgChart.find((node) => node.employeeId === DEMO_CAST.promotedDirector)!;
    const result = await api.graphql<{
      position: {
        tier: string;
        mix: { actual: { implementation: number }; expected: { implementation: number } };
        findings: { kind: string }[];
      };
    }>(
      'query($id: ID!) { position(id: $id) { tier mix { actual { implementation } expected { implementation } } findings { kind } } }',
      { id: maya.id },
    );
    expect(result.data!.position).toMatchObject({
      tier: 'DIRECTOR',
      mix: { actual: { implementation: 45 }, expected: { implementation: 10 } },
    });
    expect(result.data!.position.findings.map((finding) => finding.kind)).toContain('PROMOTED_STILL_TACTICAL');
  });

  it('explains how each responsibility reads to the classifier', async () => {
    const chart = await api.graphql<{ orgChart: { id: string; employeeId: string }[] }>(
      'query($s: ID!) { orgChart(snapshotId: $s) { id employeeId } }',
      {
        s: snapshotId,
      },
    );
    const maya = chart.data!.orgChart.find((node) => node.employeeId === DEMO_CAST.promotedDirector)!;
    const result = await api.graphql<{
      position: { responsibilities: { title: string; classification: { level: string; matchedTerms: string[] } }[] };
    }>('query($id: ID!) { position(id: $id) { responsibilities { title classification { level confidence matchedTerms } } } }', {
      id: maya.id,
    });
    const review = result.data!.position.responsibilities.find((r) => r.title === 'Review pull requests for the fleet API')!;
    expect(review.classification.level).toBe('IMPLEMENTATION');
    expect(review.classification.matchedTerms.length).toBeGreaterThan(0);
  });

  it('diffs two snapshots', async () => {
    const snapshots = await api.graphql<{ organization: { snapshots: { id: string; version: number }[] } }>(
      'query($o: ID) { organization(id: $o) { snapshots { id version } } }',
      { o: organizationId },
    );
    const [v2, v1] = snapshots.data!.organization.snapshots;
    const diff = await api.graphql<{
      snapshotDiff: { joiners: unknown[]; leavers: unknown[]; moves: unknown[]; promotions: unknown[] };
    }>(
      'query($a: ID!, $b: ID!) { snapshotDiff(fromSnapshotId: $a, toSnapshotId: $b) { joiners { employeeId } leavers { employeeId } moves { employeeId } promotions { employeeId } } }',
      { a: v1.id, b: v2.id },
    );
    expect(diff.errors).toBeUndefined();
    expect(diff.data!.snapshotDiff).toEqual({
      joiners: [],
      leavers: [],
      moves: [],
      promotions: [{ employeeId: PROMOTED_IN_V2 }],
    });
    // The promotion seen in the diff counts like a last_promotion_date in the analysis of v2.
    const v2Findings = await api.graphql<{
      findings: { nodes: { employeeId: string; promotionSource: string; explanation: string }[] };
    }>(
      'query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [PROMOTED_STILL_TACTICAL] }) { nodes { employeeId promotionSource explanation } } }',
      { s: v2.id },
    );
    expect(v2Findings.data!.findings.nodes).toContainEqual(
      expect.objectContaining({ employeeId: PROMOTED_IN_V2, promotionSource: 'SNAPSHOT_DIFF' }),
    );
  });
});

describe('HR overrides of tiers and value levels (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;

  beforeAll(async () => {
    ({ api, organizationId, snapshotId } = await startTestAppWithDemo());
  });
  afterAll(() => api?.close());

  const mayaFindings = async () => {
    const result = await api.graphql<{ findings: { nodes: { kind: string; employeeId: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, first: 500) { nodes { kind employeeId } } }',
      { s: snapshotId },
    );
    return result
      .data!.findings.nodes.filter((finding) => finding.employeeId === DEMO_CAST.promotedDirector)
      .map((finding) => finding.kind);
  };

  it('applies a tier override at once, and clearing it restores the inferred tier', async () => {
    expect(await mayaFindings()).toContain('PROMOTED_STILL_TACTICAL');
    const set = await api.graphql(
      'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "' + DEMO_CAST.promotedDirector + '", tier: IC) }',
      {
        o: organizationId,
      },
    );
    expect(set.errors).toBeUndefined();
    // As an IC, hands-on work is expected: no longer "still tactical".
    expect(await mayaFindings()).not.toContain('PROMOTED_STILL_TACTICAL');
    const position = await api.graphql<{ person: { position: { tier: string; tierSource: string } } }>(
      'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { position { tier tierSource } } }',
      { s: snapshotId, e: DEMO_CAST.promotedDirector },
    );
    expect(position.data!.person.position).toEqual({ tier: 'IC', tierSource: 'OVERRIDE' });
    await api.graphql(
      'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "' + DEMO_CAST.promotedDirector + '", tier: null) }',
      {
        o: organizationId,
      },
    );
    expect(await mayaFindings()).toContain('PROMOTED_STILL_TACTICAL');
    const history = await api.app.get(DataSource).query('SELECT value FROM classification_override ORDER BY created_at');
    expect(history).toEqual([{ value: 'IC' }, { value: null }]);
  });

  it('applies a value-level override to one person’s responsibility', async () => {
    const before = await api.graphql<{ findings: { nodes: { responsibility: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [DELEGATION_GAP] }, first: 500) { nodes { responsibility employeeId } } }',
      { s: snapshotId },
    );
    const gap = (before.data!.findings.nodes as { responsibility: string; employeeId: string }[])[0];
    await api.graphql(
      'mutation($o: ID!, $e: String!, $r: String!) { setValueLevelOverride(organizationId: $o, employeeId: $e, responsibility: $r, valueLevel: LEADERSHIP) }',
      {
        o: organizationId,
        e: gap.employeeId,
        r: gap.responsibility,
      },
    );
    const after = await api.graphql<{ findings: { nodes: { responsibility: string; employeeId: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [DELEGATION_GAP] }, first: 500) { nodes { responsibility employeeId } } }',
      { s: snapshotId },
    );
    expect(after.data!.findings.nodes).not.toContainEqual({ responsibility: gap.responsibility, employeeId: gap.employeeId });
    const holder = await api.graphql<{
      person: { position: { responsibilities: { title: string; valueLevel: string; valueLevelSource: string }[] } };
    }>(
      'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { position { responsibilities { title valueLevel valueLevelSource } } } }',
      { s: snapshotId, e: gap.employeeId },
    );
    expect(holder.data!.person.position.responsibilities).toContainEqual({
      title: gap.responsibility,
      valueLevel: 'LEADERSHIP',
      valueLevelSource: 'OVERRIDE',
    });
  });

  it('keeps overrides out of newly imported snapshots, so clearing one restores the inference', async () => {
    await api.graphql(
      'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "' +
        DEMO_CAST.promotedDirector +
        '", tier: EXECUTIVE) }',
      {
        o: organizationId,
      },
    );
    const demo = generateDemoOrg();
    const outcome = await api.app.get(ImportService).importRecords(LOCAL_OPERATOR, {
      organizationName: demo.name,
      people: demo.people,
      responsibilities: demo.responsibilities,
      asOf: DEFAULT_DEMO_AS_OF,
      label: 'with an override active',
      sourceFileName: null,
      allowDuplicate: true,
    });
    const tierOf = async () =>
      (
        await api.graphql<{ person: { position: { tier: string; tierSource: string } } }>(
          'query($s: ID, $e: String) { person(snapshotId: $s, employeeId: $e) { position { tier tierSource } } }',
          { s: outcome.snapshot!.id, e: DEMO_CAST.promotedDirector },
        )
      ).data!.person.position;
    expect(await tierOf()).toEqual({ tier: 'EXECUTIVE', tierSource: 'OVERRIDE' });
    await api.graphql(
      'mutation($o: ID!) { setTierOverride(organizationId: $o, externalId: "' + DEMO_CAST.promotedDirector + '", tier: null) }',
      {
        o: organizationId,
      },
    );
    expect(await tierOf()).toEqual({ tier: 'DIRECTOR', tierSource: 'TITLE' });
  });
});
