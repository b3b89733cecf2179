import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../common/caller';
import type { DataLoaders } from '../../common/data-loaders';
import { CurrentCaller, Loaders } from '../../common/graphql-context';
import { AssignmentEntity } from '../people/assignment.entity';
import { PersonEntity } from '../people/person.entity';
import { ResponsibilityEntity } from '../responsibilities/responsibility.entity';
import { PositionPage, PositionsArgs } from './dtos/position-page.dto';
import { PositionEntity } from './position.entity';
import { PositionsService } from './positions.service';

const MAX_SUBTREE_DEPTH = 20;

@Resolver(() => PositionEntity)
export class PositionsResolver {
  constructor(private readonly positionsService: PositionsService) {}

  @Query(() => PositionPage, { description: 'Positions of a snapshot, a page at a time.' })
  positions(@CurrentCaller() caller: Caller, @Args() args: PositionsArgs): Promise<PositionPage> {
    return this.positionsService.page(caller, args);
  }

  @Query(() => PositionEntity)
  position(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<PositionEntity> {
    return this.positionsService.get(caller, id);
  }

  @Query(() => [PositionEntity], {
    description: `A position and the positions below it, down to depth levels (0-${MAX_SUBTREE_DEPTH}), top first.`,
  })
  subtree(
    @CurrentCaller() caller: Caller,
    @Args('positionId', { type: () => ID }) positionId: string,
    @Args('depth', { type: () => Int, defaultValue: 3 }) depth: number,
  ): Promise<PositionEntity[]> {
    return this.positionsService.subtree(caller, positionId, Math.max(0, Math.min(depth, MAX_SUBTREE_DEPTH)));
  }

  @ResolveField(() => PositionEntity, { nullable: true })
  reportsTo(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<PositionEntity | null> | null {
    return position.reportsToId ? loaders.positionById.load(position.reportsToId) : null;
  }

  @ResolveField(() => [PositionEntity])
  directReports(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<PositionEntity[]> {
    return loaders.directReports.load(position.id);
  }

  @ResolveField(() => AssignmentEntity, { nullable: true, description: 'Null for a vacant post.' })
  assignment(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<AssignmentEntity | null> {
    return loaders.assignmentByPosition.load(position.id);
  }

  @ResolveField(() => PersonEntity, { nullable: true, description: 'Who holds the post; null when vacant.' })
  async holder(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<PersonEntity | null> {
    const assignment = await loaders.assignmentByPosition.load(position.id);
    return assignment ? loaders.personById.load(assignment.personId) : null;
  }

  @ResolveField(() => [ResponsibilityEntity], { description: 'Largest share of time first.' })
  responsibilities(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<ResponsibilityEntity[]> {
    return loaders.responsibilitiesByPosition.load({ positionId: position.id, snapshotId: position.snapshotId });
  }

  @ResolveField(() => Int)
  async directReportCount(@Parent() position: PositionEntity, @Loaders() loaders: DataLoaders): Promise<number> {
    return (await loaders.directReports.load(position.id)).length;
  }
}
