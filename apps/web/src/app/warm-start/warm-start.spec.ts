import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { OrgChartTopDocument } from '../../modules/overview/graphql/overview.graphql';
import { OVERVIEW_DEPTH } from '../../modules/overview/hooks/useOverviewData';
import { prefetchRoute } from './prefetch-route';
import { WarmStartLink, operationKey } from './warm-start-link';

const SNAPSHOTS = [
  { id: 'snap-1', version: 1 },
  { id: 'snap-2', version: 2 },
].map((s) => ({
  __typename: 'Snapshot',
  ...s,
  asOf: '2026-01-01',
  importedAt: '2026-01-01T00:00:00.000Z',
  label: null,
  sourceFileName: 'people.csv',
  peopleCount: 3,
  positionCount: 3,
  responsibilityCount: 0,
}));

/** A server answering after a tick, that records what it was asked and can be told to fail an operation. */
function fakeServer(failing: string[] = []) {
  const asked: { operationName: string | undefined; variables: Record<string, unknown> }[] = [];
  const answer = (operationName: string | undefined, variables: Record<string, unknown>): ApolloLink.Result => {
    if (operationName && failing.includes(operationName)) return { errors: [{ message: `${operationName} failed` }] };
    switch (operationName) {
      case 'Me':
        return { data: { me: null } };
      case 'OrganizationSnapshots':
        return {
          data: {
            organization: {
              __typename: 'Organization',
              id: variables.id,
              name: 'Acme',
              latestSnapshot: { __typename: 'Snapshot', id: 'snap-2' },
              snapshots: SNAPSHOTS,
            },
          },
        };
      case 'OrgChartTop':
        return {
          data: {
            orgChartTop: { __typename: 'ChartSlice', snapshotId: variables.snapshotId ?? 'snap-2', expectedMixes: [], nodes: [] },
          },
        };
      default:
        return { errors: [{ message: `${operationName} is not in this test` }] };
    }
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((subscriber) => {
        asked.push({ operationName: operation.operationName, variables: operation.variables });
        const timer = setTimeout(() => {
          subscriber.next(answer(operation.operationName, operation.variables));
          subscriber.complete();
        }, 5);
        return () => clearTimeout(timer);
      }),
  );
  const times = (operationName: string) => asked.filter((a) => a.operationName === operationName).length;
  return { link, asked, times };
}

function clientWith(server: ReturnType<typeof fakeServer>, warmStart: WarmStartLink) {
  return new ApolloClient({ link: ApolloLink.from([warmStart, server.link]), cache: new InMemoryCache() });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** What the overview's chart hook sends for its first levels (see useLazyChart's fromLink). */
const chartTop = (client: ApolloClient, linkSnapshotId: string | null) =>
  client.query({
    query: OrgChartTopDocument,
    variables: { organizationId: 'org-1', snapshotId: linkSnapshotId, depth: OVERVIEW_DEPTH, rootPositionId: null },
    fetchPolicy: 'no-cache',
  });

describe('operationKey', () => {
  it('does not depend on the order the variables were written in', () => {
    expect(operationKey('Q', { a: 1, b: { c: 2, d: 3 } })).toBe(operationKey('Q', { b: { d: 3, c: 2 }, a: 1 }));
    expect(operationKey('Q', { a: 1 })).not.toBe(operationKey('Q', { a: 2 }));
    expect(operationKey('Q', { a: 1 })).not.toBe(operationKey('R', { a: 1 }));
  });
});

describe('prefetchRoute with the warm-start link', () => {
  it("starts the overview's requests at once and answers the page's chart request from the prefetch", async () => {
    const server = fakeServer();
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1/overview', search: '' });
    // Who is signed in, the snapshots and the chart leave together; the summary needs the snapshot's id.
    expect(server.asked.map((a) => a.operationName).sort()).toEqual(['Me', 'OrgChartTop', 'OrganizationSnapshots']);
    expect(server.asked.find((a) => a.operationName === 'OrgChartTop')?.variables).toEqual({
      organizationId: 'org-1',
      snapshotId: null,
      depth: OVERVIEW_DEPTH,
      rootPositionId: null,
    });
    await settle();
    // The summary of the latest snapshot, as the page chooses when the link names none.
    expect(server.asked.find((a) => a.operationName === 'AnalysisSummary')?.variables).toEqual({ snapshotId: 'snap-2' });

    const { data } = await chartTop(client, null);
    expect(data?.orgChartTop.snapshotId).toBe('snap-2');
    expect(server.times('OrgChartTop')).toBe(1);
    // Handed over once: the next identical request goes to the server.
    await chartTop(client, null);
    expect(server.times('OrgChartTop')).toBe(2);
  });

  it('shares a prefetch still in flight with the page', async () => {
    const server = fakeServer();
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1', search: '' });
    const { data } = await chartTop(client, null);
    expect(data?.orgChartTop.snapshotId).toBe('snap-2');
    expect(server.times('OrgChartTop')).toBe(1);
  });

  it('prefetches the snapshot the link names', async () => {
    const server = fakeServer();
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1/overview', search: '?snapshot=snap-1' });
    await settle();
    expect(server.asked.find((a) => a.operationName === 'OrgChartTop')?.variables.snapshotId).toBe('snap-1');
    expect(server.asked.find((a) => a.operationName === 'AnalysisSummary')?.variables).toEqual({ snapshotId: 'snap-1' });
    // A request for other variables is not answered from it.
    await chartTop(client, null);
    expect(server.times('OrgChartTop')).toBe(2);
    await chartTop(client, 'snap-1');
    expect(server.times('OrgChartTop')).toBe(2);
  });

  it('leaves other pages alone', async () => {
    const server = fakeServer();
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1/review/pos-1', search: '' });
    prefetchRoute(client, { pathname: '/', search: '' });
    await settle();
    expect(server.asked).toEqual([]);
  });

  it('does not hand over an answer older than the time it is kept', async () => {
    const server = fakeServer();
    let now = 0;
    const client = clientWith(server, new WarmStartLink(1_000, () => now));
    prefetchRoute(client, { pathname: '/org/org-1/overview', search: '' });
    await settle();
    now = 1_001;
    await chartTop(client, null);
    expect(server.times('OrgChartTop')).toBe(2);
  });

  it('lets the page ask again when the prefetch failed', async () => {
    const server = fakeServer(['OrgChartTop']);
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1/overview', search: '' });
    await settle();
    await expect(chartTop(client, null)).rejects.toThrow('OrgChartTop failed');
    // The page's own request went to the server (and failed there too, in this test).
    expect(server.times('OrgChartTop')).toBe(2);
  });

  it('asks for no summary when the organization cannot be read', async () => {
    const server = fakeServer(['OrganizationSnapshots']);
    const client = clientWith(server, new WarmStartLink());
    prefetchRoute(client, { pathname: '/org/org-1/overview', search: '' });
    await settle();
    expect(server.asked.map((a) => a.operationName).sort()).toEqual(['Me', 'OrgChartTop', 'OrganizationSnapshots']);
  });
});
