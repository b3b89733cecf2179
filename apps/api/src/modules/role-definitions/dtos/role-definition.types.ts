import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MAX_ROLE_PURPOSE_LENGTH, ROLE_PURPOSE_SCOPES, type RolePurposeScope, type ValueLevel } from '@rolemap/domain';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { ValueLevelEnum } from '../../../common/graphql-enums';

export const RolePurposeScopeEnum = Object.fromEntries(ROLE_PURPOSE_SCOPES.map((scope) => [scope, scope])) as {
  [K in RolePurposeScope]: K;
};
registerEnumType(RolePurposeScopeEnum, {
  name: 'RolePurposeScope',
  description: 'TITLE: every position with the job title; POSITION: this post only (wins over its title’s).',
});

@ObjectType('RolePurpose', {
  description: 'Why the role exists: HR’s paragraph, or a draft generated from the tier and main accountabilities.',
})
export class RolePurposeType {
  @Field() text: string;
  @Field({ description: 'WRITTEN by HR, or DRAFT (generated; show it as a draft).' }) status: string;
  @Field(() => RolePurposeScopeEnum, { nullable: true }) appliesTo: RolePurposeScope | null;
  @Field(() => String, { nullable: true }) setBy: string | null;
  @Field(() => String, { nullable: true, description: 'ISO timestamp.' }) setAt: string | null;
}

@ObjectType('RoleRef')
export class RoleRefType {
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field(() => String, { nullable: true, description: 'Null for a vacant post.' }) name: string | null;
  @Field() title: string;
}

@ObjectType('Accountability')
export class AccountabilityType {
  @Field(() => ID) responsibilityId: string;
  @Field() title: string;
  @Field(() => Float) sharePct: number;
  @Field({ description: 'Held since before the holder’s last promotion.' }) carriedOver: boolean;
}

@ObjectType('AccountabilityGroup', { description: 'The key accountabilities at one value level.' })
export class AccountabilityGroupType {
  @Field(() => ValueLevelEnum) level: ValueLevel;
  @Field() label: string;
  @Field(() => Float, { description: 'The level’s share of the role’s time.' }) sharePct: number;
  @Field(() => Float, { description: 'What the tier is expected to spend at the level.' }) expectedPct: number;
  @Field(() => [AccountabilityType]) items: AccountabilityType[];
  @Field(() => Int, { description: 'Smaller responsibilities of the level left out.' }) otherCount: number;
  @Field(() => Float) otherSharePct: number;
}

@ObjectType('DecisionRight', {
  description: 'What the role decides, recommends or is consulted on at one level, from the policy.',
})
export class DecisionRightType {
  @Field(() => ValueLevelEnum) level: ValueLevel;
  @Field() label: string;
  @Field({ description: 'DECIDES, RECOMMENDS or CONSULTED.' }) right: string;
  @Field() rightLabel: string;
  @Field() matter: string;
  @Field(() => Float) expectedPct: number;
  @Field() basis: string;
}

@ObjectType('RoleMixLine')
export class RoleMixLineType {
  @Field(() => ValueLevelEnum) level: ValueLevel;
  @Field() label: string;
  @Field(() => Float) expectedPct: number;
  @Field(() => Float) actualPct: number;
  @Field(() => Float) gapPoints: number;
}

@ObjectType('HandDown', { description: 'Work below the role’s level to hand down, with the named delegate or why nobody.' })
export class HandDownType {
  @Field() findingKey: string;
  @Field() responsibility: string;
  @Field(() => Float) sharePct: number;
  @Field(() => RoleRefType, { nullable: true }) delegate: RoleRefType | null;
  @Field(() => String, { nullable: true }) noDelegateReason: string | null;
  @Field() severityLabel: string;
}

@ObjectType('TakeOn', { description: 'A level the role does clearly less of than its tier calls for.' })
export class TakeOnType {
  @Field(() => ValueLevelEnum) level: ValueLevel;
  @Field() label: string;
  @Field(() => Float) shortfallPoints: number;
  @Field() advice: string;
}

@ObjectType('RoleDefinition', { description: 'A position’s role definition, as the role report prints it.' })
export class RoleDefinitionType {
  @Field(() => ID) positionId: string;
  @Field() title: string;
  @Field() tierLabel: string;
  @Field(() => RolePurposeType) purpose: RolePurposeType;
  @Field(() => RoleRefType, { nullable: true, description: 'Null at the top of the chart.' }) manager: RoleRefType | null;
  @Field(() => [RoleRefType]) dottedLineManagers: RoleRefType[];
  @Field(() => Int) directReports: number;
  @Field(() => Int, { description: 'Everyone beneath the role, directly or not.' }) totalReports: number;
  @Field(() => [AccountabilityGroupType]) keyAccountabilities: AccountabilityGroupType[];
  @Field(() => [DecisionRightType]) decisionRights: DecisionRightType[];
  @Field({ description: 'Where decision rights come from.' }) decisionRightsSource: string;
  @Field(() => [RoleMixLineType], { description: 'Expected vs actual level mix, highest level first.' })
  mix: RoleMixLineType[];
  @Field({ description: 'RECORDED, NO_RESPONSIBILITIES or LEVELS_NEED_REVIEW (no mix to compare).' }) dataStatus: string;
  @Field(() => [HandDownType]) handDown: HandDownType[];
  @Field(() => [TakeOnType]) takeOn: TakeOnType[];
}

@InputType('SetRolePurposeInput')
export class SetRolePurposeInput {
  @Field(() => ID) @IsUUID() positionId: string;
  @Field(() => RolePurposeScopeEnum, { defaultValue: 'TITLE' })
  @IsIn(ROLE_PURPOSE_SCOPES, { message: 'appliesTo must be TITLE or POSITION' })
  appliesTo: RolePurposeScope;
  @Field({
    description: `One paragraph, at most ${MAX_ROLE_PURPOSE_LENGTH} characters; empty removes it (back to the draft).`,
  })
  @IsString()
  // The service gives the precise error after collapsing white space; this only bounds the request.
  @MaxLength(MAX_ROLE_PURPOSE_LENGTH * 2, { message: `text: at most ${MAX_ROLE_PURPOSE_LENGTH} characters` })
  text: string;
}
