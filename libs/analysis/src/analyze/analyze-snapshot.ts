import type { IsoDate, NotCheckedFinding, SnapshotData, ValueLevelPolicy } from '@rolemap/domain';
import { AnalysisContext, type AnalysisOptions } from '../context/analysis-context';
import { delegationGapFindings } from '../findings/delegation-gap';
import type { AnalysisFinding } from '../findings/finding-text';
import { layersFindings } from '../findings/layers';
import { pigeonholingRiskFindings } from '../findings/pigeonholing-risk';
import { promotedStillTacticalFindings } from '../findings/promoted-still-tactical';
import { spanOfControlFindings } from '../findings/span-of-control';
import type { PositionMix } from '../mix/position-mix';
import type { SnapshotIndex } from '../snapshot/snapshot-index';
import { notCheckedFindings } from './not-checked';
import { type AnalysisSummary, summarize } from './summarize';

export interface AnalysisResult {
  snapshotId: string;
  asOf: IsoDate;
  /** Most severe first; ties in a stable order (kind, then key). */
  findings: AnalysisFinding[];
  /** One per position, in the snapshot's position order. */
  mixes: PositionMix[];
  /**
   * Rules that could not judge a person for lack of data (no responsibilities, levels awaiting
   * review, no rating or role dates), one per rule and position, in position order.
   */
  notChecked: NotCheckedFinding[];
  summary: AnalysisSummary;
}

/**
 * Runs every rule over one snapshot. Pure: same snapshot, policy and options, same result.
 * Linear in positions + responsibilities; pass a prebuilt SnapshotIndex to reuse it.
 */
export function analyzeSnapshot(
  snapshot: SnapshotData | SnapshotIndex,
  policy: ValueLevelPolicy,
  options: AnalysisOptions = {},
): AnalysisResult {
  const context = new AnalysisContext(snapshot, policy, options);
  const findings: AnalysisFinding[] = [
    ...promotedStillTacticalFindings(context),
    ...delegationGapFindings(context),
    ...pigeonholingRiskFindings(context),
    ...spanOfControlFindings(context),
    ...layersFindings(context),
  ];
  findings.sort(bySeverityThenKey);
  const mixes = context.mixes.slice();
  const notChecked = notCheckedFindings(context, findings);
  return {
    snapshotId: context.index.snapshot.snapshotId,
    asOf: context.asOf,
    findings,
    mixes,
    notChecked,
    summary: summarize({ findings, mixes, notChecked }),
  };
}

function bySeverityThenKey(a: AnalysisFinding, b: AnalysisFinding): number {
  if (a.severity !== b.severity) return b.severity - a.severity;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
