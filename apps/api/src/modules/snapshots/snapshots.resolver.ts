import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Caller,
  type OrganizationEntity,
  OrganizationsService,
  type OrgSnapshotEntity,
  SnapshotsService,
} from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { OrganizationModel } from '../organizations/organization.model';
import { OrgSnapshotModel } from './org-snapshot.model';
import { EVERY_ROLE, RequireRole } from '../auth/access-rule.decorator';

@Resolver(() => OrgSnapshotModel)
export class SnapshotsResolver {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @RequireRole(EVERY_ROLE, { id: 'snapshot' })
  @Query(() => OrgSnapshotModel)
  snapshot(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<OrgSnapshotEntity> {
    return this.snapshots.get(caller, id);
  }

  @ResolveField(() => OrganizationModel)
  organization(@CurrentCaller() caller: Caller, @Parent() snapshot: OrgSnapshotEntity): Promise<OrganizationEntity> {
    return this.organizations.get(caller, snapshot.organizationId);
  }
}
