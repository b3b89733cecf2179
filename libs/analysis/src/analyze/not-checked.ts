import type { FindingKind, NotCheckedFinding, NotCheckedReason } from '@rolemap/domain';
import type { AnalysisContext } from '../context/analysis-context';
import { BELOW_LEVEL } from '../findings/delegation-gap';
import type { AnalysisFinding } from '../findings/finding-text';
import { yearsInRoleOf } from '../findings/pigeonholing-risk';
import { recentPromotionOf } from '../findings/promoted-still-tactical';
import type { PositionNode } from '../snapshot/snapshot-index';

/**
 * The rules that could not judge a person for lack of data, one entry per rule and position,
 * in the snapshot's position order. A rule only counts as not checked where it would have
 * looked: a leader recently promoted (PROMOTED_STILL_TACTICAL), a leader whose tier hands work
 * down (DELEGATION_GAP), anyone in post (PIGEONHOLING_RISK: a rating, then role dates, then the
 * work itself are needed, in that order). Vacant posts are not people and are never listed;
 * spans and layers need only the chart and are always checked.
 */
export function notCheckedFindings(context: AnalysisContext, findings: readonly AnalysisFinding[]): NotCheckedFinding[] {
  const found = new Set<string>();
  for (const finding of findings) found.add(`${finding.kind}|${finding.positionId}`);
  const result: NotCheckedFinding[] = [];
  const thresholds = context.policy.thresholds;
  for (const node of context.index.nodes) {
    if (!node.person || node.position.vacant) continue;
    const workReason = missingWorkReason(node, context);
    const add = (kind: FindingKind, reason: NotCheckedReason) => {
      if (!found.has(`${kind}|${node.position.id}`)) result.push(entry(node, kind, reason));
    };
    if (workReason && recentPromotionOf(node, context)) add('PROMOTED_STILL_TACTICAL', workReason);
    if (workReason && BELOW_LEVEL[node.position.tier].length > 0) add('DELEGATION_GAP', workReason);

    const rating = node.assignment?.performanceRating ?? null;
    if (rating === null) add('PIGEONHOLING_RISK', 'NO_PERFORMANCE_RATING');
    else if (rating >= thresholds.pigeonholeMinRating && (workReason || !hasRoleDates(node, context))) {
      // Date arithmetic only for the few it can decide: this runs for every person.
      const years = yearsInRoleOf(node, context);
      if (years === null) add('PIGEONHOLING_RISK', 'NO_ROLE_DATES');
      else if (years >= thresholds.pigeonholeMinYearsInRole && workReason) add('PIGEONHOLING_RISK', workReason);
    }
  }
  return result;
}

function hasRoleDates(node: PositionNode, context: AnalysisContext): boolean {
  const assignment = node.assignment;
  return !!(assignment?.roleStartDate || assignment?.lastPromotionDate || context.promotionOf(node));
}

/** Why the position's work cannot be judged: nothing recorded, or nothing with a known level. */
function missingWorkReason(node: PositionNode, context: AnalysisContext): NotCheckedReason | null {
  const mix = context.mixOf(node);
  if (mix.responsibilityCount === 0) return 'NO_RESPONSIBILITIES';
  if (mix.allocatedPct - mix.unclassifiedPct <= 0)
    return mix.unclassifiedCount > 0 ? 'LEVELS_NEED_REVIEW' : 'NO_RESPONSIBILITIES';
  return null;
}

function entry(node: PositionNode, kind: FindingKind, reason: NotCheckedReason): NotCheckedFinding {
  return {
    kind,
    positionId: node.position.id,
    employeeId: node.person?.employeeId ?? null,
    department: node.position.department,
    reason,
  };
}
