import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Tier, TierSource } from '@rolemap/domain';
import { AnalysisService, type Caller, FindingsService, type PositionEntity } from '@rolemap/server-core';
import { CurrentCaller, type GraphqlContext, signedInCaller } from '../../common/graphql-context';
import { TierEnum, TierSourceEnum } from '../../common/graphql-enums';
import { toFindingType, toPositionMixType } from '../findings/finding-mapper';
import { PositionModel } from '../positions/position.model';
import { FindingType, PositionMixType } from './dtos/analysis.types';
import { SnapshotDiffType } from './dtos/snapshot-diff.types';
import { analysisForRequest } from './request-analysis';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { sensitive } from '../auth/sensitive-field';

@Resolver()
export class AnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @RequireRole(HR_ONLY, { fromSnapshotId: 'snapshot', toSnapshotId: 'snapshot' })
  @Query(() => SnapshotDiffType)
  snapshotDiff(
    @CurrentCaller() caller: Caller,
    @Args('fromSnapshotId', { type: () => ID }) fromSnapshotId: string,
    @Args('toSnapshotId', { type: () => ID }) toSnapshotId: string,
  ): Promise<SnapshotDiffType> {
    return this.analysis.diff(caller, fromSnapshotId, toSnapshotId);
  }
}

/**
 * Analysis fields on Position, resolved from the analysis of its snapshot (looked up once per
 * request). Tier and tier source come from there too, so HR's overrides show at once.
 */
@Resolver(() => PositionModel)
export class PositionAnalysisResolver {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly findingsService: FindingsService,
  ) {}

  @ResolveField(() => TierEnum, { description: 'The tier in force: HR’s override, else inferred from title and structure.' })
  async tier(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<Tier> {
    const analysis = await analysisForRequest(context, this.analysis, position.snapshotId);
    return analysis.index.node(position.id)?.position.tier ?? position.tier;
  }

  @ResolveField(() => TierSourceEnum)
  async tierSource(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<TierSource> {
    const analysis = await analysisForRequest(context, this.analysis, position.snapshotId);
    return analysis.index.node(position.id)?.position.tierSource ?? position.tierSource;
  }

  @ResolveField(() => PositionMixType, { description: 'Actual against expected value-level mix.' })
  async mix(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<PositionMixType> {
    const analysis = await analysisForRequest(context, this.analysis, position.snapshotId);
    const mix = analysis.mixByPosition.get(position.id);
    if (!mix) throw new Error(`No mix for position ${position.id}`);
    return toPositionMixType(mix);
  }

  @ResolveField(() => [FindingType], {
    description: 'This position’s findings, most severe first; empty for viewers and employees.',
    ...sensitive([]),
  })
  async findings(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<FindingType[]> {
    const analysis = await analysisForRequest(context, this.analysis, position.snapshotId);
    const reviewed = await this.findingsService.ofPosition(signedInCaller(context), analysis, position.id);
    return reviewed.map((item) => toFindingType(item, analysis));
  }

  @ResolveField(() => Float, { description: '0-1 score the chart colours by.' })
  async tacticalGap(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<number> {
    const analysis = await analysisForRequest(context, this.analysis, position.snapshotId);
    return analysis.mixByPosition.get(position.id)?.tacticalGap ?? 0;
  }
}
