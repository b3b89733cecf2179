type SnapshotChoice<S extends { id: string }> = {
  snapshots: readonly S[];
  latestSnapshot?: { id: string } | null;
};

/** The snapshot a page shows: the one the link asks for, else the latest, else the first; null when there is none. */
export function chooseSnapshot<S extends { id: string }>(organization: SnapshotChoice<S>, requested: string | null): S | null {
  const { snapshots } = organization;
  return (
    snapshots.find((s) => s.id === requested) ??
    snapshots.find((s) => s.id === organization.latestSnapshot?.id) ??
    snapshots[0] ??
    null
  );
}
