import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MAX_STATEMENT_LENGTH } from '@rolemap/analysis';
import { VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ResponsibilityLevelEnum, ValueLevelEnum } from '../../../common/graphql-enums';

@ObjectType('ReviewSamplePosition', { description: 'One of the positions holding a wording that awaits review.' })
export class ReviewSamplePositionType {
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true, description: 'Null for a vacant post.' }) employeeId: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() title: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => Float) sharePct: number;
}

@ObjectType('ClassificationQueueGroup', {
  description: 'Every responsibility of the snapshot with the same (normalised) wording that awaits review.',
})
export class ClassificationQueueGroupType {
  @Field({ description: 'What confirmValueLevels names: the normalised wording.' }) key: string;
  @Field({ description: 'The wording as its first holder wrote it.' }) text: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int, { description: 'Responsibilities with this wording in the queue.' }) count: number;
  @Field(() => Int, { description: 'Of them, on vacant posts (settled by the confirmed wording, not a per-person override).' })
  vacantCount: number;
  @Field(() => Float, { description: 'Their shares of time added up.' }) totalSharePct: number;
  @Field(() => ResponsibilityLevelEnum, { description: 'UNCLASSIFIED, or the level committed with low confidence.' })
  level: string;
  @Field(() => ValueLevelEnum, { nullable: true, description: 'The likeliest level; null when the text cannot be read.' })
  suggestedLevel: ValueLevel | null;
  @Field(() => Float, { description: 'Calibrated probability of the suggestion (0-1).' }) confidence: number;
  @Field(() => ValueLevelEnum, { nullable: true }) runnerUp: ValueLevel | null;
  @Field(() => Float) runnerUpConfidence: number;
  @Field(() => [String], { description: 'The words that weighed most for the suggestion over the runner-up.' })
  decidingWords: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Why it is UNCLASSIFIED (EMPTY, TOO_LONG, NO_WORDS, NOT_ENGLISH, UNKNOWN_WORDING, LOW_CONFIDENCE).',
  })
  reason: string | null;
  @Field({ description: 'Why it is listed, in words.' }) reasonText: string;
  @Field(() => [ReviewSamplePositionType], { description: 'Up to five of the positions holding it.' })
  samplePositions: ReviewSamplePositionType[];
}

@ObjectType('ClassificationQueue', {
  description: 'Responsibilities of a snapshot the classifier left UNCLASSIFIED or placed with low confidence, by wording.',
})
export class ClassificationQueueType {
  @Field(() => ID) snapshotId: string;
  @Field(() => Int, { description: 'Responsibilities in the queue.' }) responsibilityCount: number;
  @Field(() => Int) unclassifiedCount: number;
  @Field(() => Int) lowConfidenceCount: number;
  @Field(() => Int, { description: 'Wordings in the queue (groups), all pages.' }) groupCount: number;
  @Field(() => [ClassificationQueueGroupType], { description: 'Most responsibilities first.' })
  groups: ClassificationQueueGroupType[];
}

@InputType('ValueLevelConfirmationInput')
export class ValueLevelConfirmationInput {
  @Field({ description: 'A group key from classificationQueue.' })
  @IsString()
  // A key is a normalised statement; statements are at most 2,000 characters, spelt-out shorthand a little longer.
  @MaxLength(MAX_STATEMENT_LENGTH * 2)
  key: string;

  @Field(() => ValueLevelEnum)
  @IsIn(VALUE_LEVELS)
  level: ValueLevel;
}

@ObjectType('ValueLevelConfirmationResult')
export class ValueLevelConfirmationResultType {
  @Field(() => Int, { description: 'Wordings confirmed.' }) confirmed: number;
  @Field(() => Int, { description: 'Per-person value-level overrides written (kept across snapshots).' }) overrides: number;
  @Field(() => Int, { description: 'Responsibilities still in the snapshot’s queue.' }) remaining: number;
}
