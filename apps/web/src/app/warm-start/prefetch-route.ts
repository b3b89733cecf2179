import type { ApolloClient } from '@apollo/client';
import { matchPath } from 'react-router-dom';
import { MeDocument } from '../../modules/auth/graphql/auth.graphql';
import { OrganizationSnapshotsDocument } from '../../modules/organizations/graphql/organizations.graphql';
import { chooseSnapshot } from '../../modules/organizations/utils/choose-snapshot';
import { AnalysisSummaryDocument, OrgChartTopDocument } from '../../modules/overview/graphql/overview.graphql';
import { OVERVIEW_DEPTH } from '../../modules/overview/hooks/useOverviewData';

const ignore = () => undefined;

/**
 * Starts the requests the page at `location` waits for before it can draw, while the app is still
 * rendering: otherwise each waits for the one before it to be answered and rendered (who is signed
 * in, then the organization's snapshots, then the chart). Sends exactly what the page's components
 * will send, so the cache (or the warm-start link, for the chart) hands them the answers. Anything
 * that fails is left for the page to ask again and report.
 */
export function prefetchRoute(client: ApolloClient, location: { pathname: string; search: string }): void {
  const overview = matchPath('/org/:orgId/overview', location.pathname) ?? matchPath('/org/:orgId', location.pathname);
  const orgId = overview?.params.orgId;
  if (!orgId) return;
  const linkSnapshotId = new URLSearchParams(location.search).get('snapshot');
  void client.query({ query: MeDocument }).catch(ignore);
  // The chart's first levels by the link, as OrgOverview asks for them: no need to wait for the snapshots.
  void client
    .query({
      query: OrgChartTopDocument,
      variables: { organizationId: orgId, snapshotId: linkSnapshotId, depth: OVERVIEW_DEPTH, rootPositionId: null },
      fetchPolicy: 'no-cache',
      // Kept by the link, not by Apollo's de-duplication, so the page's request reaches the link and takes it.
      context: { warmStart: 'prefetch', queryDeduplication: false },
    })
    .catch(ignore);
  void client
    .query({ query: OrganizationSnapshotsDocument, variables: { id: orgId } })
    .then(({ data }) => {
      const snapshot = data?.organization ? chooseSnapshot(data.organization, linkSnapshotId) : null;
      if (snapshot) void client.query({ query: AnalysisSummaryDocument, variables: { snapshotId: snapshot.id } }).catch(ignore);
    })
    .catch(ignore);
}
