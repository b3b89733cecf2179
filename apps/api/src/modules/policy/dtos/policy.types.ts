import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { type DeepPartialPolicy, TIERS, type Tier, type ValueLevelPolicy } from '@rolemap/domain';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TierEnum } from '../../../common/graphql-enums';
import { ValueMixType } from '../../analysis/dtos/analysis.types';

@ObjectType('TierMix')
export class TierMixType {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => ValueMixType) mix: ValueMixType;
}

@ObjectType('PolicyThresholds')
export class PolicyThresholdsType {
  @Field(() => Float) promotionWindowMonths: number;
  @Field(() => Float) implementationExcessPoints: number;
  @Field(() => Float) carriedOverSharePct: number;
  @Field(() => Float) delegationMinSharePct: number;
  @Field(() => Float) managerImplementationExcessPoints: number;
  @Field(() => Float) pigeonholeMinRating: number;
  @Field(() => Float) pigeonholeMinYearsInRole: number;
  @Field(() => Float) pigeonholeMinImplementationPct: number;
  @Field(() => Float) spanMin: number;
  @Field(() => Float) spanMax: number;
  @Field(() => Float) maxLayers: number;
}

@ObjectType('Policy', { description: 'Expected value-level mix per tier and the thresholds the analysis uses.' })
export class PolicyType {
  @Field(() => [TierMixType]) expectedMix: TierMixType[];
  @Field(() => PolicyThresholdsType) thresholds: PolicyThresholdsType;

  static from(policy: ValueLevelPolicy): PolicyType {
    return {
      expectedMix: TIERS.map((tier) => ({ tier, mix: ValueMixType.from(policy.expectedMix[tier]) })),
      thresholds: { ...policy.thresholds },
    };
  }
}

@InputType('TierMixInput')
export class TierMixInput {
  @Field(() => TierEnum)
  @IsIn(TIERS)
  tier: Tier;

  @Field(() => Float) @IsNumber() @Min(0) @Max(100) implementation: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) unification: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) communication: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) leadership: number;
}

@InputType('PolicyThresholdsInput')
export class PolicyThresholdsInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) promotionWindowMonths?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) implementationExcessPoints?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) carriedOverSharePct?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) delegationMinSharePct?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) managerImplementationExcessPoints?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(1) @Max(5) pigeonholeMinRating?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) pigeonholeMinYearsInRole?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) pigeonholeMinImplementationPct?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) spanMin?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(1) spanMax?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(1) maxLayers?: number;
}

@InputType('PolicyInput', { description: 'Only what changes; the rest keeps its current value.' })
export class PolicyInput {
  @Field(() => [TierMixInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TierMixInput)
  expectedMix?: TierMixInput[];

  @Field(() => PolicyThresholdsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyThresholdsInput)
  thresholds?: PolicyThresholdsInput;
}

/**
 * The edit a PolicyInput asks for, over the policy in force: tiers and thresholds not sent keep
 * their values. Validated input objects carry every declared field, unset ones as undefined.
 */
export function policyEdit(current: ValueLevelPolicy, input: PolicyInput): DeepPartialPolicy {
  const sentThresholds = Object.fromEntries(
    Object.entries(input.thresholds ?? {}).filter(([, value]) => value !== undefined && value !== null),
  );
  const expectedMix = { ...current.expectedMix };
  for (const row of input.expectedMix ?? []) {
    expectedMix[row.tier] = {
      IMPLEMENTATION: row.implementation,
      UNIFICATION: row.unification,
      COMMUNICATION: row.communication,
      LEADERSHIP: row.leadership,
    };
  }
  return { expectedMix, thresholds: { ...current.thresholds, ...sentThresholds } };
}
