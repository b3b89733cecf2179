import { useQuery } from '@apollo/client/react';
import { OwnPositionDocument } from '../graphql/auth.graphql';
import { useMe } from './useMe';

/** The position the signed-in account's person holds in the snapshot (leaders and employees), or null. */
export function useOwnPositionId(organizationId: string, snapshotId: string | null): string | null {
  const { me } = useMe();
  const employeeId = me?.memberships.find((membership) => membership.organizationId === organizationId)?.personExternalId ?? null;
  const { data } = useQuery(OwnPositionDocument, {
    variables: { snapshotId: snapshotId ?? '', employeeId: employeeId ?? '' },
    skip: !snapshotId || !employeeId,
  });
  return data?.person?.position?.id ?? null;
}
