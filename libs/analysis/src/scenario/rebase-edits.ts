import type { ScenarioEdit } from '@rolemap/domain';
import type { SnapshotIndex } from '../snapshot/snapshot-index';
import { type EditProblem, applyScenarioEdits } from './apply-edits';

export interface RebasedEdits {
  /** The edits that still apply to the newer chart, in their order. */
  kept: ScenarioEdit[];
  /** Those that no longer do, each with why (numbered as in the scenario before the rebase). */
  dropped: EditProblem[];
}

/**
 * A scenario's edits replayed on a newer snapshot: each is checked against the newer chart as
 * the edits before it leave it; those that no longer apply are listed, never dropped silently.
 */
export function rebaseEdits(newer: SnapshotIndex, edits: readonly ScenarioEdit[], scopeRoot: string | null = null): RebasedEdits {
  const { problems } = applyScenarioEdits(newer, edits, { scopeRoot, keepGoing: true });
  const droppedNumbers = new Set(problems.map((problem) => problem.number));
  return { kept: edits.filter((_, i) => !droppedNumbers.has(i + 1)), dropped: problems };
}
