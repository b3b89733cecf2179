import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Args, GqlExecutionContext, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@rolemap/domain';
import type { Caller } from '@rolemap/server-core';
import {
  type CampaignSummary,
  CampaignsService,
  type FormAccess,
  type InvitationDelivery,
  SurveyCloseJobs,
  SurveyFormsService,
  type SurveyFormView,
  SurveyTemplatesService,
} from '@rolemap/server-surveys';
import type { NonRespondentPolicy } from '@rolemap/surveys';
import { CurrentCaller, type GraphqlContext } from '../../common/graphql-context';
import { HR_ONLY, Public, RequireRole } from '../auth/access-rule.decorator';
import { BackgroundJobType } from '../jobs/dtos/job.types';
import {
  CreateSurveyCampaignInput,
  InvitationDeliveryEnum,
  NonRespondentPolicyEnum,
  SurveyActivitiesType,
  SurveyAnswersInput,
  SurveyCampaignPageType,
  SurveyCampaignType,
  SurveyClosingType,
  SurveyFormType,
  SurveyInvitationResultType,
  SurveyMissingPageType,
  SurveyProgressType,
  SurveyTemplateTeamType,
  SurveyTemplateUploadType,
} from './dtos/survey.types';
import { ImportIssueType } from '../imports/dtos/import.types';
import type { UploadArg } from '../imports/imports.resolver';
import { formatLimit, formatMegabytes } from '../uploads/received-upload';
import { GraphQLUpload } from '../uploads/upload.scalar';

/** The caller when signed in, else null: the participants' operations also open with a personal link. */
const CallerIfAny = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller | null =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().caller,
);

function accessOf(invitation: string | null | undefined, caller: Caller | null): FormAccess {
  if (invitation) return { invitation };
  if (caller) return { caller };
  throw new DomainError('UNAUTHENTICATED', 'Sign in, or open the personal survey link you were sent.');
}

const INVITATION_ARG = {
  type: () => String,
  nullable: true,
  description: 'The personal link’s token (rsv_…), for participants who are not signed in.',
} as const;

@Resolver()
export class SurveysResolver {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly forms: SurveyFormsService,
    private readonly templates: SurveyTemplatesService,
    private readonly closeJobs: SurveyCloseJobs,
  ) {}

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Query(() => [SurveyTemplateTeamType], {
    description:
      'The teams of a campaign (each manager with the people whose forms they fill in), for the offline templates: ' +
      'GET /api/survey-campaigns/:campaignId/teams/:leaderEmployeeId/template.xlsx',
  })
  surveyTemplateTeams(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<SurveyTemplateTeamType[]> {
    return this.templates.teams(caller, campaignId);
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Mutation(() => SurveyTemplateUploadType, {
    description:
      'Takes a filled-in team template (XLSX): checked whole with row-numbered errors; with none (and not dryRun) its people’s ' +
      'answers become their manager’s submitted answers (source OFFLINE). Any error takes nothing.',
  })
  async uploadSurveyTemplate(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('file', { type: () => GraphQLUpload }) file: UploadArg,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ): Promise<SurveyTemplateUploadType> {
    if (file.tooLarge) {
      const size = formatMegabytes(file.byteSize);
      return {
        ok: false,
        dryRun,
        leaderEmployeeId: null,
        submitted: [],
        skipped: [],
        rowCount: 0,
        warnings: [],
        errors: [
          {
            file: file.fileName,
            row: null,
            column: null,
            value: size,
            code: 'FILE_TOO_LARGE',
            message: `File too large: ${file.fileName} is ${size}, the limit is ${formatLimit(file.limitBytes)}.`,
            rows: [],
          },
        ],
      };
    }
    const outcome = await this.templates.upload(
      caller,
      campaignId,
      { fileName: file.fileName, data: file.data ?? Buffer.alloc(0) },
      { dryRun },
    );
    return {
      ...outcome,
      ok: outcome.errors.length === 0,
      errors: outcome.errors.map(ImportIssueType.from),
      warnings: outcome.warnings.map(ImportIssueType.from),
    };
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => SurveyCampaignPageType, {
    description: 'The organization’s survey campaigns, newest first (at most 200 per page).',
  })
  async surveyCampaigns(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<SurveyCampaignPageType> {
    const page = await this.campaigns.list(caller, organizationId, first, offset);
    return { totalCount: page.totalCount, nodes: page.nodes.map(campaignType) };
  }

  @RequireRole(HR_ONLY, { id: 'surveyCampaign' })
  @Query(() => SurveyCampaignType)
  async surveyCampaign(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<SurveyCampaignType> {
    return campaignType(await this.campaigns.get(caller, id));
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Query(() => SurveyProgressType, {
    description: 'Response rates overall, by department and by manager (groups under five pooled), and managers’ adjustments.',
  })
  surveyProgress(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<SurveyProgressType> {
    return this.campaigns.progress(caller, campaignId);
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Query(() => SurveyMissingPageType, { description: 'Who has not answered yet (at most 500 per page).' })
  surveyMissing(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first = 100,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<SurveyMissingPageType> {
    return this.campaigns.missing(caller, campaignId, first, offset);
  }

  @RequireRole(HR_ONLY, { 'input.organizationId': 'organization' })
  @Mutation(() => SurveyCampaignType, { description: 'Creates a campaign on a snapshot, with a form for every person asked.' })
  async createSurveyCampaign(
    @CurrentCaller() caller: Caller,
    @Args('input', { type: () => CreateSurveyCampaignInput }) input: CreateSurveyCampaignInput,
  ): Promise<SurveyCampaignType> {
    const min = input.minTotalPct ?? 95;
    const max = input.maxTotalPct ?? 105;
    return campaignType(
      await this.campaigns.create(caller, {
        organizationId: input.organizationId,
        name: input.name,
        baseSnapshotId: input.baseSnapshotId,
        scope: { kind: input.scope, value: input.scopeValue ?? null },
        defaultMode: input.defaultMode,
        modeRules: (input.modeRules ?? []).map((rule) => ({
          department: rule.department ?? null,
          tier: rule.tier ?? null,
          mode: rule.mode,
        })),
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        acceptedRange: { minTotalPct: min, maxTotalPct: max },
        dictionaryVersionId: input.dictionaryVersionId ?? null,
      }),
    );
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Mutation(() => SurveyInvitationResultType, {
    description:
      'Issues a personal link to everyone with a form still to fill in, e-mailed (SMTP) or returned as CSV; with reminder: true, ' +
      'worded as a reminder. Each link replaces the person’s earlier one and expires when the window closes.',
  })
  issueSurveyInvitations(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('delivery', { type: () => InvitationDeliveryEnum }) delivery: InvitationDelivery,
    @Args('reminder', { type: () => Boolean, defaultValue: false }) reminder = false,
  ): Promise<SurveyInvitationResultType> {
    return this.campaigns.invite(caller, campaignId, delivery, { reminder });
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Mutation(() => SurveyClosingType, {
    description:
      'Closes the campaign into a new snapshot: the base snapshot’s people and positions with the work people reported.',
  })
  async closeSurveyCampaign(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('nonRespondents', { type: () => NonRespondentPolicyEnum, defaultValue: 'KEEP_PREVIOUS' })
    nonRespondents: NonRespondentPolicy = 'KEEP_PREVIOUS',
  ): Promise<SurveyClosingType> {
    const closed = await this.campaigns.close(caller, campaignId, nonRespondents);
    return { ...closed, campaign: campaignType(closed.campaign) };
  }

  @RequireRole(HR_ONLY, { campaignId: 'surveyCampaign' })
  @Mutation(() => BackgroundJobType, {
    description:
      'Closes the campaign as a background job (follow it with job(id); its surveyClosing is the outcome). A second call while it is queued or running answers the same job.',
  })
  async queueSurveyClose(
    @CurrentCaller() caller: Caller,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('nonRespondents', { type: () => NonRespondentPolicyEnum, defaultValue: 'KEEP_PREVIOUS' })
    nonRespondents: NonRespondentPolicy = 'KEEP_PREVIOUS',
  ): Promise<BackgroundJobType> {
    return BackgroundJobType.from(await this.closeJobs.enqueue(caller, campaignId, nonRespondents));
  }

  @Public()
  @Query(() => [SurveyFormType], {
    description:
      'The forms you fill in (your own, your reports’) in campaigns not yet closed: signed in, or with a personal link.',
  })
  async surveyForms(
    @CallerIfAny() caller: Caller | null,
    @Args('invitation', INVITATION_ARG) invitation?: string | null,
  ): Promise<SurveyFormType[]> {
    return (await this.forms.forms(accessOf(invitation, caller))).map(formType);
  }

  @Public()
  @Query(() => SurveyFormType)
  async surveyForm(
    @CallerIfAny() caller: Caller | null,
    @Args('responseId', { type: () => ID }) responseId: string,
    @Args('invitation', INVITATION_ARG) invitation?: string | null,
  ): Promise<SurveyFormType> {
    return formType(await this.forms.form(accessOf(invitation, caller), responseId));
  }

  @Public()
  @Query(() => SurveyActivitiesType, { description: 'The dictionary activities a form offers (its campaign’s version).' })
  surveyActivities(
    @CallerIfAny() caller: Caller | null,
    @Args('responseId', { type: () => ID }) responseId: string,
    @Args('invitation', INVITATION_ARG) invitation?: string | null,
  ): Promise<SurveyActivitiesType> {
    return this.forms.activities(accessOf(invitation, caller), responseId);
  }

  @Public()
  @Mutation(() => SurveyFormType, { description: 'Saves a draft of a form (to resume later). Invalid answers change nothing.' })
  async saveSurveyAnswers(
    @CallerIfAny() caller: Caller | null,
    @Args('responseId', { type: () => ID }) responseId: string,
    @Args('answers', { type: () => SurveyAnswersInput }) answers: SurveyAnswersInput,
    @Args('invitation', INVITATION_ARG) invitation?: string | null,
  ): Promise<SurveyFormType> {
    return formType(await this.forms.save(accessOf(invitation, caller), responseId, answersOf(answers)));
  }

  @Public()
  @Mutation(() => SurveyFormType, {
    description: 'Submits a form: the shares must add up to the campaign’s accepted range; after that it cannot change.',
  })
  async submitSurveyAnswers(
    @CallerIfAny() caller: Caller | null,
    @Args('responseId', { type: () => ID }) responseId: string,
    @Args('answers', { type: () => SurveyAnswersInput }) answers: SurveyAnswersInput,
    @Args('invitation', INVITATION_ARG) invitation?: string | null,
  ): Promise<SurveyFormType> {
    return formType(await this.forms.submit(accessOf(invitation, caller), responseId, answersOf(answers)));
  }
}

function answersOf(input: SurveyAnswersInput) {
  return {
    weeklyHours: input.weeklyHours ?? null,
    lines: input.lines.map((line) => ({
      activityId: line.activityId ?? null,
      otherText: line.otherText ?? null,
      sharePct: line.sharePct,
    })),
  };
}

export function campaignType(campaign: CampaignSummary): SurveyCampaignType {
  return {
    ...campaign,
    scope: campaign.scope.kind,
    scopeValue: campaign.scope.value,
    minTotalPct: campaign.acceptedRange.minTotalPct,
    maxTotalPct: campaign.acceptedRange.maxTotalPct,
  };
}

function formType(form: SurveyFormView): SurveyFormType {
  return { ...form, minTotalPct: form.acceptedRange.minTotalPct, maxTotalPct: form.acceptedRange.maxTotalPct };
}
