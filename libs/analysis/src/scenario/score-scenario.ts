import {
  FINDING_KINDS,
  type FindingKind,
  type ScenarioEdit,
  TIERS,
  type Tier,
  type ValueLevelPolicy,
  type ValueMix,
} from '@rolemap/domain';
import { type AnalysisResult, analyzeSnapshot } from '../analyze/analyze-snapshot';
import { inferredPromotions } from '../diff/diff-snapshots';
import type { AnalysisFinding } from '../findings/finding-text';
import type { HistoryAnalysis } from '../history/analyse-with-history';
import { type PositionMix, round2 } from '../mix/position-mix';
import { SnapshotIndex } from '../snapshot/snapshot-index';
import { type ApplyOptions, type EditProblem, applyScenarioEdits } from './apply-edits';
import { summarize } from '../analyze/summarize';

/** A figure before the edits and after them. */
export interface BeforeAfter {
  before: number | null;
  after: number | null;
}

/** One person (or post) the scenario changes, as they were and as they would be. */
export interface AffectedPosition {
  /** Stable key: employee id, or the post reference of a vacancy. */
  externalId: string;
  name: string | null;
  title: string;
  tier: Tier;
  /** Null for a post the scenario creates. */
  before: PositionMix | null;
  /** Null for a post the scenario closes. */
  after: PositionMix | null;
  /** Externalid of the manager before and after (null at the top, or for a post not in that chart). */
  managerBefore: string | null;
  managerAfter: string | null;
  findingsBefore: AnalysisFinding[];
  findingsAfter: AnalysisFinding[];
}

export interface ScenarioDelta {
  findingsByKind: Record<FindingKind, BeforeAfter>;
  findingCount: BeforeAfter;
  /** Findings of the base that the scenario makes disappear (by key). */
  resolved: AnalysisFinding[];
  /** Findings only the scenario has (e.g. a delegate pushed into overload). */
  introduced: AnalysisFinding[];
  /** Of the time leaders describe, the percent below their level. */
  leaderTimeBelowLevelPct: BeforeAfter;
  leaderTacticalLoadPct: BeforeAfter;
  /** Mean points of implementation above the tier's expected share, per tier (positions with data, filled). */
  tacticalGapByTier: Record<Tier, BeforeAfter>;
  /** Mean direct reports of those who have any; the widest span; the deepest chart (layers from the top). */
  meanSpan: BeforeAfter;
  maxSpan: BeforeAfter;
  layers: BeforeAfter;
  /** Positions whose responsibilities add up to more than 100% of their time. */
  overCapacity: BeforeAfter;
  /** Everyone the edits touch or whose findings change. */
  affected: AffectedPosition[];
}

export interface ScenarioScore {
  analysis: AnalysisResult;
  index: SnapshotIndex;
  delta: ScenarioDelta;
  /** Edits that did not apply (with `keepGoing`; else the first throws). */
  problems: EditProblem[];
}

/**
 * The analysis of the base snapshot with `edits` applied, and how it differs from the base
 * analysis. The base's own analysis is reused as it stands (with its promotions inferred from the
 * snapshot before it), so scoring costs one analysis of the edited chart, whatever the number of
 * edits. Pure.
 */
export function scoreScenario(
  base: Pick<HistoryAnalysis, 'index' | 'result' | 'diff'>,
  edits: readonly ScenarioEdit[],
  policy: ValueLevelPolicy,
  options: ScoreOptions = {},
): ScenarioScore {
  const applied = applyScenarioEdits(base.index, edits, options);
  const index = new SnapshotIndex(applied.data);
  const analysis = analyzeSnapshot(index, policy, {
    inferredPromotions: base.diff ? inferredPromotions(base.diff) : undefined,
  });
  const scenario = { index, result: analysis };
  const within = options.within ?? null;
  const delta = within
    ? deltaOf(narrowed(base, within), narrowed(scenario, within), applied.touched)
    : deltaOf(base, scenario, applied.touched);
  return { analysis, index, delta, problems: applied.problems };
}

export interface ScoreOptions extends ApplyOptions {
  /**
   * Figures for this part of the chart only (the externalId at its head, in each chart): what a
   * leader may see of a scenario. Absent: the whole organization.
   */
  within?: string | null;
}

/** The analysis narrowed to one subtree: its mixes, findings and summary. */
function narrowed(
  analysis: { index: SnapshotIndex; result: AnalysisResult },
  headExternalId: string,
): { index: SnapshotIndex; result: AnalysisResult } {
  const head = analysis.index.nodes.find((node) => node.position.externalId === headExternalId);
  const ids = new Set(head ? analysis.index.subtreeOf(head.position.id).map((position) => position.id) : []);
  const result = analysis.result;
  const findings = result.findings.filter((finding) => ids.has(finding.positionId));
  const mixes = result.mixes.filter((mix) => ids.has(mix.positionId));
  const notChecked = result.notChecked.filter((entry) => ids.has(entry.positionId));
  return {
    index: analysis.index,
    result: { ...result, findings, mixes, notChecked, summary: summarize({ findings, mixes, notChecked }) },
  };
}

function deltaOf(
  base: Pick<HistoryAnalysis, 'index' | 'result'>,
  scenario: { index: SnapshotIndex; result: AnalysisResult },
  allTouched: ReadonlySet<string>,
): ScenarioDelta {
  const before = base.result;
  const after = scenario.result;
  // Mixes are looked up by position, not by ordinal: a narrowed result holds only its subtree.
  const beforeMix = new Map(before.mixes.map((mix) => [mix.positionId, mix]));
  const afterMix = new Map(after.mixes.map((mix) => [mix.positionId, mix]));
  const touched = [...allTouched].filter((id) => beforeMix.has(id) || afterMix.has(id));
  const beforeKeys = new Map(before.findings.map((finding) => [finding.key, finding]));
  const afterKeys = new Map(after.findings.map((finding) => [finding.key, finding]));
  const resolved = before.findings.filter((finding) => !afterKeys.has(finding.key));
  const introduced = after.findings.filter((finding) => !beforeKeys.has(finding.key));

  const findingsByKind = Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, { before: before.summary.byKind[kind], after: after.summary.byKind[kind] }]),
  ) as Record<FindingKind, BeforeAfter>;
  const gapBefore = tacticalGapByTier(before.mixes);
  const gapAfter = tacticalGapByTier(after.mixes);
  const spanBefore = spans(before.mixes);
  const spanAfter = spans(after.mixes);

  // Everyone touched, plus everyone whose findings changed (a delegate who becomes overloaded).
  const positionIds = new Set(touched);
  for (const finding of [...resolved, ...introduced]) positionIds.add(finding.positionId);
  // A changed finding with the same key (new severity or explanation) counts too.
  for (const finding of after.findings) {
    const old = beforeKeys.get(finding.key);
    if (old && (old.severity !== finding.severity || old.explanation !== finding.explanation))
      positionIds.add(finding.positionId);
  }
  const findingsOf = (findings: readonly AnalysisFinding[]) => {
    const byPosition = new Map<string, AnalysisFinding[]>();
    for (const finding of findings) {
      if (!positionIds.has(finding.positionId)) continue;
      const list = byPosition.get(finding.positionId);
      if (list) list.push(finding);
      else byPosition.set(finding.positionId, [finding]);
    }
    return byPosition;
  };
  const findingsBefore = findingsOf(before.findings);
  const findingsAfter = findingsOf(after.findings);
  const affected: AffectedPosition[] = [];
  for (const id of positionIds) {
    const oldNode = base.index.node(id);
    const newNode = scenario.index.node(id);
    const node = newNode ?? oldNode;
    if (!node || (!beforeMix.has(id) && !afterMix.has(id))) continue;
    affected.push({
      externalId: node.position.externalId,
      name: node.person?.name ?? null,
      title: node.position.title,
      tier: node.position.tier,
      before: beforeMix.get(id) ?? null,
      after: afterMix.get(id) ?? null,
      managerBefore: oldNode?.parent?.position.externalId ?? null,
      managerAfter: newNode?.parent?.position.externalId ?? null,
      findingsBefore: findingsBefore.get(id) ?? [],
      findingsAfter: findingsAfter.get(id) ?? [],
    });
  }
  affected.sort((a, b) => (a.before?.depth ?? a.after?.depth ?? 0) - (b.before?.depth ?? b.after?.depth ?? 0));

  return {
    findingsByKind,
    findingCount: { before: before.findings.length, after: after.findings.length },
    resolved,
    introduced,
    leaderTimeBelowLevelPct: { before: before.summary.leaderTimeBelowLevelPct, after: after.summary.leaderTimeBelowLevelPct },
    leaderTacticalLoadPct: { before: before.summary.leaderTacticalLoadPct, after: after.summary.leaderTacticalLoadPct },
    tacticalGapByTier: Object.fromEntries(
      TIERS.map((tier) => [tier, { before: gapBefore[tier], after: gapAfter[tier] }]),
    ) as Record<Tier, BeforeAfter>,
    meanSpan: { before: spanBefore.mean, after: spanAfter.mean },
    maxSpan: { before: spanBefore.max, after: spanAfter.max },
    layers: { before: spanBefore.layers, after: spanAfter.layers },
    overCapacity: { before: overCapacity(before.mixes), after: overCapacity(after.mixes) },
    affected,
  };
}

function tacticalGapByTier(mixes: readonly PositionMix[]): Record<Tier, number | null> {
  const sum: Record<Tier, number> = { IC: 0, MANAGER: 0, DIRECTOR: 0, EXECUTIVE: 0 };
  const count: Record<Tier, number> = { IC: 0, MANAGER: 0, DIRECTOR: 0, EXECUTIVE: 0 };
  for (const mix of mixes) {
    if (mix.vacant || !mix.hasData) continue;
    sum[mix.tier] += Math.max(0, mix.implementationExcess);
    count[mix.tier]++;
  }
  return Object.fromEntries(TIERS.map((tier) => [tier, count[tier] ? round2(sum[tier] / count[tier]) : null])) as Record<
    Tier,
    number | null
  >;
}

function spans(mixes: readonly PositionMix[]): { mean: number | null; max: number; layers: number } {
  let managers = 0;
  let reports = 0;
  let max = 0;
  let depth = 0;
  for (const mix of mixes) {
    if (mix.depth > depth) depth = mix.depth;
    if (mix.directReports === 0) continue;
    managers++;
    reports += mix.directReports;
    if (mix.directReports > max) max = mix.directReports;
  }
  return { mean: managers ? round2(reports / managers) : null, max, layers: mixes.length ? depth + 1 : 0 };
}

function overCapacity(mixes: readonly PositionMix[]): number {
  let count = 0;
  for (const mix of mixes) if (mix.overallocatedPct > 0) count++;
  return count;
}

/** Mixes compare level by level; used by the reports and the web app's before/after. */
export function mixChange(before: ValueMix | null, after: ValueMix | null): ValueMix | null {
  if (!before || !after) return null;
  return {
    IMPLEMENTATION: round2(after.IMPLEMENTATION - before.IMPLEMENTATION),
    UNIFICATION: round2(after.UNIFICATION - before.UNIFICATION),
    COMMUNICATION: round2(after.COMMUNICATION - before.COMMUNICATION),
    LEADERSHIP: round2(after.LEADERSHIP - before.LEADERSHIP),
  };
}
