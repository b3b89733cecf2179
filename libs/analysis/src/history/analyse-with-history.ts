import type { Responsibility, SnapshotData, ValueLevelPolicy } from '@rolemap/domain';
import { type AnalysisResult, analyzeSnapshot } from '../analyze/analyze-snapshot';
import { type SnapshotDiff, diffSnapshots, inferredPromotions } from '../diff/diff-snapshots';
import type { AnalysisFinding } from '../findings/finding-text';
import type { PositionMix } from '../mix/position-mix';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { type ClassificationOverrides, NO_OVERRIDES, applyOverrides } from './classification-overrides';

/** One snapshot analysed against the one before it, with the lookups its readers need. */
export interface HistoryAnalysis {
  /** The snapshot as analysed: HR's overrides applied. */
  data: SnapshotData;
  index: SnapshotIndex;
  result: AnalysisResult;
  /** What changed since the previous snapshot (its promotions count as known); null without one. */
  diff: SnapshotDiff | null;
  readonly mixByPosition: ReadonlyMap<string, PositionMix>;
  /** Responsibilities as analysed, by id. */
  readonly responsibilityById: ReadonlyMap<string, Responsibility>;
  /** Each position's findings, most severe first. */
  readonly findingsByPosition: ReadonlyMap<string, AnalysisFinding[]>;
}

/**
 * The analysis of `data` as the API, the CLI and scenarios see it: HR's overrides applied to
 * both snapshots, promotions inferred from the previous snapshot (null for the first one), every
 * rule run under `policy`. Pure: same inputs, same result. Of `previous` only the positions, people
 * and assignments are read (the diff), so it may be loaded without its responsibilities.
 */
export function analyseWithHistory(
  data: SnapshotData,
  previous: SnapshotData | null,
  policy: ValueLevelPolicy,
  overrides: ClassificationOverrides = NO_OVERRIDES,
): HistoryAnalysis {
  const current = applyOverrides(data, overrides);
  // One index of the current snapshot serves the diff and the rules.
  const index = new SnapshotIndex(current);
  const diff = previous ? diffSnapshots(applyOverrides(previous, overrides), index) : null;
  const result = analyzeSnapshot(index, policy, { inferredPromotions: diff ? inferredPromotions(diff) : undefined });
  // The lookups below are built on first read: at 100k positions each is a 100k-entry map, and
  // the CLI's analyze reads neither (the resolvers read the mixes, the findings service the findings).
  let mixByPosition: Map<string, PositionMix> | null = null;
  let findingsByPosition: Map<string, AnalysisFinding[]> | null = null;
  let responsibilityById: Map<string, Responsibility> | null = null;
  return {
    data: current,
    index,
    result,
    diff,
    get mixByPosition() {
      mixByPosition ??= new Map(result.mixes.map((mix) => [mix.positionId, mix]));
      return mixByPosition;
    },
    // Only the responsibility resolvers and the review queue look responsibilities up by id.
    get responsibilityById() {
      responsibilityById ??= new Map(current.responsibilities.map((responsibility) => [responsibility.id, responsibility]));
      return responsibilityById;
    },
    get findingsByPosition() {
      findingsByPosition ??= findingsByPositionOf(result.findings);
      return findingsByPosition;
    },
  };
}

function findingsByPositionOf(findings: readonly AnalysisFinding[]): Map<string, AnalysisFinding[]> {
  const byPosition = new Map<string, AnalysisFinding[]>();
  for (const finding of findings) {
    const list = byPosition.get(finding.positionId);
    if (list) list.push(finding);
    else byPosition.set(finding.positionId, [finding]);
  }
  return byPosition;
}
