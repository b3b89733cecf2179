import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DICTIONARY_LIMITS, LEVEL_SOURCES, type LevelSource } from '@rolemap/dictionary';
import { type ValueLevel } from '@rolemap/domain';
import { DICTIONARY_VERSION_SOURCES, type DictionaryVersionSource } from '@rolemap/server-core';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ValueLevelEnum } from '../../../common/graphql-enums';
import { ImportIssueType } from '../../imports/dtos/import.types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
export const LevelSourceEnum = enumOf(LEVEL_SOURCES);
export const DictionaryVersionSourceEnum = enumOf(DICTIONARY_VERSION_SOURCES);
registerEnumType(LevelSourceEnum, {
  name: 'DictionaryLevelSource',
  description: 'CONFIRMED: chosen by HR (or the starter dictionary); SUGGESTED: by the classifier, for HR to confirm.',
});
registerEnumType(DictionaryVersionSourceEnum, {
  name: 'DictionaryVersionSource',
  description: 'How the version was published: STARTER (the built-in dictionary), IMPORT (a file) or EDIT.',
});

@ObjectType('DictionaryProcess', { description: 'A process of a function, with how many activities it holds.' })
export class DictionaryProcessType {
  @Field() key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int) activityCount: number;
}

@ObjectType('DictionaryFunction', { description: 'A function (the top of the tree) with its processes.' })
export class DictionaryFunctionType {
  @Field() key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int) activityCount: number;
  @Field(() => [DictionaryProcessType]) processes: DictionaryProcessType[];
}

@ObjectType('DictionaryVersion', {
  description: 'One published, unchangeable version of an organization’s activity dictionary; a survey keeps it by id.',
})
export class DictionaryVersionType {
  @Field(() => ID, { description: 'The version id a survey keeps.' }) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => Int) version: number;
  @Field(() => DictionaryVersionSourceEnum) source: DictionaryVersionSource;
  @Field({ description: 'What changed from the previous version.' }) summary: string;
  @Field(() => Int, { description: 'Functions, processes and activities.' }) entryCount: number;
  @Field(() => Int) activityCount: number;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field() createdAt: Date;
  @Field({ description: 'Whether this is the organization’s current (latest) version.' }) current: boolean;
}

@ObjectType('DictionaryVersionPage')
export class DictionaryVersionPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [DictionaryVersionType]) nodes: DictionaryVersionType[];
}

@ObjectType('DictionaryTree', {
  description: 'A version with its functions and processes (activities are paged: dictionaryActivities).',
})
export class DictionaryTreeType {
  @Field(() => DictionaryVersionType) version: DictionaryVersionType;
  @Field(() => [DictionaryFunctionType]) functions: DictionaryFunctionType[];
}

@ObjectType('DictionaryActivity', { description: 'An activity with the function and process it sits under.' })
export class DictionaryActivityType {
  @Field(() => ID, { description: 'The activity in this version (what a survey answer points at).' }) id: string;
  @Field(() => ID) versionId: string;
  @Field({ description: 'The id in files, the same across versions.' }) key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => ValueLevelEnum) valueLevel: ValueLevel;
  @Field(() => LevelSourceEnum) levelSource: LevelSource;
  @Field() processKey: string;
  @Field() processLabel: string;
  @Field() functionKey: string;
  @Field() functionLabel: string;
}

@ObjectType('DictionaryActivityPage')
export class DictionaryActivityPageType {
  @Field(() => Int, { description: 'Activities matching the filter, over all pages.' }) totalCount: number;
  @Field(() => [DictionaryActivityType]) nodes: DictionaryActivityType[];
}

@ObjectType('ActivityLevelSuggestion', { description: 'The classifier’s suggestion for an activity’s wording.' })
export class ActivityLevelSuggestionType {
  @Field(() => ValueLevelEnum, { nullable: true, description: 'Null when the wording cannot be judged.' })
  level: ValueLevel | null;
  @Field(() => Float, { description: 'Calibrated probability (0-1).' }) confidence: number;
  @Field({ description: 'Whether the classifier would commit to it unprompted.' }) confident: boolean;
}

@ObjectType('DictionaryImportResult')
export class DictionaryImportResultType {
  @Field({ description: 'No errors: published (or, on a dry run, would be).' }) ok: boolean;
  @Field() dryRun: boolean;
  @Field({ description: 'The file equals the current version: nothing was published.' }) unchanged: boolean;
  @Field(() => DictionaryVersionType, { nullable: true, description: 'The version published.' })
  version: DictionaryVersionType | null;
  @Field(() => Int) entryCount: number;
  @Field(() => Int) activityCount: number;
  @Field(() => Int, { description: 'Activities the file gave no level, levelled by the classifier for HR to confirm.' })
  suggestedCount: number;
  @Field(() => [ImportIssueType]) errors: ImportIssueType[];
  @Field(() => [ImportIssueType]) warnings: ImportIssueType[];
}

@InputType('NewDictionaryEntryInput')
export class NewDictionaryEntryInput {
  @Field(() => String, {
    nullable: true,
    description: 'A process for a new activity, a function for a new process; none for a new function.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.keyLength)
  parentKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Chosen when absent (the next free number under the parent).' })
  @IsOptional()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.keyLength)
  key?: string | null;

  @Field()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.labelLength)
  label: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.descriptionLength)
  description?: string | null;

  @Field(() => ValueLevelEnum, { nullable: true, description: 'Activities only; absent, the classifier suggests one.' })
  @IsOptional()
  valueLevel?: ValueLevel | null;
}

@InputType('DictionaryEntryChangesInput', { description: 'What to change; fields left out stay as they are.' })
export class DictionaryEntryChangesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.labelLength)
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty text clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(DICTIONARY_LIMITS.descriptionLength)
  description?: string | null;

  @Field(() => ValueLevelEnum, { nullable: true, description: 'Activities only; confirms the level.' })
  @IsOptional()
  valueLevel?: ValueLevel | null;
}
