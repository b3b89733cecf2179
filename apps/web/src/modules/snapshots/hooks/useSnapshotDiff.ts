import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { OrgSnapshot } from '../../organizations/hooks/useOrgContext';
import { SnapshotDiffDocument } from '../graphql/snapshots.graphql';

/** Compares two versions; by default the one before the selected snapshot with the selected one. */
export function useSnapshotDiff(snapshots: readonly OrgSnapshot[], selectedId: string | null) {
  const selectedIndex = Math.max(
    0,
    snapshots.findIndex((snapshot) => snapshot.id === selectedId),
  );
  const defaultTo = snapshots[selectedIndex]?.id ?? null;
  const defaultFrom = snapshots[selectedIndex + 1]?.id ?? null;
  const [fromId, setFromId] = useState<string | null>(defaultFrom);
  const [toId, setToId] = useState<string | null>(defaultTo);

  useEffect(() => {
    setFromId(defaultFrom);
    setToId(defaultTo);
  }, [defaultFrom, defaultTo]);

  const same = !!fromId && fromId === toId;
  const diff = useQuery(SnapshotDiffDocument, {
    variables: { fromSnapshotId: fromId ?? '', toSnapshotId: toId ?? '' },
    skip: !fromId || !toId || same,
  });
  return { fromId, toId, setFromId, setToId, same, diff };
}
