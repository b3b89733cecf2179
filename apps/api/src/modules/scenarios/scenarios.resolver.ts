import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, ScenariosService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_AND_LEADERS, HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { ScenarioEditInput, ScenarioScoreType, ScenarioTrackingType, ScenarioType } from './dtos/scenario.types';
import { toScenarioType, toScoreType, toTrackingType } from './scenario-mapper';

const SCENARIO = { scenarioId: 'scenario' } as const;
const VERSION_ARG = {
  type: () => Int,
  nullable: true,
  description: 'The version you last saw: refused with CONFLICT when someone else changed the scenario since.',
} as const;

/** Scenarios and delegation plans: HR admins in the whole organization, leaders within their own subtree. */
@Resolver(() => ScenarioType)
export class ScenariosResolver {
  constructor(private readonly service: ScenariosService) {}

  @RequireRole(HR_AND_LEADERS, { organizationId: 'organization', snapshotId: 'snapshot' })
  @Query(() => [ScenarioType], { description: 'The organization’s scenarios (a leader: their own), newest first.' })
  async scenarios(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('snapshotId', { type: () => ID, nullable: true }) snapshotId?: string | null,
  ): Promise<ScenarioType[]> {
    return (await this.service.list(caller, organizationId, snapshotId)).map(toScenarioType);
  }

  @RequireRole(HR_AND_LEADERS, { id: 'scenario' })
  @Query(() => ScenarioType)
  async scenario(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<ScenarioType> {
    return toScenarioType(await this.service.get(caller, id));
  }

  @RequireRole(HR_AND_LEADERS, { id: 'scenario' })
  @Query(() => ScenarioScoreType, { description: 'The analysis with the edits applied, against the snapshot’s own.' })
  async scenarioScore(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<ScenarioScoreType> {
    return toScoreType(await this.service.score(caller, id));
  }

  @RequireRole(HR_AND_LEADERS, { organizationId: 'organization' })
  @Query(() => [ScenarioScoreType], { description: 'Up to 5 scenarios of the organization scored side by side.' })
  async compareScenarios(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('scenarioIds', { type: () => [ID] }) scenarioIds: string[],
  ): Promise<ScenarioScoreType[]> {
    return (await this.service.compare(caller, organizationId, scenarioIds)).map(toScoreType);
  }

  @RequireRole(HR_AND_LEADERS, { id: 'scenario', snapshotId: 'snapshot' })
  @Query(() => ScenarioTrackingType, {
    description: 'An approved plan against a later snapshot (default: the next one): done, partly done, not done per edit.',
  })
  async scenarioTracking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('snapshotId', { type: () => ID, nullable: true }) snapshotId?: string | null,
  ): Promise<ScenarioTrackingType> {
    return toTrackingType(await this.service.track(caller, id, snapshotId));
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot' })
  @Mutation(() => ScenarioType, { description: 'A new draft scenario over the snapshot (a leader’s: within their subtree).' })
  async createScenario(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('name') name: string,
    @Args('notes', { type: () => String, nullable: true }) notes?: string | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.create(caller, snapshotId, { name, notes }));
  }

  @RequireRole(HR_AND_LEADERS, SCENARIO)
  @Mutation(() => ScenarioType, {
    description: 'Appends edits, each checked against the chart as the edits before it leave it; none is kept when one fails.',
  })
  async addScenarioEdits(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('edits', { type: () => [ScenarioEditInput] }) edits: ScenarioEditInput[],
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(
      await this.service.addEdits(caller, scenarioId, edits as unknown as Record<string, unknown>[], { expectedVersion }),
    );
  }

  @RequireRole(HR_AND_LEADERS, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'Takes back the latest edit.' })
  async undoScenarioEdit(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.undo(caller, scenarioId, { expectedVersion }));
  }

  @RequireRole(HR_AND_LEADERS, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'Renames a scenario or changes its notes.' })
  async updateScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
    @Args('notes', { type: () => String, nullable: true }) notes?: string | null,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.rename(caller, scenarioId, { name, notes }, { expectedVersion }));
  }

  @RequireRole(HR_AND_LEADERS, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'Submits a draft for HR’s approval (PROPOSED).' })
  async submitScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.submit(caller, scenarioId, { expectedVersion }));
  }

  @RequireRole(HR_ONLY, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'HR approves a proposed scenario; it is then tracked against later snapshots.' })
  async approveScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.decide(caller, scenarioId, 'APPROVED', note ?? null, { expectedVersion }));
  }

  @RequireRole(HR_ONLY, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'HR rejects a proposed scenario (with a note for its owner).' })
  async rejectScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.decide(caller, scenarioId, 'REJECTED', note ?? null, { expectedVersion }));
  }

  @RequireRole(HR_AND_LEADERS, SCENARIO)
  @Mutation(() => ScenarioType, { description: 'A proposed or rejected scenario back to a draft.' })
  async reopenScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.reopen(caller, scenarioId, { expectedVersion }));
  }

  @RequireRole(HR_AND_LEADERS, { scenarioId: 'scenario', snapshotId: 'snapshot' })
  @Mutation(() => ScenarioType, {
    description:
      'Moves the scenario onto a newer snapshot (default: the latest); edits that no longer apply are listed in droppedEdits.',
  })
  async rebaseScenario(
    @CurrentCaller() caller: Caller,
    @Args('scenarioId', { type: () => ID }) scenarioId: string,
    @Args('snapshotId', { type: () => ID, nullable: true }) snapshotId?: string | null,
    @Args('expectedVersion', VERSION_ARG) expectedVersion?: number | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.rebase(caller, scenarioId, snapshotId ?? null, { expectedVersion }));
  }

  @RequireRole(HR_AND_LEADERS, { snapshotId: 'snapshot' })
  @Mutation(() => ScenarioType, {
    description:
      '“Plan this delegation”: adds a delegation gap’s move (to the suggested delegate, with its hand-offs, or to `delegate`) to your draft delegation plan for the snapshot.',
  })
  async planDelegation(
    @CurrentCaller() caller: Caller,
    @Args('snapshotId', { type: () => ID }) snapshotId: string,
    @Args('findingKey') findingKey: string,
    @Args('delegate', { type: () => String, nullable: true, description: 'Employee id of another delegate.' })
    delegate?: string | null,
  ): Promise<ScenarioType> {
    return toScenarioType(await this.service.planDelegation(caller, snapshotId, findingKey, delegate ?? null));
  }
}
