import type { ScenarioFieldsFragment } from '../../../gql/graphql';

type SnapshotRef = { id: string; version: number; asOf: string };

/** Timeline order: the as-of date, then the version for two charts of one day. */
function later(a: SnapshotRef, b: SnapshotRef): boolean {
  return a.asOf > b.asOf || (a.asOf === b.asOf && a.version > b.version);
}

/** The organization's newest snapshot when it is newer than the scenario's base (a rebase is due), else null. */
export function newerSnapshotThan(baseSnapshotId: string, snapshots: readonly SnapshotRef[]): SnapshotRef | null {
  const base = snapshots.find((snapshot) => snapshot.id === baseSnapshotId);
  if (!base) return null;
  const newest = snapshots.reduce<SnapshotRef | null>(
    (best, snapshot) => (!best || later(snapshot, best) ? snapshot : best),
    null,
  );
  return newest && later(newest, base) ? newest : null;
}

export type ScenarioListItem = {
  scenario: ScenarioFieldsFragment;
  /** "v3 (2026-06-30)", or "a removed snapshot". */
  baseLabel: string;
  /** The snapshot to rebase onto when a newer one exists. */
  rebaseOnto: SnapshotRef | null;
};

/** What the scenarios list shows per row: the base snapshot in words and whether a rebase is due. */
export function scenarioListItems(
  scenarios: readonly ScenarioFieldsFragment[],
  snapshots: readonly SnapshotRef[],
): ScenarioListItem[] {
  const byId = new Map(snapshots.map((snapshot) => [snapshot.id, snapshot]));
  return scenarios.map((scenario) => {
    const base = byId.get(scenario.snapshotId);
    return {
      scenario,
      baseLabel: base ? `v${base.version} (${base.asOf})` : 'a removed snapshot',
      // An approved plan is tracked against later snapshots, not rebased.
      rebaseOnto: scenario.status === 'APPROVED' ? null : newerSnapshotThan(scenario.snapshotId, snapshots),
    };
  });
}
