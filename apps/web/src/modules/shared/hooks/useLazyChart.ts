import { useApolloClient, useQuery } from '@apollo/client/react';
import type { OrgChartNode } from '@rolemap/web-org-chart';
import { useCallback, useMemo } from 'react';
import type { ChartNodeFieldsFragment, OrgChartChildrenQuery } from '../../../gql/graphql';
import {
  OrgChartChildrenDocument,
  OrgChartRevealDocument,
  OrgChartSearchDocument,
  OrgChartTopDocument,
} from '../../overview/graphql/overview.graphql';
import { expectedMixesOf, toChartNodes } from '../../overview/utils/chart-nodes';

/** Reports per request when a team is opened: most teams in one answer, half the query cost budget at most. */
const CHILDREN_PAGE = 500;
/** "Expand all" opens what these levels hold, bounded by the server (CHART_LIMITS.topNodeLimit). */
const EXPAND_ALL_DEPTH = 4;
/** The server reveals at most this many positions per request. */
const REVEAL_MAX = 100;
const SEARCH_HITS = 20;

export type ChartSearchResult = { total: number; hits: OrgChartNode[]; nodes: OrgChartNode[] };

/**
 * For a page that can ask for its first levels before it has the organization's snapshots: the
 * organization and the snapshot its link names (null: the latest). The server picks the snapshot
 * as the page does, so the request can leave with the page's first ones (see early-requests.ts).
 */
export type ChartTopFromLink = { organizationId: string; linkSnapshotId: string | null };

/**
 * The chart data of the overview and the leader review, fetched lazily: the top `depth` levels
 * (below `rootPositionId` when given), each team when its card is opened, search on the server.
 * Chart nodes never enter Apollo's normalised cache (no-cache): 100k cards would cost more there
 * than the chart itself.
 */
export function useLazyChart(
  snapshotId: string,
  depth: number,
  rootPositionId: string | null = null,
  skip = false,
  fromLink?: ChartTopFromLink,
) {
  const client = useApolloClient();
  const byLink = useQuery(OrgChartTopDocument, {
    variables: {
      organizationId: fromLink?.organizationId,
      snapshotId: fromLink?.linkSnapshotId ?? null,
      depth,
      rootPositionId,
    },
    fetchPolicy: 'no-cache',
    skip: skip || !fromLink,
  });
  // Another snapshot only if one was imported between the page's requests: then ask for the page's own.
  const linkMissed = !!byLink.data && byLink.data.orgChartTop.snapshotId !== snapshotId;
  const bySnapshot = useQuery(OrgChartTopDocument, {
    variables: { snapshotId, depth, rootPositionId },
    fetchPolicy: 'no-cache',
    skip: skip || (!!fromLink && !linkMissed),
  });
  const top = fromLink && !linkMissed ? byLink : bySnapshot;
  const slice = top.data?.orgChartTop;
  const expected = useMemo(() => expectedMixesOf(slice?.expectedMixes ?? []), [slice]);
  const nodes = useMemo(() => (slice ? toChartNodes(slice.nodes, expected) : []), [slice, expected]);

  const loadChildren = useCallback(
    async (positionId: string): Promise<OrgChartNode[]> => {
      const team: ChartNodeFieldsFragment[] = [];
      let after: string | null = null;
      for (;;) {
        const { data }: { data?: OrgChartChildrenQuery } = await client.query({
          query: OrgChartChildrenDocument,
          variables: { snapshotId, positionId, first: CHILDREN_PAGE, after },
          fetchPolicy: 'no-cache',
        });
        const page: OrgChartChildrenQuery['orgChartChildren'] = data!.orgChartChildren;
        team.push(...page.nodes);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      return toChartNodes(team, expected);
    },
    [client, snapshotId, expected],
  );

  const search = useCallback(
    async (query: string): Promise<ChartSearchResult> => {
      const { data } = await client.query({
        query: OrgChartSearchDocument,
        variables: { snapshotId, query, first: SEARCH_HITS },
        fetchPolicy: 'no-cache',
      });
      const result = data!.orgChartSearch;
      return {
        total: result.totalCount,
        hits: toChartNodes(result.hits, expected),
        nodes: toChartNodes(result.nodes, expected),
      };
    },
    [client, snapshotId, expected],
  );

  /** The path to each position and the teams on it (the first REVEAL_MAX positions). */
  const reveal = useCallback(
    async (positionIds: readonly string[]): Promise<OrgChartNode[]> => {
      if (positionIds.length === 0) return [];
      const { data } = await client.query({
        query: OrgChartRevealDocument,
        variables: { snapshotId, positionIds: positionIds.slice(0, REVEAL_MAX) },
        fetchPolicy: 'no-cache',
      });
      return toChartNodes(data!.orgChartReveal, expected);
    },
    [client, snapshotId, expected],
  );

  /** More levels for "expand all", as many as the server's bound allows. */
  const loadLevels = useCallback(async (): Promise<OrgChartNode[]> => {
    const { data } = await client.query({
      query: OrgChartTopDocument,
      variables: { snapshotId, depth: EXPAND_ALL_DEPTH, rootPositionId },
      fetchPolicy: 'no-cache',
    });
    return toChartNodes(data!.orgChartTop.nodes, expectedMixesOf(data!.orgChartTop.expectedMixes));
  }, [client, snapshotId, rootPositionId]);

  return { top, nodes, loadChildren, search, reveal, loadLevels };
}

export type LazyChart = ReturnType<typeof useLazyChart>;
