import { Client } from 'pg';
import { startTestAppWithDemo, testDatabaseUrl, type TestApp } from '../support/test-app';

interface WholeNode {
  id: string;
  parentId: string | null;
  name: string;
  title: string;
  employeeId: string | null;
  tier: string;
  badges: string[];
  openFindings: number;
  directReports: number;
  hasData: boolean;
  expectedMix: { implementation: number; leadership: number };
}

interface LazyNode {
  id: string;
  parentId: string | null;
  name: string;
  tier: string;
  badges: string[];
  openFindings: number;
  directReports: number;
  descendantCount: number;
  subtreeFindings: number;
  subtreeBadges: string[];
  hasData: boolean;
  descendantsWithoutData: number;
}

const NODE =
  'id parentId name tier badges openFindings directReports descendantCount subtreeFindings subtreeBadges hasData descendantsWithoutData';

describe('the lazy org chart over GraphQL (PostgreSQL, demo organization)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;
  let whole: WholeNode[];
  const children = new Map<string | null, WholeNode[]>();

  beforeAll(async () => {
    ({ api, organizationId, snapshotId } = await startTestAppWithDemo());
    // The demo describes everyone: take the responsibilities of a few people away (before any analysis runs).
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      await client.query(
        `DELETE FROM responsibility WHERE position_id IN (
           SELECT id FROM position WHERE snapshot_id = $1 AND reports_to_id IS NOT NULL ORDER BY external_id LIMIT 7)`,
        [snapshotId],
      );
    } finally {
      await client.end();
    }
    const result = await api.graphql<{ orgChart: WholeNode[] }>(
      `query($s: ID!) { orgChart(snapshotId: $s) { id parentId name title employeeId tier badges openFindings directReports hasData
        expectedMix { implementation leadership } } }`,
      { s: snapshotId },
    );
    whole = result.data!.orgChart;
    for (const node of whole) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  });
  afterAll(() => api?.close());

  const below = (id: string): WholeNode[] => {
    const found: WholeNode[] = [];
    for (let queue = [...(children.get(id) ?? [])]; queue.length; ) {
      const next = queue.shift()!;
      found.push(next);
      queue.push(...(children.get(next.id) ?? []));
    }
    return found;
  };
  const root = () => whole.find((node) => node.parentId === null)!;

  it('brings the top levels with team counts and findings that match the whole chart, and each tier’s mix once', async () => {
    const result = await api.graphql<{
      orgChartTop: { expectedMixes: { tier: string; mix: { implementation: number } }[]; nodes: LazyNode[] };
    }>(
      `query($s: ID!) { orgChartTop(snapshotId: $s, depth: 1) {
        expectedMixes { tier mix { implementation } } nodes { ${NODE} } } }`,
      { s: snapshotId },
    );
    expect(result.errors).toBeUndefined();
    const { nodes, expectedMixes } = result.data!.orgChartTop;
    const top = root();
    expect(nodes.map((node) => node.id)).toEqual([top.id, ...children.get(top.id)!.map((node) => node.id)]);
    for (const node of nodes) {
      const team = below(node.id);
      const original = whole.find((entry) => entry.id === node.id)!;
      expect({ id: node.id, descendants: node.descendantCount, findings: node.subtreeFindings, badges: node.badges }).toEqual({
        id: node.id,
        descendants: team.length,
        findings: original.openFindings + team.reduce((sum, entry) => sum + entry.openFindings, 0),
        badges: original.badges,
      });
      expect(new Set(node.subtreeBadges)).toEqual(new Set(team.flatMap((entry) => entry.badges)));
      // Missing data is counted on the server, over the whole team, not over what the browser has loaded.
      expect({ id: node.id, hasData: node.hasData, withoutData: node.descendantsWithoutData }).toEqual({
        id: node.id,
        hasData: original.hasData,
        withoutData: team.filter((entry) => !entry.hasData).length,
      });
    }
    expect(nodes.some((node) => node.descendantsWithoutData > 0)).toBe(true);
    // One entry per tier, the same mix the whole chart repeats on every card of that tier.
    expect(new Set(expectedMixes.map((entry) => entry.tier)).size).toBe(expectedMixes.length);
    for (const entry of expectedMixes) {
      const sample = whole.find((node) => node.tier === entry.tier)!;
      expect(entry.mix.implementation).toBe(sample.expectedMix.implementation);
    }
  });

  it("draws the organization's latest snapshot, or the one the link names when it is the organization's", async () => {
    // An earlier, empty snapshot of the organization beside the demo's.
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const {
      rows: [earlier],
    } = await client.query<{ id: string }>(
      `INSERT INTO org_snapshot (organization_id, version, as_of, content_hash, people_count, position_count, responsibility_count)
       VALUES ($1, 1000, '1900-01-01', 'earlier', 0, 0, 0) RETURNING id`,
      [organizationId],
    );
    const drawn = async (variables: Record<string, unknown>) => {
      const result = await api.graphql<{ orgChartTop: { snapshotId: string; nodes: { id: string }[] } }>(
        'query($o: ID, $s: ID) { orgChartTop(organizationId: $o, snapshotId: $s, depth: 0) { snapshotId nodes { id } } }',
        variables,
      );
      return result.errors ? { code: result.errors[0].extensions?.code } : result.data!.orgChartTop.snapshotId;
    };
    expect(await drawn({ o: organizationId })).toBe(snapshotId);
    expect(await drawn({ o: organizationId, s: earlier.id })).toBe(earlier.id);
    // A link to a snapshot that is not the organization's: its latest, as the web app shows.
    expect(await drawn({ o: organizationId, s: '00000000-0000-4000-8000-000000000000' })).toBe(snapshotId);
    expect(await drawn({ o: organizationId, s: 'not-an-id' })).toBe(snapshotId);
    expect(await drawn({ s: earlier.id })).toBe(earlier.id);
    expect(await drawn({})).toEqual({ code: 'BAD_USER_INPUT' });
    // The same cards as by snapshot.
    const bySnapshot = await api.graphql<{ orgChartTop: { nodes: { id: string }[] } }>(
      'query($s: ID!) { orgChartTop(snapshotId: $s, depth: 2) { nodes { id } } }',
      { s: snapshotId },
    );
    const byOrganization = await api.graphql<{ orgChartTop: { nodes: { id: string }[] } }>(
      'query($o: ID!) { orgChartTop(organizationId: $o, depth: 2) { nodes { id } } }',
      { o: organizationId },
    );
    expect(byOrganization.data!.orgChartTop.nodes).toEqual(bySnapshot.data!.orgChartTop.nodes);
    await client.query('DELETE FROM org_snapshot WHERE id = $1', [earlier.id]);
    await client.end();
  });

  it('starts the leader review at the leader, with the leader as the top', async () => {
    const leader = children.get(root().id)!.find((node) => (children.get(node.id)?.length ?? 0) > 1)!;
    const result = await api.graphql<{ orgChartTop: { nodes: LazyNode[] } }>(
      `query($s: ID!, $r: ID) { orgChartTop(snapshotId: $s, depth: 1, rootPositionId: $r) { nodes { ${NODE} } } }`,
      { s: snapshotId, r: leader.id },
    );
    const nodes = result.data!.orgChartTop.nodes;
    expect(nodes[0]).toMatchObject({ id: leader.id, parentId: null });
    expect(nodes.slice(1).map((node) => node.id)).toEqual(children.get(leader.id)!.map((node) => node.id));
  });

  it('pages a leader’s reports in the chart’s order, and refuses a page size or cursor it did not give', async () => {
    const leader = [...children.entries()].filter(([id]) => id).sort((a, b) => b[1].length - a[1].length)[0];
    const [leaderId, reports] = leader as [string, WholeNode[]];
    expect(reports.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: {
        data?: {
          orgChartChildren: { totalCount: number; nodes: LazyNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      } = await api.graphql(
        `query($s: ID!, $p: ID!, $a: String) { orgChartChildren(snapshotId: $s, positionId: $p, first: 2, after: $a) {
          totalCount nodes { ${NODE} } pageInfo { hasNextPage endCursor } } }`,
        { s: snapshotId, p: leaderId, a: after },
      );
      const pageData = result.data!.orgChartChildren;
      expect(pageData.totalCount).toBe(reports.length);
      seen.push(...pageData.nodes.map((node) => node.id));
      if (!pageData.pageInfo.hasNextPage) break;
      after = pageData.pageInfo.endCursor;
    }
    expect(seen).toEqual(reports.map((node) => node.id));

    const tooMany = await api.graphql(
      `query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p, first: 5000) { totalCount } }`,
      { s: snapshotId, p: leaderId },
    );
    expect(tooMany.errors?.[0].message).toMatch(/first must be a whole number from 1 to 1000/);
    const badCursor = await api.graphql(
      `query($s: ID!, $p: ID!) { orgChartChildren(snapshotId: $s, positionId: $p, first: 2, after: "bm9wZQ") { totalCount } }`,
      { s: snapshotId, p: leaderId },
    );
    expect(badCursor.errors?.[0].message).toMatch(/after: not a cursor/);
  });

  it('searches on the server by name, title or employee id, in reading order, and brings the path to the first hit', async () => {
    const search = async (query: string) => {
      const result = await api.graphql<{ orgChartSearch: { totalCount: number; hits: LazyNode[]; nodes: LazyNode[] } }>(
        `query($s: ID!, $q: String!) { orgChartSearch(snapshotId: $s, query: $q, first: 10) {
          totalCount hits { ${NODE} } nodes { ${NODE} } } }`,
        { s: snapshotId, q: query },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.orgChartSearch;
    };
    const maya = whole.find((node) => node.name === 'Maya Lindqvist')!;
    const byName = await search('maya lindq');
    expect(byName.hits.map((hit) => hit.id)).toEqual([maya.id]);
    // Every manager above her, with the whole team of each, so the chart opens to her in place.
    const loaded = new Set(byName.nodes.map((node) => node.id));
    for (let up = maya.parentId; up; up = whole.find((node) => node.id === up)!.parentId) {
      expect(loaded.has(up)).toBe(true);
      for (const report of children.get(up)!) expect(loaded.has(report.id)).toBe(true);
    }

    const word = maya.title.split(/\s+/)[0].toLowerCase();
    const byTitle = await search(word);
    const expected = whole.filter((node) => node.title.toLowerCase().includes(word) || node.name.toLowerCase().includes(word));
    expect(byTitle.totalCount).toBe(expected.length);
    // In the chart's reading order: each manager before their team, teams in order.
    const readingOrder: WholeNode[] = [];
    const visit = (node: WholeNode) => {
      readingOrder.push(node);
      for (const report of children.get(node.id) ?? []) visit(report);
    };
    visit(root());
    const matching = new Set(expected.map((node) => node.id));
    expect(byTitle.hits.map((hit) => hit.id)).toEqual(
      readingOrder
        .filter((node) => matching.has(node.id))
        .slice(0, 10)
        .map((node) => node.id),
    );

    const byEmployeeId = await search(maya.employeeId!);
    expect(byEmployeeId.hits[0].id).toBe(maya.id);
    expect((await search('%')).totalCount).toBe(
      whole.filter((node) => node.name.includes('%') || node.title.includes('%')).length,
    );
    expect(await search('   ')).toEqual({ totalCount: 0, hits: [], nodes: [] });
  });

  it('reveals positions in place and lists the leaders for the picker, most senior first, matching every word', async () => {
    const deepest = whole.filter((node) => node.directReports === 0).slice(-2);
    const result = await api.graphql<{ orgChartReveal: LazyNode[]; orgChartLeaders: { id: string; tier: string }[] }>(
      `query($s: ID!, $ids: [ID!]!) { orgChartReveal(snapshotId: $s, positionIds: $ids) { ${NODE} }
        orgChartLeaders(snapshotId: $s, first: 200) { id tier } }`,
      { s: snapshotId, ids: deepest.map((node) => node.id) },
    );
    expect(result.errors).toBeUndefined();
    const revealed = new Set(result.data!.orgChartReveal.map((node) => node.id));
    for (const node of deepest) expect(revealed.has(node.id)).toBe(true);
    const leaders = result.data!.orgChartLeaders;
    expect(leaders.map((leader) => leader.id).sort()).toEqual(
      whole
        .filter((node) => node.tier !== 'IC')
        .map((node) => node.id)
        .sort(),
    );
    const order = ['EXECUTIVE', 'DIRECTOR', 'MANAGER'];
    const ranks = leaders.map((leader) => order.indexOf(leader.tier));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const maya = whole.find((node) => node.name === 'Maya Lindqvist')!;
    const picked = await api.graphql<{ orgChartLeaders: { id: string; name: string }[] }>(
      `query($s: ID!) { orgChartLeaders(snapshotId: $s, query: "lindqvist MAYA", first: 5) { id name } }`,
      { s: snapshotId },
    );
    expect(picked.data!.orgChartLeaders).toEqual([{ id: maya.id, name: 'Maya Lindqvist' }]);
    const page = await api.graphql<{ orgChartLeaders: unknown[] }>(
      `query($s: ID!) { orgChartLeaders(snapshotId: $s, first: 2) { id } }`,
      { s: snapshotId },
    );
    expect(page.data!.orgChartLeaders).toHaveLength(2);
  });

  it('walks a subtree through the (snapshot, manager) index and matches the whole chart', async () => {
    const top = root();
    const result = await api.graphql<{ subtree: { id: string }[] }>(
      `query($p: ID!) { subtree(positionId: $p, depth: 2) { id } }`,
      { p: top.id },
    );
    const expected = [top, ...children.get(top.id)!, ...children.get(top.id)!.flatMap((node) => children.get(node.id) ?? [])];
    expect(result.data!.subtree.map((node) => node.id).sort()).toEqual(expected.map((node) => node.id).sort());
    // The index behind it, created by the migration, in place of the manager-only one.
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ indexdef: string }>(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'position' AND indexdef LIKE '%reports_to_id%'",
      );
      expect(rows.map((row) => row.indexdef)).toEqual([expect.stringMatching(/\(snapshot_id, reports_to_id\)$/)]);
    } finally {
      await client.end();
    }
  });
});
