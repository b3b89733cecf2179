import { DomainError } from './domain-error';

/**
 * What an accepted finding leads to. DELEGATE hands the work to a named person, STOP_DOING drops
 * it, HIRE opens a post for it.
 */
export const ACTION_STEPS = ['DELEGATE', 'STOP_DOING', 'HIRE'] as const;
export type ActionStep = (typeof ACTION_STEPS)[number];

export const ACTION_STEP_LABELS: Record<ActionStep, string> = {
  DELEGATE: 'Delegate',
  STOP_DOING: 'Stop doing',
  HIRE: 'Hire',
};

/** DONE is set by hand or by the first later snapshot in which the finding is gone. */
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_LIMITS = { owner: 200, delegateTo: 200, note: 2000 } as const;

/** What the person accepting a finding plans to do about it. */
export interface ActionPlan {
  /** Who sees it through: a name as people write it (the leader, by default). */
  owner: string;
  /** ISO date (YYYY-MM-DD). */
  dueOn: string;
  step: ActionStep;
  /** Whom the work goes to; required for DELEGATE, ignored otherwise. */
  delegateTo: string | null;
  note: string | null;
}

export interface FindingAction extends ActionPlan {
  id: string;
  organizationId: string;
  findingKey: string;
  status: ActionStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The snapshot in which the finding was no longer found, when that is what closed it. */
  resolvedInSnapshotId: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** An open action whose due date has passed (`today` is YYYY-MM-DD in the viewer's calendar). */
export function isOverdue(action: Pick<FindingAction, 'status' | 'dueOn'>, today: string): boolean {
  return (action.status === 'OPEN' || action.status === 'IN_PROGRESS') && action.dueOn < today;
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The plan trimmed and checked; refuses with the field and the limit it breaks. */
export function validateActionPlan(plan: {
  owner?: string | null;
  dueOn?: string | null;
  step?: string | null;
  delegateTo?: string | null;
  note?: string | null;
}): ActionPlan {
  const owner = trimmedOrNull(plan.owner);
  if (!owner) throw new DomainError('BAD_USER_INPUT', 'action.owner: name who sees the action through');
  if (owner.length > ACTION_LIMITS.owner) {
    throw new DomainError('BAD_USER_INPUT', `action.owner has at most ${ACTION_LIMITS.owner} characters`);
  }
  const dueOn = trimmedOrNull(plan.dueOn);
  if (!dueOn || !isIsoDate(dueOn)) {
    throw new DomainError('BAD_USER_INPUT', `action.dueOn must be a date written YYYY-MM-DD, not "${plan.dueOn ?? ''}"`);
  }
  const step = plan.step as ActionStep;
  if (!(ACTION_STEPS as readonly string[]).includes(step)) {
    throw new DomainError('BAD_USER_INPUT', `action.step must be one of ${ACTION_STEPS.join(', ')}`);
  }
  const delegateTo = step === 'DELEGATE' ? trimmedOrNull(plan.delegateTo) : null;
  if (step === 'DELEGATE' && !delegateTo) {
    throw new DomainError('BAD_USER_INPUT', 'action.delegateTo: name whom the work is delegated to');
  }
  if (delegateTo && delegateTo.length > ACTION_LIMITS.delegateTo) {
    throw new DomainError('BAD_USER_INPUT', `action.delegateTo has at most ${ACTION_LIMITS.delegateTo} characters`);
  }
  const note = trimmedOrNull(plan.note);
  if (note && note.length > ACTION_LIMITS.note) {
    throw new DomainError('BAD_USER_INPUT', `action.note has at most ${ACTION_LIMITS.note} characters`);
  }
  return { owner, dueOn, step, delegateTo, note };
}
