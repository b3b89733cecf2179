import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type AssignmentEntity, type Caller, PeopleService, type PersonEntity, type PositionEntity } from '@rolemap/server-core';
import { CurrentCaller, Loaders, type RequestLoaders } from '../../common/graphql-context';
import { PositionModel } from '../positions/position.model';
import { AssignmentModel } from './assignment.model';
import { PersonModel } from './person.model';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @RequireRole(EVERY_ROLE, { id: 'person', snapshotId: 'snapshot' })
  @Query(() => PersonModel, { description: 'A person, by id, or by snapshot and HRIS employee id.', nullable: true })
  person(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('snapshotId', { type: () => ID, nullable: true }) snapshotId?: string,
    @Args('employeeId', { nullable: true }) employeeId?: string,
  ): Promise<PersonEntity | null> {
    if (id) return this.people.get(caller, id);
    if (snapshotId && employeeId) return this.people.byEmployeeId(caller, snapshotId, employeeId);
    return Promise.resolve(null);
  }

  @ResolveField(() => AssignmentModel, { nullable: true })
  assignment(@Parent() person: PersonEntity, @Loaders() loaders: RequestLoaders): Promise<AssignmentEntity | null> {
    return loaders.people.assignmentByPerson.load(person.id);
  }

  @ResolveField(() => PositionModel, { nullable: true })
  async position(@Parent() person: PersonEntity, @Loaders() loaders: RequestLoaders): Promise<PositionEntity | null> {
    const assignment = await loaders.people.assignmentByPerson.load(person.id);
    return assignment ? loaders.positions.byId.load(assignment.positionId) : null;
  }
}
