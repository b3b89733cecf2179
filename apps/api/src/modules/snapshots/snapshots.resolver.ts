import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../../common/caller';
import { CurrentCaller } from '../../common/graphql-context';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { OrgSnapshotEntity } from './org-snapshot.entity';
import { SnapshotsService } from './snapshots.service';

@Resolver(() => OrgSnapshotEntity)
export class SnapshotsResolver {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => OrgSnapshotEntity)
  snapshot(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<OrgSnapshotEntity> {
    return this.snapshots.get(caller, id);
  }

  @ResolveField(() => OrganizationEntity)
  organization(@CurrentCaller() caller: Caller, @Parent() snapshot: OrgSnapshotEntity): Promise<OrganizationEntity> {
    return this.organizations.get(caller, snapshot.organizationId);
  }
}
