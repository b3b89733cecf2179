import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DECISION_RIGHTS_SOURCE, type RoleDefinition } from '@rolemap/reports';
import { type Caller, PositionsService, RolePurposesService, SnapshotsService } from '@rolemap/server-core';
import { ReportsService } from '@rolemap/server-reports';
import { CurrentCaller } from '../../common/graphql-context';
import { EVERY_ROLE, HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { RoleDefinitionType, SetRolePurposeInput } from './dtos/role-definition.types';

@Resolver()
export class RoleDefinitionsResolver {
  constructor(
    private readonly positions: PositionsService,
    private readonly snapshots: SnapshotsService,
    private readonly reports: ReportsService,
    private readonly purposes: RolePurposesService,
  ) {}

  @RequireRole(EVERY_ROLE, { positionId: 'position' })
  @Query(() => RoleDefinitionType, {
    description:
      'The role definition of a position: purpose, key accountabilities, decision rights, line and span, mix, what to hand down and take on.',
  })
  async roleDefinition(
    @CurrentCaller() caller: Caller,
    @Args('positionId', { type: () => ID }) positionId: string,
  ): Promise<RoleDefinitionType> {
    return this.definitionOf(caller, positionId);
  }

  @RequireRole(HR_ONLY, { 'input.positionId': 'position' })
  @Mutation(() => RoleDefinitionType, {
    description:
      'Writes the purpose of a role (for its job title, or for this post only); an empty text goes back to the draft. Audited.',
  })
  async setRolePurpose(
    @CurrentCaller() caller: Caller,
    @Args('input', { type: () => SetRolePurposeInput }) input: SetRolePurposeInput,
  ): Promise<RoleDefinitionType> {
    const position = await this.positions.get(caller, input.positionId);
    const snapshot = await this.snapshots.get(caller, position.snapshotId);
    await this.purposes.setPurpose(caller, snapshot.organizationId, position, input.appliesTo, input.text);
    return this.definitionOf(caller, input.positionId);
  }

  private async definitionOf(caller: Caller, positionId: string): Promise<RoleDefinitionType> {
    const position = await this.positions.get(caller, positionId);
    const snapshot = await this.snapshots.get(caller, position.snapshotId);
    return toGraphql(await this.reports.roleDefinition(caller, snapshot, positionId));
  }
}

function toGraphql(role: RoleDefinition): RoleDefinitionType {
  return {
    positionId: role.positionId,
    title: role.title,
    tierLabel: role.tierLabel,
    purpose: role.purpose,
    manager: role.reportingLine[0] ?? null,
    dottedLineManagers: role.dottedLineManagers,
    directReports: role.directReports,
    totalReports: role.totalReports,
    keyAccountabilities: role.keyAccountabilities,
    decisionRights: role.decisionRights,
    decisionRightsSource: DECISION_RIGHTS_SOURCE,
    mix: role.mix,
    dataStatus: role.dataStatus,
    handDown: role.delegations.map((line) => ({
      findingKey: line.findingKey,
      responsibility: line.responsibility,
      sharePct: line.sharePct,
      delegate: line.delegate,
      noDelegateReason: line.delegate ? null : line.noDelegateReason,
      severityLabel: line.severityLabel,
    })),
    takeOn: role.levelsToTakeOn.map((item) => ({
      level: item.level,
      label: item.label,
      shortfallPoints: item.shortfallPoints,
      advice: item.advice,
    })),
  };
}
