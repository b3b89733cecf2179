import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DELEGATION_OUTCOMES,
  type DelegationOutcome,
  FINDING_KINDS,
  type FindingKind,
  NOT_CHECKED_REASONS,
  type NotCheckedReason,
  REVIEW_STATUSES,
  type ReviewStatus,
  type ValueMix,
} from '@rolemap/domain';
import { IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TierEnum, TierSourceEnum, ValueLevelEnum } from '../../../common/graphql-enums';
import { sensitive } from '../../auth/sensitive-field';
import { FindingActionType } from '../../actions/dtos/actions.types';

export const FindingKindEnum = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, kind])) as { [K in FindingKind]: K };
export const ReviewStatusEnum = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, status])) as {
  [K in ReviewStatus]: K;
};
export const DelegationOutcomeEnum = Object.fromEntries(DELEGATION_OUTCOMES.map((outcome) => [outcome, outcome])) as {
  [K in DelegationOutcome]: K;
};
export const NotCheckedReasonEnum = Object.fromEntries(NOT_CHECKED_REASONS.map((reason) => [reason, reason])) as {
  [K in NotCheckedReason]: K;
};
registerEnumType(FindingKindEnum, { name: 'FindingKind' });
registerEnumType(DelegationOutcomeEnum, {
  name: 'DelegationOutcome',
  description:
    'How a delegation gap can be closed: DELEGATE_HAS_ROOM, DELEGATE_MAKES_ROOM (with hand-offs), PEER_TEAM, NO_ROOM (hire or re-scope), NO_DELEGATE.',
});
registerEnumType(NotCheckedReasonEnum, {
  name: 'NotCheckedReason',
  description: 'Why a rule could not judge a position: the data it needs is missing.',
});
registerEnumType(ReviewStatusEnum, {
  name: 'ReviewStatus',
  description: 'OPEN until a leader accepts or dismisses the finding.',
});

@ObjectType('ValueMix', { description: 'Percent of time per value level.' })
export class ValueMixType {
  @Field(() => Float) implementation: number;
  @Field(() => Float) unification: number;
  @Field(() => Float) communication: number;
  @Field(() => Float) leadership: number;

  static from(mix: Readonly<ValueMix>): ValueMixType {
    return {
      implementation: mix.IMPLEMENTATION,
      unification: mix.UNIFICATION,
      communication: mix.COMMUNICATION,
      leadership: mix.LEADERSHIP,
    };
  }
}

@ObjectType('PositionMix', { description: 'What a position spends its time on, against what its tier should.' })
export class PositionMixType {
  @Field(() => ID) positionId: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => ValueMixType) actual: ValueMixType;
  @Field(() => ValueMixType) expected: ValueMixType;
  @Field(() => ValueMixType, { description: 'actual − expected, in points.' }) gap: ValueMixType;
  @Field(() => Float, { description: 'Sum of the responsibilities’ shares of time.' }) allocatedPct: number;
  @Field(() => Float) unallocatedPct: number;
  @Field(() => Float) overallocatedPct: number;
  @Field(() => Float, { description: 'Time in UNCLASSIFIED responsibilities: counted as taken, left out of the mix.' })
  unclassifiedPct: number;
  @Field(() => Int, { description: 'Responsibilities that need review of their level.' }) unclassifiedCount: number;
  @Field(() => Float, { description: 'Implementation points above the tier’s expectation.' }) implementationExcess: number;
  @Field(() => Float, { description: 'Time in responsibilities held since before the last promotion.' }) carriedOverPct: number;
  @Field(() => Float, { description: '0-1 score the chart colours by.' }) tacticalGap: number;
  @Field({ description: 'At least one responsibility is recorded; false: the work is unknown, so the mix and gap say nothing.' })
  hasData: boolean;
}

@ObjectType('DelegationHandOff', {
  description: 'One knock-on step of a delegation: `from` hands one of their responsibilities to `to`.',
})
export class DelegationHandOffType {
  @Field() fromEmployeeId: string;
  @Field(() => ID) fromPositionId: string;
  @Field() fromName: string;
  @Field(() => ID) responsibilityId: string;
  @Field() responsibility: string;
  @Field(() => Float) sharePct: number;
  @Field(() => ValueLevelEnum) valueLevel: string;
  @Field() toEmployeeId: string;
  @Field(() => ID) toPositionId: string;
  @Field() toName: string;
}

@ObjectType('Finding', { description: 'Something a leader should look at, with a plain-language explanation.' })
export class FindingType {
  @Field({ description: 'Stable across snapshots for the same person (and responsibility); reviews attach to it.' })
  key: string;
  @Field(() => FindingKindEnum) kind: FindingKind;
  @Field(() => Float, { description: '0 (informational) to 1 (urgent).' }) severity: number;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true }) personName: string | null;
  @Field() positionTitle: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() explanation: string;
  @Field(() => ReviewStatusEnum) status: ReviewStatus;
  @Field(() => String, { nullable: true, ...sensitive(null) }) reviewNote: string | null;
  @Field(() => String, { nullable: true }) reviewer: string | null;
  @Field(() => String, { nullable: true }) reviewedAt: string | null;
  @Field(() => FindingActionType, {
    nullable: true,
    description: 'The newest action a decision on the finding planned (any status).',
    ...sensitive(null),
  })
  action?: FindingActionType | null;

  // PROMOTED_STILL_TACTICAL
  @Field(() => String, { nullable: true }) promotedOn?: string | null;
  @Field(() => String, { nullable: true }) promotionSource?: string | null;
  @Field(() => Float, { nullable: true }) implementationPct?: number | null;
  @Field(() => Float, { nullable: true }) expectedImplementationPct?: number | null;
  @Field(() => Float, { nullable: true }) carriedOverPct?: number | null;
  // DELEGATION_GAP
  @Field(() => ID, { nullable: true }) responsibilityId?: string | null;
  @Field(() => String, { nullable: true }) responsibility?: string | null;
  @Field(() => Float, { nullable: true }) sharePct?: number | null;
  @Field(() => ValueLevelEnum, { nullable: true }) valueLevel?: string | null;
  @Field(() => String, { nullable: true, description: 'Employee id of the suggested delegate.' }) delegateTo?: string | null;
  @Field(() => ID, { nullable: true }) delegatePositionId?: string | null;
  @Field(() => String, { nullable: true }) delegateName?: string | null;
  @Field(() => String, { nullable: true }) noDelegateReason?: string | null;
  @Field(() => DelegationOutcomeEnum, { nullable: true }) outcome?: DelegationOutcome | null;
  @Field(() => [DelegationHandOffType], {
    nullable: true,
    description: 'The knock-on, in order (DELEGATE_MAKES_ROOM): the delegate hands work on, and so on.',
  })
  handOffs?: DelegationHandOffType[] | null;
  @Field(() => String, { nullable: true, description: 'The best-fitting report (the delegate, or the one to make room for).' })
  bestFitEmployeeId?: string | null;
  @Field(() => ID, { nullable: true }) bestFitPositionId?: string | null;
  @Field(() => String, { nullable: true }) bestFitName?: string | null;
  @Field(() => String, { nullable: true, description: 'What to do next when nobody can take the work on now.' })
  nextStep?: string | null;
  // PIGEONHOLING_RISK
  @Field(() => Float, { nullable: true, ...sensitive(null) }) rating?: number | null;
  @Field(() => Float, { nullable: true }) yearsInRole?: number | null;
  @Field(() => [String], { nullable: true }) soleHolderOf?: string[] | null;
  @Field(() => Boolean, { nullable: true }) hasSuccessor?: boolean | null;
  // SPAN_OF_CONTROL and LAYERS
  @Field(() => Int, { nullable: true }) directReports?: number | null;
  @Field(() => Int, { nullable: true }) layers?: number | null;
  @Field(() => Int, { nullable: true }) limit?: number | null;
}

@ObjectType('LeaderToReview', { description: 'A leader whose team has findings nobody has decided on yet.' })
export class LeaderToReviewType {
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field(() => String, { nullable: true, description: 'Null for a vacant post.' }) name: string | null;
  @Field() title: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => Int, { description: 'Open findings about the leader or their reports without a team of their own.' })
  openCount: number;
  @Field(() => Int) highCount: number;
  @Field(() => Float) maxSeverity: number;
}

@ObjectType('LeaderToReviewPage')
export class LeaderToReviewPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [LeaderToReviewType]) nodes: LeaderToReviewType[];
}

@ObjectType('FindingPage')
export class FindingPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [FindingType]) nodes: FindingType[];
}

@InputType('FindingFilter')
export class FindingFilterInput {
  @Field(() => [FindingKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  kinds?: FindingKind[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minSeverity?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @Field(() => ID, { nullable: true, description: 'Only this leader and the people below them.' })
  @IsOptional()
  @IsUUID()
  leaderPositionId?: string;

  @Field(() => [ReviewStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(REVIEW_STATUSES, { each: true })
  statuses?: ReviewStatus[];
}

@ObjectType('KindCount')
export class KindCountType {
  @Field(() => FindingKindEnum) kind: FindingKind;
  @Field(() => Int) count: number;
}

@ObjectType('DepartmentFindings')
export class DepartmentFindingsType {
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => Int) total: number;
  @Field(() => [KindCountType]) byKind: KindCountType[];
}

@ObjectType('SubtreeSummary')
export class SubtreeSummaryType {
  @Field(() => ID) positionId: string;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() title: string;
  @Field(() => Int) headcount: number;
  @Field(() => Int) findingCount: number;
  @Field(() => Float) severitySum: number;
  @Field(() => Float) severityPerPerson: number;
}

@ObjectType('Coverage', {
  description: 'Positions with responsibilities recorded, of all: the part of the chart the findings can see.',
})
export class CoverageType {
  @Field(() => Int) positions: number;
  @Field(() => Int) withData: number;
  @Field(() => Int) withoutData: number;
  @Field(() => Float, { nullable: true, description: 'withData / positions in percent; null without positions.' })
  pct: number | null;
}

@ObjectType('DepartmentCoverage')
export class DepartmentCoverageType extends CoverageType {
  @Field(() => String, { nullable: true }) department: string | null;
}

@ObjectType('NotCheckedReasonCount')
export class NotCheckedReasonCountType {
  @Field(() => NotCheckedReasonEnum) reason: NotCheckedReason;
  @Field({ description: 'The reason in words.' }) reasonText: string;
  @Field(() => Int) count: number;
}

@ObjectType('NotCheckedSummary', { description: 'Rules that could not judge someone for lack of data.' })
export class NotCheckedSummaryType {
  @Field(() => Int, { description: 'Rule × position pairs not checked.' }) count: number;
  @Field(() => Int, { description: 'People with at least one rule not checked.' }) positions: number;
  @Field(() => [KindCountType]) byKind: KindCountType[];
  @Field(() => [NotCheckedReasonCountType]) byReason: NotCheckedReasonCountType[];
}

@ObjectType('AnalysisSummary')
export class AnalysisSummaryType {
  @Field(() => Int) positionCount: number;
  @Field(() => Int) filledCount: number;
  @Field(() => Int) vacantCount: number;
  @Field(() => Int) findingCount: number;
  @Field(() => [KindCountType]) byKind: KindCountType[];
  @Field(() => [DepartmentFindingsType]) byDepartment: DepartmentFindingsType[];
  @Field(() => Int) leaderCount: number;
  @Field(() => Float, { nullable: true, description: 'Mean implementation share of managers and above.' })
  leaderTacticalLoadPct: number | null;
  @Field(() => Float, { nullable: true, description: 'Of the time leaders describe, the percent spent below their level.' })
  leaderTimeBelowLevelPct: number | null;
  @Field(() => [SubtreeSummaryType]) worstSubtrees: SubtreeSummaryType[];
  @Field(() => Int, { description: 'Responsibilities left UNCLASSIFIED (needs review), left out of mixes and findings.' })
  unclassifiedCount: number;
  @Field(() => Int) positionsWithUnclassifiedWork: number;
  @Field(() => CoverageType, { description: 'Positions with responsibilities recorded, of all in scope.' })
  coverage: CoverageType;
  @Field(() => [DepartmentCoverageType], { description: 'The same per department, least covered first.' })
  coverageByDepartment: DepartmentCoverageType[];
  @Field(() => NotCheckedSummaryType) notChecked: NotCheckedSummaryType;
}

@ObjectType('OrgChartNode', { description: 'Everything the org chart draws for one position.' })
export class OrgChartNodeType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field() name: string;
  @Field() title: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => TierSourceEnum, { description: 'What decided the tier: HR, the grade, the title or the reporting lines.' })
  tierSource: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() vacant: boolean;
  @Field(() => ValueMixType) actualMix: ValueMixType;
  @Field(() => ValueMixType) expectedMix: ValueMixType;
  @Field(() => Float) tacticalGap: number;
  @Field(() => [FindingKindEnum], { description: 'Empty for viewers and employees.', ...sensitive([]) }) badges: FindingKind[];
  @Field(() => Int) directReports: number;
  @Field(() => Int, { description: '0 for viewers and employees.', ...sensitive(0) }) openFindings: number;
  @Field({ description: 'At least one responsibility is recorded; false: the work is unknown (no data), not a gap of 0.' })
  hasData: boolean;
}
