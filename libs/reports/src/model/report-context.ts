import type { AnalysisFinding, AnalysisResult, PositionMix, PositionNode } from '@rolemap/analysis';
import { SnapshotIndex } from '@rolemap/analysis';
import {
  FINDING_KIND_LABELS,
  type SnapshotData,
  TIER_LABELS,
  TIERS,
  type Tier,
  VALUE_LEVEL_LABELS,
  VALUE_LEVELS,
  type ValueLevelPolicy,
  type ValueMix,
} from '@rolemap/domain';
import type {
  MixLine,
  PositionRef,
  ReportFinding,
  ReportHeader,
  ReportKind,
  ReportOptions,
  ReviewState,
  SeverityLabel,
  TierExpectation,
} from './report-types';

export const REPORT_TITLES: Record<ReportKind, string> = {
  ROLE_DEFINITIONS: 'Role definitions',
  DELEGATION_REVIEW: 'Delegation review',
  ORGANIZATION_SUMMARY: 'Organization summary',
};

/** Severity at or above which a finding reads as "High" / "Medium" in reports. */
export const HIGH_SEVERITY = 0.7;
export const MEDIUM_SEVERITY = 0.4;

const NOT_REVIEWED: ReviewState = Object.freeze({ status: 'OPEN', note: null, reviewer: null, reviewedAt: null });

/**
 * Lookups the builders share, made once per report: the index, mixes and findings by position,
 * and review states. Checks that the analysis belongs to the snapshot: mixing them up would
 * print one organization's findings under another's names.
 */
export class ReportContext {
  readonly index: SnapshotIndex;
  private readonly mixByPosition = new Map<string, PositionMix>();
  private readonly findingsByPosition = new Map<string, AnalysisFinding[]>();

  constructor(
    snapshot: SnapshotData | SnapshotIndex,
    readonly analysis: AnalysisResult,
    readonly policy: ValueLevelPolicy,
    readonly options: ReportOptions,
  ) {
    this.index = snapshot instanceof SnapshotIndex ? snapshot : new SnapshotIndex(snapshot);
    if (analysis.snapshotId !== this.index.snapshot.snapshotId) {
      throw new Error(
        `The analysis is of snapshot ${analysis.snapshotId}, not of snapshot ${this.index.snapshot.snapshotId}; run the analysis on the snapshot being reported.`,
      );
    }
    for (const mix of analysis.mixes) this.mixByPosition.set(mix.positionId, mix);
    // analysis.findings is already most severe first; per-position lists keep that order.
    for (const finding of analysis.findings) {
      const list = this.findingsByPosition.get(finding.positionId);
      if (list) list.push(finding);
      else this.findingsByPosition.set(finding.positionId, [finding]);
    }
  }

  header(kind: ReportKind, scopeLabel: string): ReportHeader {
    const { organizationName, snapshotVersion, asOf } = this.options;
    return { kind, title: REPORT_TITLES[kind], organizationName, snapshotVersion, asOf, scopeLabel };
  }

  mixOf(node: PositionNode): PositionMix {
    const mix = this.mixByPosition.get(node.position.id);
    if (!mix) throw new Error(`The analysis has no mix for position ${node.position.id} (${node.position.title})`);
    return mix;
  }

  findingsOf(positionId: string): readonly AnalysisFinding[] {
    return this.findingsByPosition.get(positionId) ?? [];
  }

  reviewOf(findingKey: string): ReviewState {
    const review = this.options.reviews?.get(findingKey);
    if (!review) return NOT_REVIEWED;
    return { status: review.status, note: review.note, reviewer: review.reviewer, reviewedAt: review.reviewedAt };
  }

  refOf(node: PositionNode): PositionRef {
    return {
      positionId: node.position.id,
      employeeId: node.person?.employeeId ?? null,
      name: node.person?.name ?? null,
      title: node.position.title,
    };
  }

  refOfPosition(positionId: string): PositionRef | null {
    const node = this.index.node(positionId);
    return node ? this.refOf(node) : null;
  }

  reportFinding(finding: AnalysisFinding): ReportFinding {
    const node = this.index.node(finding.positionId);
    const subject: PositionRef = node
      ? this.refOf(node)
      : { positionId: finding.positionId, employeeId: finding.employeeId, name: null, title: '' };
    return {
      key: finding.key,
      kind: finding.kind,
      kindLabel: FINDING_KIND_LABELS[finding.kind],
      severity: finding.severity,
      severityLabel: severityLabel(finding.severity),
      subject,
      department: finding.department,
      explanation: finding.explanation,
      review: this.reviewOf(finding.key),
    };
  }

  expectations(): TierExpectation[] {
    return TIERS.map((tier: Tier) => ({
      tier,
      label: TIER_LABELS[tier],
      mix: mixLines(this.policy.expectedMix[tier], this.policy.expectedMix[tier]),
    }));
  }
}

export function severityLabel(severity: number): SeverityLabel {
  if (severity >= HIGH_SEVERITY) return 'High';
  if (severity >= MEDIUM_SEVERITY) return 'Medium';
  return 'Low';
}

/** One line per level, leadership first: the order a leader reads their role in. */
export function mixLines(expected: Readonly<ValueMix>, actual: Readonly<ValueMix>): MixLine[] {
  return LEVELS_TOP_DOWN.map((level) => ({
    level,
    label: VALUE_LEVEL_LABELS[level],
    expectedPct: expected[level],
    actualPct: actual[level],
    gapPoints: Math.round((actual[level] - expected[level]) * 100) / 100,
  }));
}

export const LEVELS_TOP_DOWN = [...VALUE_LEVELS].reverse();

/** "Dana Reyes (Director of Engineering)" or "Vacant: Software Engineer". */
export function describeRef(ref: PositionRef): string {
  return ref.name ? `${ref.name} (${ref.title})` : `Vacant: ${ref.title}`;
}
