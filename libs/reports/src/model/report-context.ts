import type { AnalysisFinding, AnalysisResult, PositionMix, PositionNode } from '@rolemap/analysis';
import { SEVERITY_BANDS, SnapshotIndex, severityRules } from '@rolemap/analysis';
import {
  FINDING_KIND_LABELS,
  HIGH_SEVERITY,
  MEDIUM_SEVERITY,
  NOT_CHECKED_REASON_TEXT,
  type NotCheckedFinding,
  severityLabel,
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
  NotCheckedLine,
  PositionRef,
  ReportAppendix,
  ReportFinding,
  ReportHeader,
  ReportKind,
  ReportOptions,
  ReviewState,
  TierExpectation,
} from './report-types';

// Severity bands are the domain's, so reports, GraphQL and the web read a severity the same way.
export { HIGH_SEVERITY, MEDIUM_SEVERITY, severityLabel };

export const REPORT_TITLES: Record<ReportKind, string> = {
  ROLE_DEFINITIONS: 'Role definitions',
  DELEGATION_REVIEW: 'Delegation review',
  ORGANIZATION_SUMMARY: 'Organization summary',
  DELEGATION_PLAN: 'Delegation plan',
};

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
  private readonly notCheckedByPosition = new Map<string, NotCheckedFinding[]>();

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
    for (const entry of analysis.notChecked) {
      const list = this.notCheckedByPosition.get(entry.positionId);
      if (list) list.push(entry);
      else this.notCheckedByPosition.set(entry.positionId, [entry]);
    }
  }

  /** Rules that could not judge the position for lack of data. */
  notCheckedOf(positionId: string): NotCheckedLine[] {
    return (this.notCheckedByPosition.get(positionId) ?? []).map(notCheckedLine);
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

export function notCheckedLine(entry: Pick<NotCheckedFinding, 'kind' | 'reason'>): NotCheckedLine {
  return {
    kind: entry.kind,
    kindLabel: FINDING_KIND_LABELS[entry.kind],
    reason: entry.reason,
    reasonText: NOT_CHECKED_REASON_TEXT[entry.reason],
  };
}

/** The appendix every report ends with: what severity means and how each rule computes it. */
export function reportAppendix(): ReportAppendix {
  return {
    severityBands: SEVERITY_BANDS.map((band) => ({ ...band })),
    severityRules: severityRules(),
    notes: [
      'Severity runs from 0 (for information) to 1 (urgent). It ranks findings against each other; it is not a score of the person.',
      'Coverage is the share of positions with any responsibilities recorded. Without them a position’s work is unknown: it is never read as free time, never suggested as a delegate, and the rules that need it are listed as not checked rather than passed.',
      'A suggested delegate is the report whose work is most like the task, whose role expects that kind of work and who has the time, or can make it by handing one of their own tasks on (at most two further hand-offs). Every suggestion books time in one ledger for the whole analysis, so nobody is handed more than their time. When nobody can, the best fit is named and the answer is to hire or re-scope.',
    ],
  };
}
