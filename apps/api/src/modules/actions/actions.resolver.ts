import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ActionStatus } from '@rolemap/domain';
import { ActionsService, AnalysisService, type Caller, FindingsService, ReviewsService } from '@rolemap/server-core';
import { DomainError } from '@rolemap/domain';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_AND_LEADERS, RequireRole } from '../auth/access-rule.decorator';
import { ActionPageType, ActionStatusEnum, FindingActionType, FindingHistoryType } from './dtos/actions.types';

const MAX_PAGE = 1000;

@Resolver()
export class ActionsResolver {
  constructor(
    private readonly actionsService: ActionsService,
    private readonly analysis: AnalysisService,
    private readonly findings: FindingsService,
    private readonly reviews: ReviewsService,
  ) {}

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot', leaderPositionId: 'position' })
  @Query(() => ActionPageType, {
    description:
      'Actions accepted findings led to, overdue first then by due date: a leader’s subtree (as in this snapshot), or all for HR.',
  })
  async actions(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('leaderPositionId', { type: () => ID, nullable: true }) leaderPositionId?: string | null,
    @Args('statuses', { type: () => [ActionStatusEnum], nullable: true }) statuses?: ActionStatus[] | null,
    @Args('overdueOnly', { type: () => Boolean, defaultValue: false }) overdueOnly = false,
    @Args('first', { type: () => Int, defaultValue: 200 }) first = 200,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<ActionPageType> {
    const listed = await this.actionsService.list(caller, snapshotId, { leaderPositionId, statuses, overdueOnly });
    const start = Math.max(0, offset);
    return {
      totalCount: listed.length,
      overdueCount: listed.filter((action) => action.overdue).length,
      nodes: listed.slice(start, start + Math.min(Math.max(first, 1), MAX_PAGE)),
    };
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot' })
  @Query(() => FindingHistoryType, {
    description: 'A finding’s decisions (who, when, status, note) and the actions they planned, newest first.',
  })
  async findingHistory(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('key') key: string,
  ): Promise<FindingHistoryType> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const finding = analysis.result.findings.find((candidate) => candidate.key === key);
    if (!finding) throw new DomainError('NOT_FOUND', `No finding with key ${key} in this snapshot`);
    // Checks the finding is in the caller's scope before anything about it is read.
    const actions = await this.actionsService.ofFinding(caller, snapshotId, key);
    const decisions = await this.reviews.reviewHistory(caller, analysis.snapshot.organizationId, key);
    return { key, decisions, actions, suggestedAction: this.findings.suggestedAction(caller, analysis, finding) };
  }

  @RequireRole(HR_AND_LEADERS, { id: 'action' })
  @Mutation(() => FindingActionType, { description: 'Moves an action on: started, done or cancelled, with an optional note.' })
  async setActionStatus(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => ActionStatusEnum }) status: ActionStatus,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<FindingActionType> {
    return this.actionsService.setStatus(caller, id, status, note);
  }
}
