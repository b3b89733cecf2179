import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EDIT_PROGRESS,
  type EditProgress,
  type FindingKind,
  SCENARIO_EDIT_KINDS,
  SCENARIO_STATUSES,
  type ResponsibilityLevel,
  type ScenarioEditKind,
  type ScenarioStatus,
  type Tier,
} from '@rolemap/domain';
import { SCENARIO_KINDS, type ScenarioKind } from '@rolemap/server-core';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ResponsibilityLevelEnum, TierEnum } from '../../../common/graphql-enums';
import { FindingKindEnum, PositionMixType } from '../../analysis/dtos/analysis.types';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ScenarioStatusEnum = enumOf(SCENARIO_STATUSES);
export const ScenarioKindEnum = enumOf(SCENARIO_KINDS);
export const ScenarioEditKindEnum = enumOf(SCENARIO_EDIT_KINDS);
export const EditProgressEnum = enumOf(EDIT_PROGRESS);
registerEnumType(ScenarioStatusEnum, {
  name: 'ScenarioStatus',
  description: 'DRAFT (takes edits) → PROPOSED (submitted for HR) → APPROVED or REJECTED.',
});
registerEnumType(ScenarioKindEnum, { name: 'ScenarioKind', description: 'A what-if scenario, or a leader’s delegation plan.' });
registerEnumType(ScenarioEditKindEnum, { name: 'ScenarioEditKind' });
registerEnumType(EditProgressEnum, {
  name: 'EditProgress',
  description: 'Whether a later snapshot shows an approved edit: DONE, PARTLY_DONE or NOT_DONE.',
});

const TEXT_MAX = 2000;

/**
 * One edit. Positions are named by their stable key (employee id, or a vacancy's post
 * reference), responsibilities by holder and title. Which fields count depends on `kind`.
 */
@InputType('ScenarioEditInput')
export class ScenarioEditInput {
  @Field(() => ScenarioEditKindEnum) kind: ScenarioEditKind;
  @Field(() => String, { nullable: true, description: 'MOVE_RESPONSIBILITY: who hands it over.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'MOVE_RESPONSIBILITY: who takes it on.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  to?: string | null;
  @Field(() => String, { nullable: true, description: 'The position edited, moved, created or closed.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;
  @Field(() => String, { nullable: true, description: 'The responsibility’s title (case and spacing do not matter).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  responsibility?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) newTitle?: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Percent of the holder’s time: moved (all of it when omitted), added or set.',
  })
  @IsOptional()
  sharePct?: number | null;
  @Field(() => ResponsibilityLevelEnum, { nullable: true }) @IsOptional() valueLevel?: ResponsibilityLevel | null;
  @Field(() => String, { nullable: true, description: 'MOVE_POSITION, MOVE_TEAM: the new manager.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toManager?: string | null;
  @Field(() => String, { nullable: true, description: 'MOVE_TEAM: whose direct reports move.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fromManager?: string | null;
  @Field(() => String, { nullable: true, description: 'CREATE_POSITION: the new post’s manager.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  manager?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string | null;
  @Field(() => TierEnum, { nullable: true }) @IsOptional() tier?: Tier | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) department?: string | null;
}

@ObjectType('ScenarioEdit', { description: 'One edit of a scenario, numbered from 1 in its order.' })
export class ScenarioEditType {
  @Field(() => Int) number: number;
  @Field(() => ScenarioEditKindEnum) kind: ScenarioEditKind;
  @Field({ description: 'The edit in words.' }) description: string;
  @Field(() => String, { nullable: true }) from: string | null;
  @Field(() => String, { nullable: true }) to: string | null;
  @Field(() => String, { nullable: true }) position: string | null;
  @Field(() => String, { nullable: true }) responsibility: string | null;
  @Field(() => String, { nullable: true }) newTitle: string | null;
  @Field(() => Float, { nullable: true }) sharePct: number | null;
  @Field(() => ResponsibilityLevelEnum, { nullable: true }) valueLevel: ResponsibilityLevel | null;
  @Field(() => String, { nullable: true }) toManager: string | null;
  @Field(() => String, { nullable: true }) fromManager: string | null;
  @Field(() => String, { nullable: true }) manager: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => TierEnum, { nullable: true }) tier: Tier | null;
  @Field(() => String, { nullable: true }) department: string | null;
}

@ObjectType('ScenarioEditProblem', { description: 'An edit that does not apply (after a rebase), and why.' })
export class ScenarioEditProblemType {
  @Field(() => Int) number: number;
  @Field() description: string;
  @Field() message: string;
  @Field(() => ScenarioEditType) edit: ScenarioEditType;
}

@ObjectType('Scenario', { description: 'A named, editable what-if over one snapshot: an ordered list of edits.' })
export class ScenarioType {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => ID, { description: 'The snapshot the edits apply to.' }) snapshotId: string;
  @Field() name: string;
  @Field(() => ScenarioKindEnum) kind: ScenarioKind;
  @Field(() => ScenarioStatusEnum) status: ScenarioStatus;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field() ownerName: string;
  @Field(() => String, {
    nullable: true,
    description: 'Employee id heading the part of the chart its edits may touch (a leader’s own post); null for the whole chart.',
  })
  scopeEmployeeId: string | null;
  @Field(() => Int, { description: 'Bumped by every change; send it back as expectedVersion to be told of others’ changes.' })
  version: number;
  @Field(() => [ScenarioEditType]) edits: ScenarioEditType[];
  @Field(() => [ScenarioEditProblemType], { description: 'Edits the last rebase could not carry over, with why.' })
  droppedEdits: ScenarioEditProblemType[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType('BeforeAfter', { description: 'A figure in the base snapshot and with the scenario’s edits.' })
export class BeforeAfterType {
  @Field(() => Float, { nullable: true }) before: number | null;
  @Field(() => Float, { nullable: true }) after: number | null;
}

@ObjectType('KindBeforeAfter')
export class KindBeforeAfterType extends BeforeAfterType {
  @Field(() => FindingKindEnum) kind: FindingKind;
}

@ObjectType('TierBeforeAfter')
export class TierBeforeAfterType extends BeforeAfterType {
  @Field(() => TierEnum) tier: Tier;
}

@ObjectType('ScenarioFinding', { description: 'A finding of the base or of the scenario.' })
export class ScenarioFindingType {
  @Field() key: string;
  @Field(() => FindingKindEnum) kind: FindingKind;
  @Field(() => Float) severity: number;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field(() => String, { nullable: true }) personName: string | null;
  @Field() explanation: string;
}

@ObjectType('AffectedPosition', {
  description: 'Someone the scenario changes: their mix, manager and findings before and after.',
})
export class AffectedPositionType {
  @Field() externalId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() title: string;
  @Field(() => TierEnum) tier: Tier;
  @Field(() => PositionMixType, { nullable: true, description: 'Null for a post the scenario creates.' })
  before: PositionMixType | null;
  @Field(() => PositionMixType, { nullable: true, description: 'Null for a post the scenario closes.' })
  after: PositionMixType | null;
  @Field(() => String, { nullable: true }) managerBefore: string | null;
  @Field(() => String, { nullable: true }) managerAfter: string | null;
  @Field(() => [ScenarioFindingType]) findingsBefore: ScenarioFindingType[];
  @Field(() => [ScenarioFindingType]) findingsAfter: ScenarioFindingType[];
}

@ObjectType('ScenarioScore', {
  description: 'The analysis with the scenario’s edits applied, against the base (a leader sees their part of the chart).',
})
export class ScenarioScoreType {
  @Field(() => ScenarioType) scenario: ScenarioType;
  @Field(() => [KindBeforeAfterType]) findingsByKind: KindBeforeAfterType[];
  @Field(() => BeforeAfterType) findingCount: BeforeAfterType;
  @Field(() => [ScenarioFindingType], { description: 'Findings the edits make disappear.' }) resolved: ScenarioFindingType[];
  @Field(() => [ScenarioFindingType], { description: 'Findings the edits bring (e.g. an overloaded delegate).' })
  introduced: ScenarioFindingType[];
  @Field(() => BeforeAfterType, { description: 'Of the time leaders describe, the percent below their level.' })
  leaderTimeBelowLevelPct: BeforeAfterType;
  @Field(() => BeforeAfterType) leaderTacticalLoadPct: BeforeAfterType;
  @Field(() => [TierBeforeAfterType], { description: 'Mean implementation points above the tier’s expectation.' })
  tacticalGapByTier: TierBeforeAfterType[];
  @Field(() => BeforeAfterType) meanSpan: BeforeAfterType;
  @Field(() => BeforeAfterType) maxSpan: BeforeAfterType;
  @Field(() => BeforeAfterType, { description: 'Reporting levels from the top to the deepest post.' }) layers: BeforeAfterType;
  @Field(() => BeforeAfterType, { description: 'Positions booked past 100% of their time.' }) overCapacity: BeforeAfterType;
  @Field(() => [AffectedPositionType]) affected: AffectedPositionType[];
  @Field(() => [ScenarioEditProblemType], { description: 'Stored edits that no longer apply (e.g. after an erasure).' })
  problems: ScenarioEditProblemType[];
}

@ObjectType('EditTracking', { description: 'One edit of an approved plan against a later snapshot.' })
export class EditTrackingType {
  @Field(() => Int) number: number;
  @Field() description: string;
  @Field(() => EditProgressEnum) progress: EditProgress;
  @Field() detail: string;
}

@ObjectType('ScenarioTracking', { description: '“Was the delegation done?” An approved plan against a later snapshot.' })
export class ScenarioTrackingType {
  @Field(() => ScenarioType) scenario: ScenarioType;
  @Field(() => ID) snapshotId: string;
  @Field(() => Int) snapshotVersion: number;
  @Field() snapshotAsOf: string;
  @Field(() => [EditTrackingType]) edits: EditTrackingType[];
  @Field(() => Int) done: number;
  @Field(() => Int) partlyDone: number;
  @Field(() => Int) notDone: number;
}
