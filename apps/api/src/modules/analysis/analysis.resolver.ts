import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { filterFindings, summarize } from '@rolemap/analysis';
import { DomainError, type ReviewStatus, type Tier, type TierSource, type ValueLevel } from '@rolemap/domain';
import type { Caller } from '../../common/caller';
import { CurrentCaller, type GraphqlContext } from '../../common/graphql-context';
import { TierEnum, TierSourceEnum, ValueLevelEnum } from '../../common/graphql-enums';
import { OrganizationsService } from '../organizations/organizations.service';
import { PositionEntity } from '../positions/position.entity';
import { AnalysisService } from './analysis.service';
import {
  AnalysisSummaryType,
  FindingFilterInput,
  FindingPageType,
  FindingType,
  OrgChartNodeType,
  PositionMixType,
  ReviewStatusEnum,
  ValueMixType,
} from './dtos/analysis.types';
import { PolicyInput, PolicyType, policyEdit } from './dtos/policy.types';
import { SnapshotDiffType } from './dtos/snapshot-diff.types';
import { ClassificationOverridesService } from './classification-overrides.service';
import { toFindingType, toPositionMixType, toSummaryType } from './finding-mapper';

const BADGE_KINDS = new Set(['PROMOTED_STILL_TACTICAL', 'DELEGATION_GAP', 'PIGEONHOLING_RISK']);

@Resolver()
export class AnalysisResolver {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly organizations: OrganizationsService,
    private readonly overrides: ClassificationOverridesService,
  ) {}

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
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const positionIds = filter?.leaderPositionId ? analysis.index.subtreeOf(filter.leaderPositionId).map((p) => p.id) : undefined;
    const matching = filterFindings(analysis.result.findings, {
      kinds: filter?.kinds,
      minSeverity: filter?.minSeverity,
      department: filter?.department,
      positionIds,
    });
    let reviewed = await this.analysis.reviewed(caller, analysis.snapshot.organizationId, matching);
    if (filter?.statuses?.length) {
      const statuses = new Set(filter.statuses);
      reviewed = reviewed.filter((item) => statuses.has(item.review?.status ?? 'OPEN'));
    }
    const page = reviewed.slice(Math.max(0, offset), Math.max(0, offset) + Math.min(Math.max(first, 1), 1000));
    return { totalCount: reviewed.length, nodes: page.map((item) => toFindingType(item, analysis)) };
  }

  @Query(() => AnalysisSummaryType, { description: 'Counts per kind and department, leaders’ tactical load, worst subtrees.' })
  async analysisSummary(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('leaderPositionId', { type: () => ID, nullable: true }) leaderPositionId?: string,
  ): Promise<AnalysisSummaryType> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const summary = leaderPositionId
      ? summarize(
          analysis.result,
          analysis.index.subtreeOf(leaderPositionId).map((p) => p.id),
        )
      : analysis.result.summary;
    return toSummaryType(summary);
  }

  @Query(() => [OrgChartNodeType], { description: 'Every position with what the org chart draws: mix, colour score, badges.' })
  async orgChart(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
  ): Promise<OrgChartNodeType[]> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const reviewed = await this.analysis.reviewed(caller, analysis.snapshot.organizationId, analysis.result.findings);
    const open = new Map<string, Set<string>>();
    const openCount = new Map<string, number>();
    for (const { finding, review } of reviewed) {
      if (review && review.status !== 'OPEN') continue;
      openCount.set(finding.positionId, (openCount.get(finding.positionId) ?? 0) + 1);
      if (!BADGE_KINDS.has(finding.kind)) continue;
      const kinds = open.get(finding.positionId) ?? new Set<string>();
      kinds.add(finding.kind);
      open.set(finding.positionId, kinds);
    }
    return analysis.result.mixes.map((mix) => ({
      id: mix.positionId,
      parentId: mix.parentPositionId,
      employeeId: mix.employeeId,
      name: mix.name ?? 'Vacant',
      title: mix.title,
      tier: mix.tier,
      department: mix.department,
      vacant: mix.vacant,
      actualMix: ValueMixType.from(mix.actual),
      expectedMix: ValueMixType.from(mix.expected),
      tacticalGap: mix.tacticalGap,
      badges: [...(open.get(mix.positionId) ?? [])] as OrgChartNodeType['badges'],
      directReports: mix.directReports,
      openFindings: openCount.get(mix.positionId) ?? 0,
    }));
  }

  @Query(() => SnapshotDiffType)
  snapshotDiff(
    @CurrentCaller() caller: Caller,
    @Args('fromSnapshotId', { type: () => ID }) fromSnapshotId: string,
    @Args('toSnapshotId', { type: () => ID }) toSnapshotId: string,
  ): Promise<SnapshotDiffType> {
    return this.analysis.diff(caller, fromSnapshotId, toSnapshotId);
  }

  @Query(() => PolicyType, { description: 'The value-level policy in force for an organization.' })
  async policy(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<PolicyType> {
    return PolicyType.from(await this.organizations.policy(caller, organizationId));
  }

  @Mutation(() => PolicyType, { description: 'Saves a new version of the policy; findings use it at once.' })
  async updatePolicy(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('policy', { type: () => PolicyInput }) input: PolicyInput,
  ): Promise<PolicyType> {
    return PolicyType.from(
      await this.organizations.updatePolicy(caller, organizationId, (current) => policyEdit(current, input)),
    );
  }

  @Mutation(() => FindingType, {
    description: 'Accept or dismiss a finding with a note; kept across snapshots for the same person.',
  })
  async reviewFinding(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('key') key: string,
    @Args('status', { type: () => ReviewStatusEnum }) status: ReviewStatus,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<FindingType> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const finding = analysis.result.findings.find((candidate) => candidate.key === key);
    if (!finding) throw new DomainError('NOT_FOUND', `No finding with key ${key} in this snapshot`);
    const review = await this.analysis.review(caller, analysis.snapshot.organizationId, key, status, note ?? null);
    return toFindingType({ finding, review }, analysis);
  }

  @Mutation(() => Boolean, { description: 'Sets (or, with tier null, clears) HR’s tier for a position; kept across snapshots.' })
  async setTierOverride(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('externalId') externalId: string,
    @Args('tier', { type: () => TierEnum, nullable: true }) tier: Tier | null,
  ): Promise<boolean> {
    await this.overrides.setTier(caller, organizationId, externalId, tier);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Sets (or clears) HR’s value level for one person’s responsibility; kept across snapshots.',
  })
  async setValueLevelOverride(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('employeeId') employeeId: string,
    @Args('responsibility') responsibility: string,
    @Args('valueLevel', { type: () => ValueLevelEnum, nullable: true }) valueLevel: ValueLevel | null,
  ): Promise<boolean> {
    await this.overrides.setValueLevel(caller, organizationId, employeeId, responsibility, valueLevel);
    return true;
  }
}

/**
 * Analysis fields on Position, resolved from the analysis of its snapshot (looked up once per
 * request). Tier and tier source come from there too, so HR's overrides show at once.
 */
@Resolver(() => PositionEntity)
export class PositionAnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @ResolveField(() => TierEnum, { description: 'The tier in force: HR’s override, else inferred from title and structure.' })
  async tier(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<Tier> {
    const analysis = await this.analysis.forRequest(context, position.snapshotId);
    return analysis.index.node(position.id)?.position.tier ?? position.tier;
  }

  @ResolveField(() => TierSourceEnum)
  async tierSource(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<TierSource> {
    const analysis = await this.analysis.forRequest(context, position.snapshotId);
    return analysis.index.node(position.id)?.position.tierSource ?? position.tierSource;
  }

  @ResolveField(() => PositionMixType, { description: 'Actual against expected value-level mix.' })
  async mix(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<PositionMixType> {
    const analysis = await this.analysis.forRequest(context, position.snapshotId);
    const mix = analysis.mixByPosition.get(position.id);
    if (!mix) throw new Error(`No mix for position ${position.id}`);
    return toPositionMixType(mix);
  }

  @ResolveField(() => [FindingType], { description: 'This position’s findings, most severe first.' })
  async findings(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<FindingType[]> {
    const analysis = await this.analysis.forRequest(context, position.snapshotId);
    const own = analysis.findingsByPosition.get(position.id) ?? [];
    const reviewed = await this.analysis.reviewed(context.caller, analysis.snapshot.organizationId, own);
    return reviewed.map((item) => toFindingType(item, analysis));
  }

  @ResolveField(() => Float, { description: '0-1 score the chart colours by.' })
  async tacticalGap(@Context() context: GraphqlContext, @Parent() position: PositionEntity): Promise<number> {
    const analysis = await this.analysis.forRequest(context, position.snapshotId);
    return analysis.mixByPosition.get(position.id)?.tacticalGap ?? 0;
  }
}
