import type { ActionPlan, FindingAction, ReviewStatus } from '@rolemap/domain';
import type { EntityManager } from 'typeorm';
import { FindingActionEntity } from './finding-action.entity';

/** Open and in-progress: what a decision or a later snapshot may still close. */
export const ACTIVE_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS'] as const;

export interface DecisionActionInput {
  organizationId: string;
  findingKey: string;
  subjectRef: string;
  reviewId: string;
  snapshotId: string;
  status: ReviewStatus;
  /** What accepting leads to; null when the decision is not an acceptance. */
  plan: ActionPlan | null;
  createdBy: string;
}

/**
 * A new decision replaces what the last one planned: the finding's active actions are cancelled
 * (they stay in its history), and an acceptance opens the action it plans.
 */
export async function recordDecisionAction(manager: EntityManager, input: DecisionActionInput): Promise<FindingAction | null> {
  await manager
    .createQueryBuilder()
    .update(FindingActionEntity)
    .set({ status: 'CANCELLED', updatedAt: () => 'clock_timestamp()' })
    .where('organization_id = :organizationId AND finding_key = :findingKey AND status IN (:...active)', {
      organizationId: input.organizationId,
      findingKey: input.findingKey,
      active: ACTIVE_ACTION_STATUSES,
    })
    .execute();
  if (input.status !== 'ACCEPTED' || !input.plan) return null;
  const saved = await manager.getRepository(FindingActionEntity).save({
    organizationId: input.organizationId,
    findingKey: input.findingKey,
    subjectRef: input.subjectRef,
    reviewId: input.reviewId,
    snapshotId: input.snapshotId,
    ...input.plan,
    status: 'OPEN',
    createdBy: input.createdBy,
    resolvedSnapshotId: null,
  });
  const reloaded = await manager.getRepository(FindingActionEntity).findOneByOrFail({ id: saved.id });
  return toFindingAction(reloaded);
}

/** The newest action per finding key (any status), for showing beside each finding. */
export async function latestActionsByKey(
  manager: EntityManager,
  organizationId: string,
  keys: readonly string[],
): Promise<Map<string, FindingAction>> {
  if (keys.length === 0) return new Map();
  const rows = await manager
    .getRepository(FindingActionEntity)
    .createQueryBuilder('a')
    .distinctOn(['a.finding_key'])
    .where('a.organization_id = :organizationId', { organizationId })
    .andWhere('a.finding_key = ANY(:keys)', { keys: [...keys] })
    .orderBy('a.finding_key')
    .addOrderBy('a.created_at', 'DESC')
    .getMany();
  return new Map(rows.map((row) => [row.findingKey, toFindingAction(row)]));
}

export function toFindingAction(row: FindingActionEntity): FindingAction {
  return {
    id: row.id,
    organizationId: row.organizationId,
    findingKey: row.findingKey,
    owner: row.owner,
    dueOn: row.dueOn,
    step: row.step,
    delegateTo: row.delegateTo,
    note: row.note,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedInSnapshotId: row.resolvedSnapshotId,
  };
}
