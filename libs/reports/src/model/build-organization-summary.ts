import type { AnalysisResult, SnapshotIndex } from '@rolemap/analysis';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  NOT_CHECKED_REASON_TEXT,
  NOT_CHECKED_REASONS,
  type SnapshotData,
  TIER_LABELS,
  type ValueLevelPolicy,
} from '@rolemap/domain';
import { ReportContext, reportAppendix } from './report-context';
import type {
  CoverageSummary,
  LayersSummary,
  OrganizationSummaryReport,
  ReportOptions,
  SpanBand,
  SpansSummary,
  TacticalLeader,
  TeamRisk,
} from './report-types';

export const TOP_RISK_COUNT = 10;
export const TACTICAL_LEADER_COUNT = 10;

/**
 * The whole organization on a few pages: findings per kind and department, the shape of the
 * chart (spans and layers), the most severe findings and how tactical its leaders are.
 */
export function buildOrganizationSummary(
  snapshot: SnapshotData | SnapshotIndex,
  analysis: AnalysisResult,
  policy: ValueLevelPolicy,
  options: ReportOptions,
): OrganizationSummaryReport {
  const context = new ReportContext(snapshot, analysis, policy, options);
  const { summary } = analysis;
  return {
    kind: 'ORGANIZATION_SUMMARY',
    header: context.header('ORGANIZATION_SUMMARY', `Whole organization (${summary.positionCount} roles)`),
    headline: {
      positions: summary.positionCount,
      filled: summary.filledCount,
      vacant: summary.vacantCount,
      findings: summary.findingCount,
      leaders: summary.leaderCount,
      leaderTacticalLoadPct: summary.leaderTacticalLoadPct,
      leaderTimeBelowLevelPct: summary.leaderTimeBelowLevelPct,
    },
    findingsByKind: FINDING_KINDS.map((kind) => ({ kind, label: FINDING_KIND_LABELS[kind], count: summary.byKind[kind] })),
    findingsByDepartment: summary.byDepartment.map((department) => ({
      department: department.department ?? 'No department',
      total: department.total,
      byKind: { ...department.byKind },
    })),
    spans: spansOf(context),
    layers: layersOf(context),
    topRisks: analysis.findings.slice(0, TOP_RISK_COUNT).map((finding) => context.reportFinding(finding)),
    tacticalLeaders: tacticalLeadersOf(context),
    teamsAtRisk: summary.worstSubtrees.map(
      (team): TeamRisk => ({
        leader: context.refOfPosition(team.positionId) ?? {
          positionId: team.positionId,
          employeeId: team.employeeId,
          name: team.name,
          title: team.title,
        },
        headcount: team.headcount,
        findingCount: team.findingCount,
        severityPerPerson: team.severityPerPerson,
      }),
    ),
    coverage: coverageSummaryOf(analysis),
    appendix: reportAppendix(),
  };
}

function coverageSummaryOf(analysis: AnalysisResult): CoverageSummary {
  const { summary } = analysis;
  // The summary counts per kind and per reason; the report wants reasons within each kind.
  const byKindAndReason = new Map<string, number>();
  for (const entry of analysis.notChecked) {
    const key = `${entry.kind}|${entry.reason}`;
    byKindAndReason.set(key, (byKindAndReason.get(key) ?? 0) + 1);
  }
  return {
    overall: summary.coverage,
    byDepartment: summary.coverageByDepartment.map((row) => ({ ...row, department: row.department ?? 'No department' })),
    notChecked: FINDING_KINDS.map((kind) => {
      const reasons = NOT_CHECKED_REASONS.map((reason) => ({
        reason,
        text: NOT_CHECKED_REASON_TEXT[reason],
        count: byKindAndReason.get(`${kind}|${reason}`) ?? 0,
      })).filter((row) => row.count > 0);
      return { kind, label: FINDING_KIND_LABELS[kind], count: reasons.reduce((sum, row) => sum + row.count, 0), reasons };
    }).filter((row) => row.count > 0),
  };
}

function spansOf(context: ReportContext): SpansSummary {
  const { spanMin, spanMax } = context.policy.thresholds;
  const spans = context.index.nodes.map((node) => node.children.length).filter((span) => span > 0);
  spans.sort((a, b) => a - b);
  const bands = spanBands(spanMin, spanMax);
  for (const span of spans) {
    const band = bands.find((candidate) => span >= candidate.min && (candidate.max === null || span <= candidate.max));
    if (band) band.managers++;
  }
  const middle = Math.floor(spans.length / 2);
  return {
    managers: spans.length,
    medianSpan: spans.length === 0 ? null : spans.length % 2 ? spans[middle] : (spans[middle - 1] + spans[middle]) / 2,
    meanSpan: spans.length === 0 ? null : Math.round((spans.reduce((sum, span) => sum + span, 0) / spans.length) * 10) / 10,
    widestSpan: spans.length === 0 ? 0 : spans[spans.length - 1],
    policyMin: spanMin,
    policyMax: spanMax,
    distribution: bands,
    findings: context.analysis.findings.filter((f) => f.kind === 'SPAN_OF_CONTROL').map((f) => context.reportFinding(f)),
  };
}

/**
 * Bands follow the policy so "outside the limits" is always a band edge: below spanMin, the
 * allowed range in three parts, up to twice spanMax, and beyond.
 */
export function spanBands(spanMin: number, spanMax: number): SpanBand[] {
  const low = Math.max(1, Math.ceil(spanMin));
  const high = Math.max(low, Math.floor(spanMax));
  const bands: SpanBand[] = [];
  const band = (min: number, max: number | null, outsidePolicy: boolean) => {
    const label = max === null ? `${min}+` : min === max ? `${min}` : `${min}–${max}`;
    bands.push({ label, min, max, managers: 0, outsidePolicy });
  };
  if (low > 1) band(1, low - 1, true);
  const width = Math.max(1, Math.ceil((high - low + 1) / 3));
  for (let start = low; start <= high; start += width) band(start, Math.min(high, start + width - 1), false);
  band(high + 1, high * 2, true);
  band(high * 2 + 1, null, true);
  return bands;
}

function layersOf(context: ReportContext): LayersSummary {
  const counts: number[] = [];
  for (const node of context.index.nodes) counts[node.depth] = (counts[node.depth] ?? 0) + 1;
  return {
    levels: counts.length,
    deepestLayers: context.index.roots.reduce((deepest, root) => Math.max(deepest, root.layersBelow), 0),
    policyMaxLayers: context.policy.thresholds.maxLayers,
    positionsByLevel: Array.from(counts, (positions, depth) => ({ level: depth + 1, positions: positions ?? 0 })),
    findings: context.analysis.findings.filter((f) => f.kind === 'LAYERS').map((f) => context.reportFinding(f)),
  };
}

function tacticalLeadersOf(context: ReportContext): TacticalLeader[] {
  return context.analysis.mixes
    .filter((mix) => mix.tier !== 'IC' && !mix.vacant && mix.allocatedPct > 0 && mix.implementationExcess > 0)
    .sort((a, b) => b.implementationExcess - a.implementationExcess || (a.positionId < b.positionId ? -1 : 1))
    .slice(0, TACTICAL_LEADER_COUNT)
    .map((mix) => ({
      leader: { positionId: mix.positionId, employeeId: mix.employeeId, name: mix.name, title: mix.title },
      tier: mix.tier,
      tierLabel: TIER_LABELS[mix.tier],
      department: mix.department,
      implementationPct: mix.actual.IMPLEMENTATION,
      expectedImplementationPct: mix.expected.IMPLEMENTATION,
      excessPoints: mix.implementationExcess,
      carriedOverPct: mix.carriedOverPct,
    }));
}
