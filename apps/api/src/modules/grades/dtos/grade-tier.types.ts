import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Tier } from '@rolemap/domain';
import { MAX_GRADE_EDITS } from '@rolemap/server-core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TierEnum } from '../../../common/graphql-enums';

@ObjectType('GradeTier', { description: 'A grade or job level of an organization and the tier it gives its positions.' })
export class GradeTierType {
  @Field({ description: 'The grade as the files (or HR) write it, e.g. "SCS2", "3", "M2".' }) grade: string;
  @Field(() => TierEnum, { nullable: true, description: 'Null when neither HR nor a known scheme gives one.' })
  tier: Tier | null;
  @Field({ description: 'HR (set in the table), DEFAULT (a scheme rolemap knows) or NONE (title and structure decide).' })
  source: string;
  @Field(() => String, { nullable: true, description: 'The known scheme behind a DEFAULT tier.' }) scheme: string | null;
  @Field(() => Int, { description: "Positions with this grade in the organization's latest snapshot." }) positions: number;
}

@InputType('GradeTierInput')
export class GradeTierInput {
  @Field() @IsString() @MaxLength(200) grade: string;
  @Field(() => TierEnum, { nullable: true, description: 'Null takes the grade out of the table (back to the default).' })
  @IsOptional()
  @IsIn([...Object.values(TierEnum), null])
  tier?: Tier | null;
}

@InputType('GradeTiersInput')
export class GradeTiersInput {
  @Field(() => [GradeTierInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADE_EDITS)
  @ValidateNested({ each: true })
  @Type(() => GradeTierInput)
  grades: GradeTierInput[];
}
