import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { MeDocument, OrgChartTopDocument, OrganizationSnapshotsDocument } from '../../gql/graphql';
import { OVERVIEW_DEPTH } from '../../modules/overview/utils/overview-depth';
import { earlyRequestsFor, sendEarlyRequests, type EarlyAnswers } from './early-requests';
import { operationKey } from './operation-key';
import { WarmStartLink } from './warm-start-link';

type Sent = {
  url: string;
  init: RequestInit;
  body: { operationName: string; variables: Record<string, unknown>; query: string };
};

const SNAPSHOT = {
  __typename: 'Snapshot',
  id: 'snap-2',
  version: 2,
  asOf: '2026-01-01',
  importedAt: '2026-01-01T00:00:00.000Z',
  label: null,
  sourceFileName: 'people.csv',
  peopleCount: 3,
  positionCount: 3,
  responsibilityCount: 0,
};

/** What the server answers each operation with. */
function answerTo(operationName: string, variables: Record<string, unknown>): unknown {
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
            snapshots: [SNAPSHOT],
          },
        },
      };
    case 'OrgChartTop':
      return { data: { orgChartTop: { __typename: 'ChartSlice', snapshotId: 'snap-2', expectedMixes: [], nodes: [] } } };
    default:
      return { errors: [{ message: `${operationName} is not in this test` }] };
  }
}

/** A fetch that records what it sent and answers as the server would, or fails the operations named. */
function fakeFetch(failing: string[] = [], refused: string[] = []) {
  const sent: Sent[] = [];
  const send = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Sent['body'];
    sent.push({ url, init, body });
    if (failing.includes(body.operationName)) throw new TypeError('Failed to fetch');
    return {
      ok: true,
      status: 200,
      headers: { get: () => 'application/json' },
      json: async () =>
        refused.includes(body.operationName)
          ? { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }], data: null }
          : answerTo(body.operationName, body.variables),
    };
  }) as unknown as typeof fetch;
  return { send, sent };
}

/** The app's server behind the warm-start link: counts the operations that reached it. */
function appClient(early: EarlyAnswers, link = new WarmStartLink(early)) {
  const reached: string[] = [];
  const server = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((subscriber) => {
        reached.push(operation.operationName ?? '');
        subscriber.next(answerTo(operation.operationName ?? '', operation.variables) as ApolloLink.Result);
        subscriber.complete();
      }),
  );
  return { client: new ApolloClient({ link: ApolloLink.from([link, server]), cache: new InMemoryCache() }), reached };
}

/** What the overview's chart hook sends for its first levels (useLazyChart with fromLink). */
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

describe('earlyRequestsFor', () => {
  it('asks on the overview for who is signed in, the snapshots and the chart by the link, all at once', () => {
    const requests = earlyRequestsFor({ pathname: '/org/org-1/overview', search: '?snapshot=snap-1&position=p' });
    expect(requests.map(({ operationName, document, variables }) => ({ operationName, document, variables }))).toEqual([
      { operationName: 'Me', document: MeDocument, variables: {} },
      { operationName: 'OrganizationSnapshots', document: OrganizationSnapshotsDocument, variables: { id: 'org-1' } },
      {
        operationName: 'OrgChartTop',
        document: OrgChartTopDocument,
        variables: { organizationId: 'org-1', snapshotId: 'snap-1', depth: OVERVIEW_DEPTH, rootPositionId: null },
      },
    ]);
    expect(earlyRequestsFor({ pathname: '/org/org-1', search: '' })[2].variables.snapshotId).toBeNull();
  });

  it('asks for nothing on other pages', () => {
    for (const pathname of ['/', '/org/org-1/review/pos-1', '/org/org-1/snapshots', '/forms', '/sign-in']) {
      expect(earlyRequestsFor({ pathname, search: '' })).toEqual([]);
    }
  });
});

describe('sendEarlyRequests', () => {
  it("sends them as the app's HTTP link does, with the __typename fields the cache needs", async () => {
    const { send, sent } = fakeFetch();
    const answers = sendEarlyRequests(earlyRequestsFor({ pathname: '/org/org-1/overview', search: '' }), send, () => 1_000);
    expect(sent.map((request) => request.body.operationName)).toEqual(['Me', 'OrganizationSnapshots', 'OrgChartTop']);
    for (const { url, init, body } of sent) {
      expect(url).toBe('/graphql');
      expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
      // The CSRF header the server requires of cookie-signed requests.
      expect((init.headers as Record<string, string>)['x-rolemap-client']).toBe('web');
      expect(body.query).toContain(`query ${body.operationName}`);
    }
    expect(sent[1].body.query).toMatch(/latestSnapshot \{\s+id\s+__typename\s+\}/);
    expect([...answers.keys()]).toEqual([
      operationKey('Me', {}),
      operationKey('OrganizationSnapshots', { id: 'org-1' }),
      operationKey('OrgChartTop', { organizationId: 'org-1', snapshotId: null, depth: OVERVIEW_DEPTH, rootPositionId: null }),
    ]);
    expect(answers.get(operationKey('Me', {}))).toMatchObject({ sentAt: 1_000 });
    await expect(answers.get(operationKey('Me', {}))!.answer).resolves.toEqual({ data: { me: null } });
  });
});

describe('WarmStartLink', () => {
  const overview = { pathname: '/org/org-1/overview', search: '' };

  it("answers the app's first operations from the early requests, each once", async () => {
    const { send } = fakeFetch();
    const { client, reached } = appClient(sendEarlyRequests(earlyRequestsFor(overview), send));
    expect((await client.query({ query: MeDocument })).data?.me).toBeNull();
    const snapshots = await client.query({ query: OrganizationSnapshotsDocument, variables: { id: 'org-1' } });
    expect(snapshots.data?.organization?.snapshots.map((s) => s.id)).toEqual(['snap-2']);
    expect((await chartTop(client, null)).data?.orgChartTop.snapshotId).toBe('snap-2');
    expect(reached).toEqual([]);
    // Taken once: the same request again goes to the server.
    await chartTop(client, null);
    expect(reached).toEqual(['OrgChartTop']);
  });

  it('sends to the server what the early requests did not ask for', async () => {
    const { send } = fakeFetch();
    const { client, reached } = appClient(sendEarlyRequests(earlyRequestsFor(overview), send));
    await chartTop(client, 'snap-1');
    await client.query({ query: OrganizationSnapshotsDocument, variables: { id: 'org-2' } });
    expect(reached).toEqual(['OrgChartTop', 'OrganizationSnapshots']);
  });

  it('asks the server again when the early request failed', async () => {
    const { send } = fakeFetch(['OrgChartTop']);
    const { client, reached } = appClient(sendEarlyRequests(earlyRequestsFor(overview), send));
    expect((await chartTop(client, null)).data?.orgChartTop.snapshotId).toBe('snap-2');
    expect(reached).toEqual(['OrgChartTop']);
  });

  it('asks the server again when the early answer was an error (signed in since, perhaps)', async () => {
    const { send } = fakeFetch([], ['OrganizationSnapshots']);
    const { client, reached } = appClient(sendEarlyRequests(earlyRequestsFor(overview), send));
    const snapshots = await client.query({ query: OrganizationSnapshotsDocument, variables: { id: 'org-1' } });
    expect(snapshots.data?.organization?.id).toBe('org-1');
    expect(reached).toEqual(['OrganizationSnapshots']);
  });

  it('does not hand over an answer asked for longer ago than it is kept', async () => {
    const { send } = fakeFetch();
    let now = 0;
    const early = sendEarlyRequests(earlyRequestsFor(overview), send, () => now);
    const { client, reached } = appClient(early, new WarmStartLink(early, 1_000, () => now));
    now = 1_001;
    await chartTop(client, null);
    expect(reached).toEqual(['OrgChartTop']);
  });
});
