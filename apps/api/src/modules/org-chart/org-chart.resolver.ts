import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type Caller, OrgChartService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { OrgChartNodeType, ValueMixType } from '../analysis/dtos/analysis.types';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';

@Resolver()
export class OrgChartResolver {
  constructor(private readonly orgChartService: OrgChartService) {}

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => [OrgChartNodeType], { description: 'Every position with what the org chart draws: mix, colour score, badges.' })
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
}
