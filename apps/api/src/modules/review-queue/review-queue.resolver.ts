import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, ReviewQueueService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import {
  ClassificationQueueType,
  ValueLevelConfirmationInput,
  ValueLevelConfirmationResultType,
} from './dtos/review-queue.types';

@Resolver()
export class ReviewQueueResolver {
  constructor(private readonly reviewQueue: ReviewQueueService) {}

  @RequireRole(HR_ONLY, { snapshotId: 'snapshot' })
  @Query(() => ClassificationQueueType, {
    description:
      'HR’s review queue: every UNCLASSIFIED or low-confidence responsibility of a snapshot, grouped by identical wording.',
  })
  async classificationQueue(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first = 100,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<ClassificationQueueType> {
    const queue = await this.reviewQueue.queue(caller, snapshotId);
    const { groups, responsibilityCount, unclassifiedCount, lowConfidenceCount } = queue;
    return {
      snapshotId,
      responsibilityCount,
      unclassifiedCount,
      lowConfidenceCount,
      groupCount: groups.length,
      groups: groups.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, Math.min(first, 500))),
    };
  }

  @RequireRole(HR_ONLY, { snapshotId: 'snapshot' })
  @Mutation(() => ValueLevelConfirmationResultType, {
    description:
      'Confirms levels for wordings of the review queue: per-person overrides (kept across snapshots) for every responsibility ' +
      'of each group, and the wording remembered for the organization’s later imports.',
  })
  confirmValueLevels(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('confirmations', { type: () => [ValueLevelConfirmationInput] }) confirmations: ValueLevelConfirmationInput[],
  ): Promise<ValueLevelConfirmationResultType> {
    return this.reviewQueue.confirm(caller, snapshotId, confirmations);
  }
}
