import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@rolemap/domain';
import { CHART_LIMITS, type Caller, type LazyChartSlice, OrgChartService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { OrgChartNodeType, ValueMixType } from '../analysis/dtos/analysis.types';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';
import {
  ChartChildrenArgs,
  ChartChildrenPageType,
  ChartLeaderType,
  ChartNodeType,
  ChartSearchResultType,
  ChartSliceType,
} from './dtos/lazy-chart.types';

@Resolver()
export class OrgChartResolver {
  constructor(private readonly orgChartService: OrgChartService) {}

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => [OrgChartNodeType], {
    description:
      'Every position with what the org chart draws: mix, colour score, badges. The whole org in one answer: ' +
      'for large organizations use orgChartTop, orgChartChildren and orgChartSearch.',
  })
  async orgChart(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
  ): Promise<OrgChartNodeType[]> {
    const nodes = await this.orgChartService.nodes(caller, snapshotId);
    return nodes.map((node) => ({
      ...node,
      actualMix: ValueMixType.from(node.actualMix),
      expectedMix: ValueMixType.from(node.expectedMix),
    }));
  }

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot', organizationId: 'organization' })
  @Query(() => ChartSliceType, {
    description:
      `The top levels of the chart (depth 0-${CHART_LIMITS.maxDepth} below the top, or below rootPositionId) of ` +
      "snapshotId, or, with organizationId, of snapshotId when it is one of the organization's and else of its latest " +
      `snapshot. A leader with more than ${CHART_LIMITS.topSpanLimit} reports comes collapsed: open it with orgChartChildren.`,
  })
  async orgChartTop(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID, nullable: true }) snapshotId: string | null,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId: string | null,
    @Args('depth', { type: () => Int, defaultValue: 2 }) depth: number,
    @Args('rootPositionId', { type: () => ID, nullable: true }) rootPositionId?: string | null,
  ): Promise<ChartSliceType> {
    let slice: LazyChartSlice;
    if (organizationId)
      slice = await this.orgChartService.topOfOrganization(caller, organizationId, snapshotId, depth, rootPositionId);
    else if (snapshotId) slice = await this.orgChartService.top(caller, snapshotId, depth, rootPositionId);
    else throw new DomainError('BAD_USER_INPUT', 'Give snapshotId, organizationId or both');
    return {
      snapshotId: slice.snapshotId,
      expectedMixes: slice.expectedMixes.map(({ tier, mix }) => ({ tier, mix: ValueMixType.from(mix) })),
      nodes: slice.nodes.map(ChartNodeType.from),
    };
  }

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => ChartChildrenPageType, { description: "A page of a leader's direct reports (first 1-1000)." })
  async orgChartChildren(@CurrentCaller() caller: Caller, @Args() args: ChartChildrenArgs): Promise<ChartChildrenPageType> {
    const page = await this.orgChartService.children(caller, args.snapshotId, args.positionId, args.first, args.after);
    return { ...page, nodes: page.nodes.map(ChartNodeType.from) };
  }

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => ChartSearchResultType, {
    description: `Positions whose holder's name, title or post reference matches (first 1-${CHART_LIMITS.maxSearchHits}).`,
  })
  async orgChartSearch(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('query') query: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<ChartSearchResultType> {
    const result = await this.orgChartService.search(caller, snapshotId, query, first);
    return {
      totalCount: result.totalCount,
      hits: result.hits.map(ChartNodeType.from),
      nodes: result.nodes.map(ChartNodeType.from),
    };
  }

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => [ChartNodeType], {
    description: `What the chart needs to open to these positions (at most ${CHART_LIMITS.maxRevealIds}): the managers above each and their teams.`,
  })
  async orgChartReveal(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('positionIds', { type: () => [ID] }) positionIds: string[],
  ): Promise<ChartNodeType[]> {
    return (await this.orgChartService.reveal(caller, snapshotId, positionIds)).map(ChartNodeType.from);
  }

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => [ChartLeaderType], {
    description:
      'Managers and above for the leader picker, most senior first, then by name: those whose name, title or department ' +
      `holds every word of query (first 1-${CHART_LIMITS.maxLeaders}). A vacant post is named "Vacant (title)".`,
  })
  orgChartLeaders(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('query', { defaultValue: '' }) query: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<ChartLeaderType[]> {
    return this.orgChartService.leaders(caller, snapshotId, query, first);
  }
}
