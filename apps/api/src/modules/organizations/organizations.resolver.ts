import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, type OrganizationEntity, OrganizationsService, type OrgSnapshotEntity } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { OrgSnapshotModel } from '../snapshots/org-snapshot.model';
import { OrganizationModel } from './organization.model';
import { EVERY_ROLE, HR_ONLY, RequireRole, SignedIn } from '../auth/access-rule.decorator';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizationsService: OrganizationsService) {}

  @SignedIn()
  @Query(() => [OrganizationModel], { description: 'Every organization the caller can see, by name.' })
  organizations(@CurrentCaller() caller: Caller): Promise<OrganizationEntity[]> {
    return this.organizationsService.list(caller);
  }

  @RequireRole(EVERY_ROLE, { id: 'organization', name: 'organizationName' })
  @Query(() => OrganizationModel, { nullable: true, description: 'One organization, by id or by name.' })
  async organization(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('name', { nullable: true }) name?: string,
  ): Promise<OrganizationEntity | null> {
    if (id) return this.organizationsService.get(caller, id);
    if (name) return this.organizationsService.findByName(caller, name);
    return null;
  }

  @RequireRole(HR_ONLY, { name: 'organizationName' })
  @Mutation(() => OrganizationModel, { description: 'Creates an organization, or returns the one with that name.' })
  createOrganization(@CurrentCaller() caller: Caller, @Args('name') name: string): Promise<OrganizationEntity> {
    return this.organizationsService.findOrCreate(caller, name);
  }

  @ResolveField(() => [OrgSnapshotModel], {
    description: 'Imported versions of the chart, newest first by as-of date (the later import first on the same date).',
  })
  snapshots(@CurrentCaller() caller: Caller, @Parent() organization: OrganizationEntity): Promise<OrgSnapshotEntity[]> {
    return this.organizationsService.snapshots(caller, organization.id);
  }

  @ResolveField(() => OrgSnapshotModel, {
    nullable: true,
    description: 'The chart with the latest as-of date (of those, the last imported), whenever it was imported.',
  })
  latestSnapshot(@CurrentCaller() caller: Caller, @Parent() organization: OrganizationEntity): Promise<OrgSnapshotEntity | null> {
    return this.organizationsService.latestSnapshot(caller, organization.id);
  }
}
