import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ReviewStatus } from '@rolemap/domain';
import { type Caller, FindingsService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import {
  AnalysisSummaryType,
  FindingFilterInput,
  FindingPageType,
  FindingType,
  LeaderToReviewPageType,
  ReviewStatusEnum,
} from '../analysis/dtos/analysis.types';
import { ActionPlanInput } from '../actions/dtos/actions.types';
import { toFindingType, toSummaryType } from './finding-mapper';
import { HR_AND_LEADERS, RequireRole } from '../auth/access-rule.decorator';

@Resolver()
export class FindingsResolver {
  constructor(private readonly findingsService: FindingsService) {}

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot', 'filter.leaderPositionId': 'position' })
  @Query(() => FindingPageType, {
    description: 'Findings of a snapshot, most severe first; filter by kind, severity, department, leader or review status.',
  })
  async findings(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('filter', { type: () => FindingFilterInput, nullable: true }) filter?: FindingFilterInput,
    @Args('first', { type: () => Int, defaultValue: 200 }) first = 200,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<FindingPageType> {
    const page = await this.findingsService.page(caller, snapshotId, filter ?? {}, { first, offset });
    return { totalCount: page.totalCount, nodes: page.nodes.map((item) => toFindingType(item, page.analysis)) };
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot' })
  @Query(() => LeaderToReviewPageType, {
    description:
      'Leaders with open findings, most severe first, with counts: where a review starts. A leader sees their own subtree.',
  })
  async leadersToReview(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
  ): Promise<LeaderToReviewPageType> {
    return this.findingsService.leadersToReview(caller, snapshotId, first);
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot', leaderPositionId: 'position' })
  @Query(() => AnalysisSummaryType, { description: 'Counts per kind and department, leaders’ tactical load, worst subtrees.' })
  async analysisSummary(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('leaderPositionId', { type: () => ID, nullable: true }) leaderPositionId?: string,
  ): Promise<AnalysisSummaryType> {
    return toSummaryType(await this.findingsService.summary(caller, snapshotId, leaderPositionId));
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot' })
  @Mutation(() => FindingType, {
    description:
      'Accept, dismiss or reopen a finding with a note: appended to its history, kept across snapshots for the same person. Accepting opens an action (`action`, or the suggested plan for what is left out); any decision cancels the actions the previous one opened.',
  })
  async reviewFinding(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('key') key: string,
    @Args('status', { type: () => ReviewStatusEnum }) status: ReviewStatus,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('action', { type: () => ActionPlanInput, nullable: true }) action?: ActionPlanInput | null,
  ): Promise<FindingType> {
    const { reviewed, analysis } = await this.findingsService.review(caller, snapshotId, key, status, note ?? null, action);
    return toFindingType(reviewed, analysis);
  }
}
