import type { AnalysisFinding, AnalysisSummary, PositionMix } from '@rolemap/analysis';
import { FINDING_KINDS, type FindingKind, NOT_CHECKED_REASONS, NOT_CHECKED_REASON_TEXT } from '@rolemap/domain';
import type { ReviewedFinding, SnapshotAnalysis } from '@rolemap/server-core';
import { type AnalysisSummaryType, type FindingType, type PositionMixType, ValueMixType } from '../analysis/dtos/analysis.types';

/** Flattens a finding (kind-specific fields included) and its review into the GraphQL shape. */
export function toFindingType({ finding, review, action }: ReviewedFinding, analysis: SnapshotAnalysis): FindingType {
  const node = analysis.index.node(finding.positionId);
  const { key, kind, severity, employeeId, positionId, explanation, department, ...details } = finding as AnalysisFinding &
    Record<string, unknown>;
  return {
    ...(details as Partial<FindingType>),
    key,
    kind,
    severity,
    employeeId,
    positionId,
    explanation,
    department,
    personName: node?.person?.name ?? null,
    positionTitle: node?.position.title ?? '',
    status: review?.status ?? 'OPEN',
    reviewNote: review?.note ?? null,
    reviewer: review?.reviewer ?? null,
    reviewedAt: review?.reviewedAt ?? null,
    action: action ?? null,
  };
}

export function toPositionMixType(mix: PositionMix): PositionMixType {
  return {
    positionId: mix.positionId,
    tier: mix.tier,
    actual: ValueMixType.from(mix.actual),
    expected: ValueMixType.from(mix.expected),
    gap: ValueMixType.from(mix.gap),
    allocatedPct: mix.allocatedPct,
    unallocatedPct: mix.unallocatedPct,
    overallocatedPct: mix.overallocatedPct,
    unclassifiedPct: mix.unclassifiedPct,
    unclassifiedCount: mix.unclassifiedCount,
    implementationExcess: mix.implementationExcess,
    carriedOverPct: mix.carriedOverPct,
    tacticalGap: mix.tacticalGap,
    hasData: mix.hasData,
  };
}

export function toSummaryType(summary: AnalysisSummary): AnalysisSummaryType {
  const kindCounts = (byKind: Record<FindingKind, number>) => FINDING_KINDS.map((kind) => ({ kind, count: byKind[kind] }));
  return {
    ...summary,
    byKind: kindCounts(summary.byKind),
    byDepartment: summary.byDepartment.map((department) => ({ ...department, byKind: kindCounts(department.byKind) })),
    notChecked: {
      count: summary.notChecked.count,
      positions: summary.notChecked.positions,
      byKind: kindCounts(summary.notChecked.byKind),
      byReason: NOT_CHECKED_REASONS.map((reason) => ({
        reason,
        reasonText: NOT_CHECKED_REASON_TEXT[reason],
        count: summary.notChecked.byReason[reason],
      })),
    },
  };
}
