import { type AnalysisFinding, type AnalysisResult, type SnapshotIndex, coverage } from '@rolemap/analysis';
import {
  DELEGATION_OUTCOMES,
  type DelegationGapFinding,
  type DelegationOutcome,
  REVIEW_STATUSES,
  type ReviewStatus,
  type SnapshotData,
  TIER_LABELS,
  type ValueLevelPolicy,
} from '@rolemap/domain';
import { delegationLine } from './build-role-definitions';
import { ReportContext, reportAppendix } from './report-context';
import { ReportScopeError } from './report-scope-error';
import type { DelegationLine, DelegationReviewReport, ReportOptions } from './report-types';

/**
 * Every delegation gap in a leader's team, the leader's own included: what each leader should
 * hand over, to whom (or why nobody fits), and where HR's review of it stands. Leaders come in
 * the chart's depth-first order, each one's gaps biggest share first.
 */
export function buildDelegationReview(
  snapshot: SnapshotData | SnapshotIndex,
  analysis: AnalysisResult,
  policy: ValueLevelPolicy,
  options: ReportOptions,
  leaderEmployeeId: string,
): DelegationReviewReport {
  const context = new ReportContext(snapshot, analysis, policy, options);
  const leader = context.index.nodeOfEmployee(leaderEmployeeId);
  if (!leader) {
    throw new ReportScopeError(`No employee with id "${leaderEmployeeId}" in this snapshot.`, leaderEmployeeId);
  }
  const order = context.index.preorder;
  const delegations: DelegationLine[] = [];
  const notChecked: DelegationReviewReport['notChecked'] = [];
  let withData = 0;
  // A subtree is a contiguous slice of the depth-first order.
  for (let i = leader.preorder; i < leader.preorder + leader.subtreeSize; i++) {
    const gaps = context
      .findingsOf(order[i].position.id)
      .filter((finding): finding is AnalysisFinding<DelegationGapFinding> => finding.kind === 'DELEGATION_GAP')
      .map((finding) => delegationLine(finding, context))
      .sort((a, b) => b.sharePct - a.sharePct);
    delegations.push(...gaps);
    const node = order[i];
    if (node.responsibilities.length > 0) withData++;
    for (const line of context.notCheckedOf(node.position.id)) {
      if (line.kind === 'DELEGATION_GAP') notChecked.push({ ...line, subject: context.refOf(node) });
    }
  }

  const byStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
  const byOutcome = Object.fromEntries(DELEGATION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<DelegationOutcome, number>;
  let sharePct = 0;
  let withDelegate = 0;
  for (const line of delegations) {
    byStatus[line.review.status]++;
    byOutcome[line.outcome]++;
    sharePct += line.sharePct;
    if (line.delegate) withDelegate++;
  }
  const leaderName = leader.person?.name ?? leaderEmployeeId;
  const teamSize = leader.subtreeSize;
  return {
    kind: 'DELEGATION_REVIEW',
    header: context.header(
      'DELEGATION_REVIEW',
      `${leaderName}, ${leader.position.title}, and their team (${teamSize} role${teamSize === 1 ? '' : 's'})`,
    ),
    leader: {
      ...context.refOf(leader),
      tier: leader.position.tier,
      tierLabel: TIER_LABELS[leader.position.tier],
      department: leader.position.department,
    },
    teamSize,
    delegations,
    totals: {
      gaps: delegations.length,
      sharePct: Math.round(sharePct * 100) / 100,
      withDelegate,
      withoutDelegate: delegations.length - withDelegate,
      byStatus,
      byOutcome,
    },
    coverage: coverage(teamSize, withData),
    notChecked,
    appendix: reportAppendix(),
  };
}
