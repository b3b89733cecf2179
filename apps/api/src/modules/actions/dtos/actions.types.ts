import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ACTION_LIMITS,
  ACTION_STATUSES,
  ACTION_STEPS,
  type ActionStatus,
  type ActionStep,
  type FindingKind,
  type ReviewStatus,
} from '@rolemap/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { sensitive } from '../../auth/sensitive-field';
import { FindingKindEnum, ReviewStatusEnum } from '../../analysis/dtos/analysis.types';

export const ActionStepEnum = Object.fromEntries(ACTION_STEPS.map((step) => [step, step])) as { [K in ActionStep]: K };
export const ActionStatusEnum = Object.fromEntries(ACTION_STATUSES.map((status) => [status, status])) as {
  [K in ActionStatus]: K;
};
registerEnumType(ActionStepEnum, {
  name: 'ActionStep',
  description: 'What an accepted finding leads to: DELEGATE (to a named person), STOP_DOING or HIRE.',
});
registerEnumType(ActionStatusEnum, {
  name: 'ActionStatus',
  description: 'OPEN, IN_PROGRESS, DONE (by hand, or by a later snapshot without the finding) or CANCELLED.',
});

@ObjectType('ActionPlan', { description: 'What accepting a finding would plan: owner, due date, step.' })
export class ActionPlanType {
  @Field() owner: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueOn: string;
  @Field(() => ActionStepEnum) step: ActionStep;
  @Field(() => String, { nullable: true }) delegateTo: string | null;
}

@InputType('ActionPlanInput', { description: 'The action accepting a finding opens; what is left out is suggested.' })
export class ActionPlanInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ACTION_LIMITS.owner)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'action.dueOn must be a date written YYYY-MM-DD' })
  dueOn?: string | null;

  @Field(() => ActionStepEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTION_STEPS)
  step?: ActionStep | null;

  @Field(() => String, { nullable: true, description: 'Whom the work goes to (DELEGATE).' })
  @IsOptional()
  @IsString()
  @MaxLength(ACTION_LIMITS.delegateTo)
  delegateTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ACTION_LIMITS.note)
  note?: string | null;
}

@ObjectType('FindingAction')
export class FindingActionType {
  @Field(() => ID) id: string;
  @Field() findingKey: string;
  @Field() owner: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueOn: string;
  @Field(() => ActionStepEnum) step: ActionStep;
  @Field(() => String, { nullable: true }) delegateTo: string | null;
  @Field(() => String, { nullable: true, ...sensitive(null) }) note: string | null;
  @Field(() => ActionStatusEnum) status: ActionStatus;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field() createdAt: string;
  @Field() updatedAt: string;
  @Field(() => ID, { nullable: true, description: 'The later snapshot without the finding, when that closed the action.' })
  resolvedInSnapshotId: string | null;
}

@ObjectType('ListedAction', { description: 'An action with where its subject sits in the snapshot listed against.' })
export class ListedActionType extends FindingActionType {
  @Field(() => FindingKindEnum) findingKind: FindingKind;
  @Field(() => ID, { nullable: true, description: 'Null when the subject is no longer in the snapshot.' })
  positionId: string | null;
  @Field(() => String, { nullable: true }) subjectName: string | null;
  @Field(() => String, { nullable: true }) subjectTitle: string | null;
  @Field({ description: 'Open or in progress with its due date passed.' }) overdue: boolean;
}

@ObjectType('ActionPage')
export class ActionPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => Int) overdueCount: number;
  @Field(() => [ListedActionType]) nodes: ListedActionType[];
}

@ObjectType('FindingDecision', { description: 'One entry of a finding’s decision history.' })
export class FindingDecisionType {
  @Field(() => ReviewStatusEnum) status: ReviewStatus;
  @Field(() => String, { nullable: true, ...sensitive(null) }) note: string | null;
  @Field(() => String, { nullable: true }) reviewer: string | null;
  @Field() reviewedAt: string;
}

@ObjectType('FindingHistory')
export class FindingHistoryType {
  @Field() key: string;
  @Field(() => [FindingDecisionType], { description: 'Every decision, newest first.' }) decisions: FindingDecisionType[];
  @Field(() => [FindingActionType], { description: 'Every action the decisions planned, newest first.' })
  actions: FindingActionType[];
  @Field(() => ActionPlanType, { description: 'What accepting it now would plan.' }) suggestedAction: ActionPlanType;
}
