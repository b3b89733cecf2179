import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print } from 'graphql';
// The documents themselves, not the `graphql()` look-up table: this module is loaded before the app.
import { MeDocument, OrganizationSnapshotsDocument, OrgChartTopDocument } from '../../gql/graphql';
import { OVERVIEW_DEPTH } from '../../modules/overview/utils/overview-depth';
import { operationKey } from './operation-key';

export type EarlyRequest = { operationName: string; document: DocumentNode; variables: Record<string, unknown> };

/** An answer on its way, by operation key, with when it was asked for. */
export type EarlyAnswers = Map<string, { answer: Promise<unknown>; sentAt: number }>;

const OVERVIEW_PATH = /^\/org\/([^/?#]+)(?:\/overview)?\/?$/;

/**
 * What the page at `location` waits for before it can draw, exactly as its components will ask:
 * on the overview, who is signed in, the organization's snapshots and the chart's first levels by
 * the link (the server picks the snapshot as the page does, so none waits for another).
 */
export function earlyRequestsFor(location: { pathname: string; search: string }): EarlyRequest[] {
  const orgId = OVERVIEW_PATH.exec(location.pathname)?.[1];
  if (!orgId) return [];
  const linkSnapshotId = new URLSearchParams(location.search).get('snapshot');
  return [
    { operationName: 'Me', document: MeDocument, variables: {} },
    {
      operationName: 'OrganizationSnapshots',
      document: OrganizationSnapshotsDocument,
      variables: { id: decodeURIComponent(orgId) },
    },
    {
      operationName: 'OrgChartTop',
      document: OrgChartTopDocument,
      variables: {
        organizationId: decodeURIComponent(orgId),
        snapshotId: linkSnapshotId,
        depth: OVERVIEW_DEPTH,
        rootPositionId: null,
      },
    },
  ];
}

/**
 * Sends the requests now, as the app's HTTP link would (same headers, the query with the
 * `__typename` fields Apollo's cache adds), and keeps each answer's promise for the WarmStartLink.
 */
export function sendEarlyRequests(
  requests: readonly EarlyRequest[],
  send: typeof fetch = (...args) => fetch(...args),
  now: () => number = () => Date.now(),
): EarlyAnswers {
  const answers: EarlyAnswers = new Map();
  for (const { operationName, document, variables } of requests) {
    const answer = send('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-rolemap-client': 'web' },
      body: JSON.stringify({ operationName, variables, query: print(addTypenameToDocument(document)) }),
    }).then((response) => {
      if (!response.ok && !response.headers.get('content-type')?.includes('json')) {
        throw new Error(`HTTP ${response.status}`);
      }
      return response.json() as Promise<unknown>;
    });
    // Nobody may ever take it (the page changed first): no unhandled rejection.
    answer.catch(() => undefined);
    answers.set(operationKey(operationName, variables), { answer, sentAt: now() });
  }
  return answers;
}
