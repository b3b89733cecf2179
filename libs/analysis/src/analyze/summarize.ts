import {
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  NOT_CHECKED_REASONS,
  type NotCheckedFinding,
  type NotCheckedReason,
  tierRank,
} from '@rolemap/domain';
import { type Coverage, type DepartmentCoverage, coverageByDepartment, coverageOf } from '../coverage/coverage';
import { BELOW_LEVEL } from '../findings/delegation-gap';
import type { AnalysisFinding } from '../findings/finding-text';
import { type PositionMix, round2 } from '../mix/position-mix';

export interface DepartmentSummary {
  /** Null for positions without a department. */
  department: string | null;
  total: number;
  byKind: Record<FindingKind, number>;
}

export interface SubtreeSummary {
  positionId: string;
  employeeId: string | null;
  name: string | null;
  title: string;
  /** Positions in the subtree (the leader included) that are in scope. */
  headcount: number;
  findingCount: number;
  severitySum: number;
  /** severitySum / headcount: what ranks the list. */
  severityPerPerson: number;
}

export interface AnalysisSummary {
  positionCount: number;
  filledCount: number;
  vacantCount: number;
  findingCount: number;
  byKind: Record<FindingKind, number>;
  /** Most findings first. */
  byDepartment: DepartmentSummary[];
  /** MANAGER and above, filled, with at least some described work. */
  leaderCount: number;
  /** Mean implementation share of those leaders, in percent; null without leaders. */
  leaderTacticalLoadPct: number | null;
  /** Of all the time those leaders have described, the percent spent below their level. */
  leaderTimeBelowLevelPct: number | null;
  /** Leaders whose teams carry the most severe findings per person. */
  worstSubtrees: SubtreeSummary[];
  /** Responsibilities left UNCLASSIFIED (needs review): not in any mix or finding until HR confirms a level. */
  unclassifiedCount: number;
  /** Positions holding at least one of them. */
  positionsWithUnclassifiedWork: number;
  /** Positions with responsibilities recorded, of all in scope: the part of the chart the findings can see. */
  coverage: Coverage;
  /** The same per department, least covered first. */
  coverageByDepartment: DepartmentCoverage[];
  /** Rules that could not judge someone for lack of data (see AnalysisResult.notChecked). */
  notChecked: NotCheckedSummary;
}

export interface NotCheckedSummary {
  /** Rule × position pairs not checked. */
  count: number;
  /** People with at least one rule not checked. */
  positions: number;
  byKind: Record<FindingKind, number>;
  byReason: Record<NotCheckedReason, number>;
}

/** Teams smaller than this are too small for "severity per person" to mean anything. */
export const WORST_SUBTREE_MIN_HEADCOUNT = 5;
export const WORST_SUBTREE_COUNT = 10;

/**
 * Figures for the whole result, or for the positions given (typically `index.subtreeOf(id)`).
 *
 * Worst subtrees rank leaders by severity of findings per person in their team (their own
 * findings included), not by the raw total: the total always puts the top of the chart first
 * and says nothing new. The roots of the scope are left out for the same reason (their team
 * is the whole scope, which this summary already describes). Linear: totals are pushed up
 * the tree one depth at a time.
 */
export function summarize(
  result: {
    findings: readonly AnalysisFinding[] | readonly Finding[];
    mixes: readonly PositionMix[];
    notChecked?: readonly NotCheckedFinding[];
  },
  positionIds?: Iterable<string>,
): AnalysisSummary {
  const scope = positionIds ? new Set(positionIds) : null;
  const mixes = scope ? result.mixes.filter((mix) => scope.has(mix.positionId)) : result.mixes;
  const findings = scope ? result.findings.filter((finding) => scope.has(finding.positionId)) : result.findings;
  const allNotChecked = result.notChecked ?? [];
  const notChecked = scope ? allNotChecked.filter((entry) => scope.has(entry.positionId)) : allNotChecked;
  // Positions are numbered in `mixes` order; per-position totals live in flat arrays.
  const slotOf = new Map<string, number>();
  for (let i = 0; i < mixes.length; i++) slotOf.set(mixes[i].positionId, i);

  const byKind = countByKind();
  const departments = new Map<string | null, DepartmentSummary>();
  const findingCount = new Float64Array(mixes.length);
  const severitySum = new Float64Array(mixes.length);
  for (const finding of findings) {
    byKind[finding.kind]++;
    const slot = slotOf.get(finding.positionId);
    const department = slot === undefined ? null : mixes[slot].department;
    let summary = departments.get(department);
    if (!summary) {
      summary = { department, total: 0, byKind: countByKind() };
      departments.set(department, summary);
    }
    summary.total++;
    summary.byKind[finding.kind]++;
    if (slot === undefined) continue;
    findingCount[slot]++;
    severitySum[slot] += finding.severity;
  }

  let leaderCount = 0;
  let implementationSum = 0;
  let belowLevelTime = 0;
  let describedTime = 0;
  let vacantCount = 0;
  let unclassifiedCount = 0;
  let positionsWithUnclassifiedWork = 0;
  for (const mix of mixes) {
    if (mix.vacant) vacantCount++;
    unclassifiedCount += mix.unclassifiedCount;
    if (mix.unclassifiedCount > 0) positionsWithUnclassifiedWork++;
    // Time whose level is known: UNCLASSIFIED work is neither below nor at level.
    const classifiedTime = mix.allocatedPct - mix.unclassifiedPct;
    if (mix.vacant || tierRank(mix.tier) < tierRank('MANAGER') || classifiedTime <= 0) continue;
    leaderCount++;
    implementationSum += mix.actual.IMPLEMENTATION;
    describedTime += classifiedTime;
    for (const level of BELOW_LEVEL[mix.tier]) belowLevelTime += mix.actual[level];
  }

  return {
    positionCount: mixes.length,
    filledCount: mixes.length - vacantCount,
    vacantCount,
    findingCount: findings.length,
    byKind,
    byDepartment: Array.from(departments.values()).sort((a, b) => b.total - a.total),
    leaderCount,
    leaderTacticalLoadPct: leaderCount > 0 ? round2(implementationSum / leaderCount) : null,
    leaderTimeBelowLevelPct: describedTime > 0 ? round2((belowLevelTime / describedTime) * 100) : null,
    worstSubtrees: worstSubtrees(mixes, slotOf, findingCount, severitySum),
    unclassifiedCount,
    positionsWithUnclassifiedWork,
    coverage: coverageOf(mixes),
    coverageByDepartment: coverageByDepartment(mixes),
    notChecked: summarizeNotChecked(notChecked),
  };
}

export function summarizeNotChecked(entries: readonly NotCheckedFinding[]): NotCheckedSummary {
  const byKind = countByKind();
  const byReason = Object.fromEntries(NOT_CHECKED_REASONS.map((reason) => [reason, 0])) as Record<NotCheckedReason, number>;
  const positions = new Set<string>();
  for (const entry of entries) {
    byKind[entry.kind]++;
    byReason[entry.reason]++;
    positions.add(entry.positionId);
  }
  return { count: entries.length, positions: positions.size, byKind, byReason };
}

/** Adds every position's totals into its parent's, deepest first; the arrays become subtree totals. */
function worstSubtrees(
  mixes: readonly PositionMix[],
  slotOf: ReadonlyMap<string, number>,
  findingCount: Float64Array,
  severitySum: Float64Array,
): SubtreeSummary[] {
  const headcount = new Float64Array(mixes.length).fill(1);
  const parentSlot = new Int32Array(mixes.length);
  for (let i = 0; i < mixes.length; i++) {
    const parentId = mixes[i].parentPositionId;
    parentSlot[i] = parentId === null ? -1 : (slotOf.get(parentId) ?? -1);
  }
  for (const slot of slotsByDepthDescending(mixes)) {
    const parent = parentSlot[slot];
    if (parent === -1) continue;
    headcount[parent] += headcount[slot];
    findingCount[parent] += findingCount[slot];
    severitySum[parent] += severitySum[slot];
  }
  const ranked: SubtreeSummary[] = [];
  for (let i = 0; i < mixes.length; i++) {
    const mix = mixes[i];
    const isScopeRoot = parentSlot[i] === -1;
    if (isScopeRoot || mix.directReports === 0 || headcount[i] < WORST_SUBTREE_MIN_HEADCOUNT || findingCount[i] === 0) continue;
    ranked.push({
      positionId: mix.positionId,
      employeeId: mix.employeeId,
      name: mix.name,
      title: mix.title,
      headcount: headcount[i],
      findingCount: findingCount[i],
      severitySum: round2(severitySum[i]),
      severityPerPerson: round2(severitySum[i] / headcount[i]),
    });
  }
  ranked.sort(
    (a, b) =>
      b.severityPerPerson - a.severityPerPerson || b.severitySum - a.severitySum || (a.positionId < b.positionId ? -1 : 1),
  );
  return ranked.slice(0, WORST_SUBTREE_COUNT);
}

function slotsByDepthDescending(mixes: readonly PositionMix[]): Int32Array {
  let maxDepth = 0;
  for (const mix of mixes) if (mix.depth > maxDepth) maxDepth = mix.depth;
  // Counting sort by depth: linear, whatever the depth.
  const starts = new Int32Array(maxDepth + 2);
  for (const mix of mixes) starts[maxDepth - mix.depth + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const ordered = new Int32Array(mixes.length);
  for (let i = 0; i < mixes.length; i++) ordered[starts[maxDepth - mixes[i].depth]++] = i;
  return ordered;
}

function countByKind(): Record<FindingKind, number> {
  return Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;
}
