import type { ActionPlan, ActionStep, Finding } from '@rolemap/domain';
import type { SnapshotIndex } from '../snapshot/snapshot-index';

/** Days from the decision to the suggested due date: one review cycle of a month. */
export const SUGGESTED_ACTION_DAYS = 30;

/**
 * The plan the review form starts from when a finding is accepted; the reviewer changes any of
 * it. A delegation gap goes to its delegate when one can take it on; with nobody who can, the
 * work needs a hire. A span too wide needs another manager; a successor-less expert needs one
 * hired. What is left (a promoted leader still doing their old job, a layer too many or too
 * narrow) is work to stop doing.
 */
export function suggestedActionFor(finding: Finding, owner: string, today: string): ActionPlan {
  const { step, delegateTo } = suggestedStep(finding);
  return { owner, dueOn: addDays(today, SUGGESTED_ACTION_DAYS), step, delegateTo, note: null };
}

/**
 * Who is expected to see the action through: the leader the finding is about, or, for an expert
 * at risk of being pigeonholed, their manager (who opens the path out). Null for a vacant post.
 */
export function actionOwnerFor(finding: Finding, index: SnapshotIndex): string | null {
  const node = index.node(finding.positionId);
  if (!node) return null;
  const owner = finding.kind === 'PIGEONHOLING_RISK' ? node.parent : node;
  return owner?.person?.name ?? null;
}

function suggestedStep(finding: Finding): { step: ActionStep; delegateTo: string | null } {
  switch (finding.kind) {
    case 'DELEGATION_GAP':
      return finding.delegateName ? { step: 'DELEGATE', delegateTo: finding.delegateName } : { step: 'HIRE', delegateTo: null };
    case 'SPAN_OF_CONTROL':
      // Too wide needs another manager; too narrow a layer is merged away.
      return { step: finding.directReports > finding.limit ? 'HIRE' : 'STOP_DOING', delegateTo: null };
    case 'PIGEONHOLING_RISK':
      return finding.hasSuccessor ? { step: 'STOP_DOING', delegateTo: null } : { step: 'HIRE', delegateTo: null };
    case 'PROMOTED_STILL_TACTICAL':
    case 'LAYERS':
      return { step: 'STOP_DOING', delegateTo: null };
  }
}

/** `YYYY-MM-DD` plus whole days, in calendar terms (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
