import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../common/caller';
import type { DataLoaders } from '../../common/data-loaders';
import { CurrentCaller, Loaders } from '../../common/graphql-context';
import { PositionEntity } from '../positions/position.entity';
import { AssignmentEntity } from './assignment.entity';
import { PersonEntity } from './person.entity';
import { PeopleService } from './people.service';

@Resolver(() => PersonEntity)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => PersonEntity, { description: 'A person, by id, or by snapshot and HRIS employee id.', nullable: true })
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

  @ResolveField(() => AssignmentEntity, { nullable: true })
  assignment(@Parent() person: PersonEntity, @Loaders() loaders: DataLoaders): Promise<AssignmentEntity | null> {
    return loaders.assignmentByPerson.load(person.id);
  }

  @ResolveField(() => PositionEntity, { nullable: true })
  async position(@Parent() person: PersonEntity, @Loaders() loaders: DataLoaders): Promise<PositionEntity | null> {
    const assignment = await loaders.assignmentByPerson.load(person.id);
    return assignment ? loaders.positionById.load(assignment.positionId) : null;
  }
}
