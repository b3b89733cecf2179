import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type AssignmentEntity,
  type Caller,
  type DottedLinePosition,
  type PersonEntity,
  type PositionEntity,
  PositionsService,
  type ResponsibilityEntity,
} from '@rolemap/server-core';
import { CurrentCaller, Loaders, type RequestLoaders } from '../../common/graphql-context';
import { AssignmentModel } from '../people/assignment.model';
import { PersonModel } from '../people/person.model';
import { ResponsibilityModel } from '../responsibilities/responsibility.model';
import { PositionPage, PositionsArgs } from './dtos/position-page.dto';
import { PositionModel } from './position.model';
import { DottedLinePositionModel } from './dotted-line-position.model';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';

const MAX_SUBTREE_DEPTH = 20;

@Resolver(() => PositionModel)
export class PositionsResolver {
  constructor(private readonly positionsService: PositionsService) {}

  @RequireRole(EVERY_ROLE, { snapshotId: 'snapshot' })
  @Query(() => PositionPage, { description: 'Positions of a snapshot, a page at a time.' })
  positions(@CurrentCaller() caller: Caller, @Args() args: PositionsArgs): Promise<PositionPage> {
    return this.positionsService.page(caller, args);
  }

  @RequireRole(EVERY_ROLE, { id: 'position' })
  @Query(() => PositionModel)
  position(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<PositionEntity> {
    return this.positionsService.get(caller, id);
  }

  @RequireRole(EVERY_ROLE, { positionId: 'position' })
  @Query(() => [PositionModel], {
    description: `A position and the positions below it, down to depth levels (0-${MAX_SUBTREE_DEPTH}), top first.`,
  })
  subtree(
    @CurrentCaller() caller: Caller,
    @Args('positionId', { type: () => ID }) positionId: string,
    @Args('depth', { type: () => Int, defaultValue: 3 }) depth: number,
  ): Promise<PositionEntity[]> {
    return this.positionsService.subtree(caller, positionId, Math.max(0, Math.min(depth, MAX_SUBTREE_DEPTH)));
  }

  @ResolveField(() => PositionModel, { nullable: true })
  reportsTo(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<PositionEntity | null> | null {
    return position.reportsToId ? loaders.positions.byId.load(position.reportsToId) : null;
  }

  @ResolveField(() => [PositionModel])
  directReports(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<PositionEntity[]> {
    return loaders.positions.directReports.load(position.id);
  }

  @ResolveField(() => [DottedLinePositionModel], {
    description: 'Who the post also answers to on a dotted (matrix) line, beside reportsTo; by title.',
  })
  dottedLineManagers(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<DottedLinePosition[]> {
    return loaders.positions.dottedLineManagers.load(position.id);
  }

  @ResolveField(() => [DottedLinePositionModel], {
    description: "The posts that answer to this one on a dotted line; those outside the caller's scope come read-only.",
  })
  dottedLineReports(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<DottedLinePosition[]> {
    return loaders.positions.dottedLineReports.load(position.id);
  }

  @ResolveField(() => AssignmentModel, { nullable: true, description: 'Null for a vacant post.' })
  assignment(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<AssignmentEntity | null> {
    return loaders.people.assignmentByPosition.load(position.id);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'Who holds the post; null when vacant.' })
  async holder(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<PersonEntity | null> {
    const assignment = await loaders.people.assignmentByPosition.load(position.id);
    return assignment ? loaders.people.personById.load(assignment.personId) : null;
  }

  @ResolveField(() => [ResponsibilityModel], { description: 'Largest share of time first.' })
  responsibilities(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<ResponsibilityEntity[]> {
    return loaders.responsibilities.byPosition.load({ positionId: position.id, snapshotId: position.snapshotId });
  }

  @ResolveField(() => Int)
  async directReportCount(@Parent() position: PositionEntity, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.positions.directReports.load(position.id)).length;
  }
}
