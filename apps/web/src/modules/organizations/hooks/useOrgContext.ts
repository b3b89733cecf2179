import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { OrganizationSnapshotsQuery } from '../../../gql/graphql';
import { OrganizationSnapshotsDocument } from '../graphql/organizations.graphql';

export type OrgSnapshot = NonNullable<OrganizationSnapshotsQuery['organization']>['snapshots'][number];

export type OrgContext = {
  orgId: string;
  organization: NonNullable<OrganizationSnapshotsQuery['organization']>;
  snapshots: OrgSnapshot[];
  /** The snapshot in the URL, or the latest one; null when the organization has none yet. */
  snapshot: OrgSnapshot | null;
  snapshotId: string | null;
  /** The snapshot the link names, if it names one (even one that is not the organization's). */
  linkSnapshotId: string | null;
  /** Keeps ?snapshot= on links so every page shows the same version. */
  linkTo: (path: string) => string;
};

/** The organization and snapshot the URL points at (/org/:orgId/…?snapshot=…). */
export function useOrgContext() {
  const { orgId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('snapshot');
  const { data, loading, error, refetch } = useQuery(OrganizationSnapshotsDocument, {
    variables: { id: orgId },
    skip: !orgId,
  });

  const organization = data?.organization ?? null;
  const snapshots = useMemo(() => organization?.snapshots ?? [], [organization]);
  const snapshot =
    snapshots.find((s) => s.id === requested) ??
    snapshots.find((s) => s.id === organization?.latestSnapshot?.id) ??
    snapshots[0] ??
    null;
  const unknownSnapshot = !!requested && !!organization && !snapshots.some((s) => s.id === requested);

  const selectSnapshot = useCallback(
    (id: string) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.set('snapshot', id);
        return next;
      });
    },
    [setSearchParams],
  );

  const linkTo = useCallback(
    (path: string) =>
      requested && !unknownSnapshot ? `${path}${path.includes('?') ? '&' : '?'}snapshot=${encodeURIComponent(requested)}` : path,
    [requested, unknownSnapshot],
  );

  const context: OrgContext | null = organization
    ? { orgId, organization, snapshots, snapshot, snapshotId: snapshot?.id ?? null, linkSnapshotId: requested, linkTo }
    : null;

  return {
    context,
    loading,
    error,
    notFound: !loading && !error && !!data && !organization,
    unknownSnapshot,
    selectSnapshot,
    refetch,
  };
}
