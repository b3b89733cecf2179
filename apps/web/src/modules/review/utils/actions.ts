import type { ActionFieldsFragment, ActionStatus, ActionStep } from '../../../gql/graphql';

export const ACTION_STEP_TEXT: Record<ActionStep, string> = {
  DELEGATE: 'Delegate',
  STOP_DOING: 'Stop doing',
  HIRE: 'Hire',
};

export const ACTION_STATUS_TEXT: Record<ActionStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
};

/** "Delegate to Sam Lee", "Hire", "Stop doing". */
export function stepText(step: ActionStep, delegateTo: string | null): string {
  return step === 'DELEGATE' && delegateTo ? `Delegate to ${delegateTo}` : ACTION_STEP_TEXT[step];
}

/** Where an action can go from where it is: start it, finish it, drop it, or open it again. */
export function nextStatuses(status: ActionStatus): ActionStatus[] {
  switch (status) {
    case 'OPEN':
      return ['IN_PROGRESS', 'DONE', 'CANCELLED'];
    case 'IN_PROGRESS':
      return ['DONE', 'CANCELLED'];
    case 'DONE':
    case 'CANCELLED':
      return ['OPEN'];
  }
}

export const STATUS_VERB: Record<ActionStatus, string> = {
  OPEN: 'Reopen',
  IN_PROGRESS: 'Start',
  DONE: 'Mark done',
  CANCELLED: 'Cancel',
};

/** Each finding's newest action (what its latest acceptance planned), by finding key. */
export function newestByFinding<A extends Pick<ActionFieldsFragment, 'findingKey' | 'createdAt'>>(
  actions: readonly A[],
): Map<string, A> {
  const newest = new Map<string, A>();
  for (const action of actions) {
    const known = newest.get(action.findingKey);
    if (!known || known.createdAt < action.createdAt) newest.set(action.findingKey, action);
  }
  return newest;
}
