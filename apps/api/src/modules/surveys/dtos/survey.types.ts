import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TIERS, type Tier, type ValueLevel } from '@rolemap/domain';
import {
  CAMPAIGN_SCOPES,
  type CampaignScopeKind,
  MAX_LINES,
  MAX_OTHER_TEXT,
  NON_RESPONDENT_POLICIES,
  type NonRespondentPolicy,
  SURVEY_MODES,
  type SurveyMode,
} from '@rolemap/surveys';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ResponsibilityLevelEnum, TierEnum, ValueLevelEnum } from '../../../common/graphql-enums';
import { ImportIssueType } from '../../imports/dtos/import.types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const SurveyModeEnum = enumOf(SURVEY_MODES);
export const CampaignScopeEnum = enumOf(CAMPAIGN_SCOPES);
export const NonRespondentPolicyEnum = enumOf(NON_RESPONDENT_POLICIES);
export const CampaignPhaseEnum = enumOf(['SCHEDULED', 'OPEN', 'ENDED', 'CLOSED'] as const);
export const ResponseStatusEnum = enumOf(['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED'] as const);
export const FormSideEnum = enumOf(['SELF', 'MANAGER'] as const);
export const InvitationDeliveryEnum = enumOf(['EMAIL', 'CSV'] as const);
registerEnumType(SurveyModeEnum, {
  name: 'SurveyMode',
  description:
    'SELF: each person fills in their own form; MANAGER: the line manager fills it in; BOTH: the person, then the manager reviews and adjusts.',
});
registerEnumType(CampaignScopeEnum, {
  name: 'CampaignScope',
  description: 'The whole organization, one department, or a leader’s subtree.',
});
registerEnumType(NonRespondentPolicyEnum, {
  name: 'NonRespondentPolicy',
  description:
    'At closing, people who did not answer keep the base snapshot’s responsibilities marked with their age (KEEP_PREVIOUS), or have none (NONE).',
});
registerEnumType(CampaignPhaseEnum, {
  name: 'CampaignPhase',
  description: 'Before the window, in it, after it, or closed into a snapshot.',
});
registerEnumType(ResponseStatusEnum, { name: 'SurveyResponseStatus' });
registerEnumType(FormSideEnum, {
  name: 'SurveyFormSide',
  description: 'SELF: one’s own form; MANAGER: a report’s, filled in or reviewed by their manager.',
});
registerEnumType(InvitationDeliveryEnum, {
  name: 'InvitationDelivery',
  description: 'EMAIL through the configured SMTP server, or CSV of links.',
});

@InputType('SurveyModeRuleInput')
export class SurveyModeRuleInput {
  @Field(() => String, { nullable: true, description: 'Only this department (exact name); null for any.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department: string | null;

  @Field(() => TierEnum, { nullable: true, description: 'Only positions of this tier; null for any.' })
  @IsOptional()
  @IsIn(TIERS)
  tier: Tier | null;

  @Field(() => SurveyModeEnum)
  @IsIn(SURVEY_MODES)
  mode: SurveyMode;
}

@InputType('CreateSurveyCampaignInput')
export class CreateSurveyCampaignInput {
  @Field(() => ID) @IsUUID() organizationId: string;
  @Field() @IsString() @MaxLength(200) name: string;
  @Field(() => ID, { description: 'The snapshot the campaign surveys (and closes into a new one from).' })
  @IsUUID()
  baseSnapshotId: string;
  @Field(() => CampaignScopeEnum) @IsIn(CAMPAIGN_SCOPES) scope: CampaignScopeKind;
  @Field(() => String, {
    nullable: true,
    description: 'The department’s name (DEPARTMENT) or the leader’s employee id (SUBTREE).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scopeValue?: string | null;
  @Field(() => SurveyModeEnum) @IsIn(SURVEY_MODES) defaultMode: SurveyMode;
  @Field(() => [SurveyModeRuleInput], { nullable: true, description: 'Modes for parts of the population; the first match wins.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurveyModeRuleInput)
  modeRules?: SurveyModeRuleInput[] | null;
  @Field() @IsDate() opensAt: Date;
  @Field() @IsDate() closesAt: Date;
  @Field(() => Float, { nullable: true, description: 'Lowest accepted total of the shares at submit (default 95).' })
  @IsOptional()
  minTotalPct?: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest accepted total (default 105).' })
  @IsOptional()
  maxTotalPct?: number | null;
  @Field(() => ID, { nullable: true, description: 'The dictionary version the forms offer; default the current one.' })
  @IsOptional()
  @IsUUID()
  dictionaryVersionId?: string | null;
}

@InputType('SurveyLineInput')
export class SurveyLineInput {
  @Field(() => ID, { nullable: true, description: 'A dictionary activity of the campaign’s version.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  activityId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'An activity written in ("other"); classified and listed for HR’s review.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_OTHER_TEXT * 2)
  otherText?: string | null;
  @Field(() => Float, { description: 'Percent of the week, 0-100.' }) sharePct: number;
}

@InputType('SurveyAnswersInput')
export class SurveyAnswersInput {
  @Field(() => Float, { nullable: true, description: 'Hours in a usual week (1-100).' }) @IsOptional() weeklyHours?:
    | number
    | null;
  @Field(() => [SurveyLineInput])
  @ArrayMaxSize(MAX_LINES * 2)
  @ValidateNested({ each: true })
  @Type(() => SurveyLineInput)
  lines: SurveyLineInput[];
}

@ObjectType('SurveyModeRule')
export class SurveyModeRuleType {
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => TierEnum, { nullable: true }) tier: Tier | null;
  @Field(() => SurveyModeEnum) mode: SurveyMode;
}

@ObjectType('SurveyClosingCoverage', { description: 'Where the closed snapshot’s responsibilities came from, per person.' })
export class SurveyClosingCoverageType {
  @Field(() => Int, { description: 'Asked and answered: what they reported.' }) surveyed: number;
  @Field(() => Int, { description: 'Asked, no answer: the base snapshot’s responsibilities, marked with their age.' })
  carried: number;
  @Field(() => Int, { description: 'Asked, no answer: no responsibilities.' }) none: number;
  @Field(() => Int, { description: 'Outside the scope: unchanged.' }) outside: number;
  @Field(() => Int, { description: 'Days from the base snapshot’s date to the new one (the age of carried work).' })
  carriedAgeDays: number;
  @Field(() => Int, { description: 'Written-in activities, classified at import.' }) writtenIn: number;
}

@ObjectType('SurveyCampaign')
export class SurveyCampaignType {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field(() => ID) baseSnapshotId: string;
  @Field(() => Int) baseSnapshotVersion: number;
  @Field(() => CampaignScopeEnum) scope: CampaignScopeKind;
  @Field(() => String, { nullable: true }) scopeValue: string | null;
  @Field(() => SurveyModeEnum) defaultMode: SurveyMode;
  @Field(() => [SurveyModeRuleType]) modeRules: SurveyModeRuleType[];
  @Field(() => ID, { nullable: true }) dictionaryVersionId: string | null;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => Float) minTotalPct: number;
  @Field(() => Float) maxTotalPct: number;
  @Field(() => CampaignPhaseEnum) phase: string;
  @Field(() => Int) participantCount: number;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => NonRespondentPolicyEnum, { nullable: true }) nonRespondents: NonRespondentPolicy | null;
  @Field(() => ID, { nullable: true }) resultSnapshotId: string | null;
  @Field(() => Int, { nullable: true }) resultSnapshotVersion: number | null;
  @Field(() => SurveyClosingCoverageType, { nullable: true }) closeCoverage: SurveyClosingCoverageType | null;
}

@ObjectType('SurveyCampaignPage')
export class SurveyCampaignPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [SurveyCampaignType]) nodes: SurveyCampaignType[];
}

@ObjectType('SurveyInvitationFailure')
export class SurveyInvitationFailureType {
  @Field() employeeId: string;
  @Field() error: string;
}

@ObjectType('SurveyInvitationResult')
export class SurveyInvitationResultType {
  @Field(() => Int, { description: 'Links issued; each replaces the person’s earlier link.' }) issued: number;
  @Field(() => Int) emailed: number;
  @Field(() => Int, { description: 'People without an e-mail address in the snapshot (their links are only in the CSV).' })
  withoutEmail: number;
  @Field(() => [SurveyInvitationFailureType]) failed: SurveyInvitationFailureType[];
  @Field(() => String, { nullable: true, description: 'employee_id,name,email,purpose,link,expires_at (delivery CSV).' })
  csv: string | null;
}

@ObjectType('SurveyRateGroup', { description: 'A response rate; groups under five people appear only pooled (key null).' })
export class SurveyRateGroupType {
  @Field(() => String, { nullable: true }) key: string | null;
  @Field() label: string;
  @Field(() => Int) groups: number;
  @Field(() => Int) invited: number;
  @Field(() => Int) responded: number;
  @Field(() => Float) rate: number;
}

@ObjectType('SurveyValueMix')
export class SurveyValueMixType {
  @Field(() => Float) IMPLEMENTATION: number;
  @Field(() => Float) UNIFICATION: number;
  @Field(() => Float) COMMUNICATION: number;
  @Field(() => Float) LEADERSHIP: number;
}

@ObjectType('SurveyGapGroup')
export class SurveyGapGroupType {
  @Field(() => String, { nullable: true }) key: string | null;
  @Field() label: string;
  @Field(() => Int) compared: number;
  @Field(() => Float) meanPoints: number;
}

@ObjectType('SurveyAdjustmentGap', {
  description: 'How far managers moved their people’s own answers (BOTH mode); shown from five compared forms on.',
})
export class SurveyAdjustmentGapType {
  @Field(() => Int) compared: number;
  @Field(() => Float, { description: 'Mean points of the week the manager moved.' }) meanPoints: number;
  @Field(() => Int, { description: 'Forms the manager moved by 10 points or more.' }) largeAdjustments: number;
  @Field(() => SurveyValueMixType) selfMix: Record<ValueLevel, number>;
  @Field(() => SurveyValueMixType) managerMix: Record<ValueLevel, number>;
  @Field(() => [SurveyGapGroupType]) byDepartment: SurveyGapGroupType[];
}

@ObjectType('SurveyWrittenInActivity', {
  description: 'An activity written in on the forms, with the classifier’s reading, for HR’s review.',
})
export class SurveyWrittenInActivityType {
  @Field() text: string;
  @Field(() => Int) count: number;
  @Field(() => ResponsibilityLevelEnum) suggestedLevel: string;
  @Field(() => Float) confidence: number;
}

@ObjectType('SurveyProgress')
export class SurveyProgressType {
  @Field(() => ID) campaignId: string;
  @Field(() => Int) invited: number;
  @Field(() => Int) responded: number;
  @Field(() => Float) rate: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) awaitingReview: number;
  @Field(() => [SurveyRateGroupType]) byDepartment: SurveyRateGroupType[];
  @Field(() => [SurveyRateGroupType]) byManager: SurveyRateGroupType[];
  @Field(() => SurveyAdjustmentGapType) gap: SurveyAdjustmentGapType;
  @Field(() => [SurveyWrittenInActivityType]) writtenIn: SurveyWrittenInActivityType[];
}

@ObjectType('SurveyMissingParticipant')
export class SurveyMissingParticipantType {
  @Field(() => ID) responseId: string;
  @Field() employeeId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => String, { nullable: true }) managerName: string | null;
  @Field(() => SurveyModeEnum) mode: SurveyMode;
  @Field(() => FormSideEnum, { description: 'Whose form is outstanding.' }) waitingFor: string;
  @Field(() => ResponseStatusEnum) status: string;
}

@ObjectType('SurveyMissingPage')
export class SurveyMissingPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [SurveyMissingParticipantType]) nodes: SurveyMissingParticipantType[];
}

@ObjectType('SurveyClosing')
export class SurveyClosingType {
  @Field(() => SurveyCampaignType) campaign: SurveyCampaignType;
  @Field(() => ID) snapshotId: string;
  @Field(() => Int) snapshotVersion: number;
  @Field(() => SurveyClosingCoverageType) coverage: SurveyClosingCoverageType;
}

@ObjectType('SurveyLine')
export class SurveyLineType {
  @Field(() => ID, { nullable: true }) activityId: string | null;
  @Field(() => String, { nullable: true }) otherText: string | null;
  @Field(() => Float) sharePct: number;
  @Field(() => ValueLevelEnum, {
    nullable: true,
    description: 'A written-in activity’s level as the answer gave it (the offline template); null: the classifier reads it.',
  })
  valueLevel?: ValueLevel | null;
}

@ObjectType('SurveyAnswers')
export class SurveyAnswersType {
  @Field(() => Float, { nullable: true }) weeklyHours: number | null;
  @Field(() => [SurveyLineType]) lines: SurveyLineType[];
}

@ObjectType('SurveyForm', { description: 'One form a participant fills in: their own, or a report’s as their line manager.' })
export class SurveyFormType {
  @Field(() => ID) responseId: string;
  @Field(() => ID) campaignId: string;
  @Field(() => ID, { description: 'The campaign’s organization.' }) organizationId: string;
  @Field() campaignName: string;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => CampaignPhaseEnum) phase: string;
  @Field(() => Float) minTotalPct: number;
  @Field(() => Float) maxTotalPct: number;
  @Field() subjectEmployeeId: string;
  @Field() subjectName: string;
  @Field(() => String, { nullable: true }) subjectTitle: string | null;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => FormSideEnum) side: string;
  @Field(() => SurveyModeEnum) mode: SurveyMode;
  @Field(() => ResponseStatusEnum) status: string;
  @Field(() => SurveyAnswersType) answers: SurveyAnswersType;
  @Field(() => SurveyAnswersType, { nullable: true, description: 'For a manager’s review: what the person said.' })
  selfAnswers: SurveyAnswersType | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the form cannot be changed now; null when it can.' })
  lockedReason: string | null;
}

@ObjectType('SurveyActivity')
export class SurveyActivityType {
  @Field(() => ID) id: string;
  @Field() label: string;
  @Field(() => ValueLevelEnum) valueLevel: ValueLevel;
  @Field(() => String, { nullable: true, description: 'The function it belongs to, for browsing.' }) functionName: string | null;
}

@ObjectType('SurveyActivities')
export class SurveyActivitiesType {
  @Field(() => ID, { nullable: true }) versionId: string | null;
  @Field(() => [SurveyActivityType]) activities: SurveyActivityType[];
}

@ObjectType('SurveyTemplateTeam', { description: 'A manager and the people of a campaign whose forms they fill in or review.' })
export class SurveyTemplateTeamType {
  @Field() leaderEmployeeId: string;
  @Field() leaderName: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => Int) members: number;
  @Field(() => Int, { description: 'Members whose answer is in.' }) answered: number;
}

@ObjectType('SurveyTemplateUpload', {
  description:
    'A filled-in team template: accepted whole (its people’s answers submitted as their manager’s), or refused with every error.',
})
export class SurveyTemplateUploadType {
  @Field() ok: boolean;
  @Field() dryRun: boolean;
  @Field(() => String, { nullable: true, description: 'The employee id of the manager whose team the file is for.' })
  leaderEmployeeId: string | null;
  @Field(() => [String], { description: 'Employee ids whose answers were taken (would be, on a dry run).' })
  submitted: string[];
  @Field(() => [String], { description: 'Employee ids whose rows were not read: they answered online already.' })
  skipped: string[];
  @Field(() => Int) rowCount: number;
  @Field(() => [ImportIssueType]) errors: ImportIssueType[];
  @Field(() => [ImportIssueType]) warnings: ImportIssueType[];
}
