import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import {
  type Caller,
  SurveyCampaignEntity,
  SurveyInvitationEntity,
  acrossAllTenants,
  bindRequestTenant,
  isTokenOfKind,
  isUuid,
  tokenHash,
} from '@rolemap/server-core';
import {
  type AcceptedRange,
  type AnswerIssue,
  type ResponseStatus,
  type SurveyAnswers,
  type SurveyMode,
  campaignPhase,
  draftIssues,
  submissionIssues,
} from '@rolemap/surveys';
import { DataSource } from 'typeorm';
import type { SurveyActivitiesView, SurveyFormView } from './campaign-types';
import { SURVEY_DICTIONARY, type SurveyDictionary } from './survey-dictionary';

/** How a participant reaches their forms: a personal link, or signing in. */
export type FormAccess = { invitation: string } | { caller: Caller };

/** Who is filling in: an employee of one organization, for their own form, their reports', or both. */
interface Actor {
  organizationIds: readonly string[];
  employeeIds: ReadonlyMap<string, string>;
  /** A link opens the forms of one campaign, for one purpose; signing in opens every open campaign's. */
  campaignId: string | null;
  purposes: ReadonlySet<'SELF' | 'MANAGER'>;
  via: 'invitation' | 'sign-in';
}

interface ResponseRow {
  id: string;
  campaign_id: string;
  organization_id: string;
  employee_id: string;
  manager_employee_id: string | null;
  department: string | null;
  mode: SurveyMode;
  self_status: ResponseStatus;
  manager_status: ResponseStatus;
  self_answers: SurveyAnswers | null;
  manager_answers: SurveyAnswers | null;
  self_submitted_at: Date | null;
  manager_submitted_at: Date | null;
  name: string;
  title: string | null;
  campaign_name: string;
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  min_total_pct: number;
  max_total_pct: number;
  dictionary_version_id: string | null;
}

const RESPONSE_SELECT = `
  SELECT r.id, r.campaign_id, c.organization_id, r.employee_id, r.manager_employee_id, r.department, r.mode,
         r.self_status, r.manager_status, r.self_answers, r.manager_answers, r.self_submitted_at, r.manager_submitted_at,
         pe.name, po.title, c.name AS campaign_name, c.opens_at, c.closes_at, c.closed_at, c.min_total_pct, c.max_total_pct,
         c.dictionary_version_id
  FROM survey_response r
  JOIN survey_campaign c ON c.id = r.campaign_id
  JOIN person pe ON pe.id = r.person_id
  LEFT JOIN assignment a ON a.person_id = pe.id
  LEFT JOIN position po ON po.id = a.position_id`;

const EMPTY: SurveyAnswers = { weeklyHours: null, lines: [] };

/**
 * The participants' side: the forms a person fills in (their own, their reports' as a line
 * manager), saving drafts and submitting. A person sees only their own answers, a manager only
 * their reports' forms; a personal link opens only the forms it was issued for, until the window
 * closes.
 */
@Injectable()
export class SurveyFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SURVEY_DICTIONARY) private readonly dictionary: SurveyDictionary,
  ) {}

  /** Every form the participant has in campaigns that are not closed, their own first. */
  async forms(access: FormAccess, now = new Date()): Promise<SurveyFormView[]> {
    const actor = await this.actorOf(access, now);
    const views: SurveyFormView[] = [];
    for (const organizationId of actor.organizationIds) {
      const employeeId = actor.employeeIds.get(organizationId)!;
      const rows: ResponseRow[] = await this.dataSource.query(
        `${RESPONSE_SELECT}
         WHERE c.organization_id = $1 AND c.closed_at IS NULL AND ($2::uuid IS NULL OR c.id = $2)
           AND ((r.employee_id = $3 AND r.mode IN ('SELF', 'BOTH') AND $4)
             OR (r.manager_employee_id = $3 AND r.mode IN ('MANAGER', 'BOTH') AND $5))
         ORDER BY c.closes_at, (r.employee_id = $3) DESC, pe.name, r.employee_id`,
        [organizationId, actor.campaignId, employeeId, actor.purposes.has('SELF'), actor.purposes.has('MANAGER')],
      );
      for (const row of rows) views.push(this.view(row, row.employee_id === employeeId ? 'SELF' : 'MANAGER', now));
    }
    return views;
  }

  async form(access: FormAccess, responseId: string, now = new Date()): Promise<SurveyFormView> {
    const { row, side } = await this.reachable(access, responseId, now);
    return this.view(row, side, now);
  }

  /** The dictionary version a campaign's forms offer (to pick from, search and browse by function). */
  async activities(access: FormAccess, responseId: string, now = new Date()): Promise<SurveyActivitiesView> {
    const { row } = await this.reachable(access, responseId, now);
    return this.dictionary.version(row.organization_id, row.dictionary_version_id);
  }

  /** Saves a draft; the form stays open for more changes. Nothing is saved when any answer is invalid. */
  async save(access: FormAccess, responseId: string, answers: SurveyAnswers, now = new Date()): Promise<SurveyFormView> {
    return this.write(access, responseId, answers, 'IN_PROGRESS', now);
  }

  /** Submits: a valid form whose shares add up to the campaign's accepted range. */
  async submit(access: FormAccess, responseId: string, answers: SurveyAnswers, now = new Date()): Promise<SurveyFormView> {
    return this.write(access, responseId, answers, 'SUBMITTED', now);
  }

  private async write(
    access: FormAccess,
    responseId: string,
    answers: SurveyAnswers,
    status: 'IN_PROGRESS' | 'SUBMITTED',
    now: Date,
  ): Promise<SurveyFormView> {
    const { row, side } = await this.reachable(access, responseId, now);
    const locked = lockedReason(row, side, now);
    if (locked) throw new DomainError('BAD_USER_INPUT', locked);
    const range: AcceptedRange = { minTotalPct: row.min_total_pct, maxTotalPct: row.max_total_pct };
    const normalised = normaliseAnswers(answers);
    const version = await this.dictionary.version(row.organization_id, row.dictionary_version_id);
    const activities = new Map(version.activities.map((activity) => [activity.id, activity]));
    const issues: AnswerIssue[] =
      status === 'SUBMITTED' ? submissionIssues(normalised, activities, range) : draftIssues(normalised, activities);
    if (issues.length > 0) {
      throw new DomainError('BAD_USER_INPUT', issues.map((issue) => issue.message).join(' '), { issues });
    }
    const prefix = side === 'SELF' ? 'self' : 'manager';
    // Guarded in SQL as well: a form submitted by a request that raced this one stays as it was submitted.
    const updated: unknown[] = await this.dataSource.query(
      `UPDATE survey_response SET ${prefix}_answers = $2, ${prefix}_status = $3,
         ${prefix}_submitted_at = CASE WHEN $3 = 'SUBMITTED' THEN $4::timestamptz ELSE NULL END, updated_at = $4
       WHERE id = $1 AND ${prefix}_status <> 'SUBMITTED' RETURNING id`,
      [row.id, JSON.stringify(normalised), status, now],
    );
    if (updated.length === 0 || (Array.isArray(updated[0]) && (updated[0] as unknown[]).length === 0)) {
      throw new DomainError('CONFLICT', 'This form was submitted meanwhile; it can no longer be changed.');
    }
    return this.form(access, responseId, now);
  }

  /** The response and which side of it the participant holds, or a clear refusal. */
  private async reachable(
    access: FormAccess,
    responseId: string,
    now: Date,
  ): Promise<{ row: ResponseRow; side: 'SELF' | 'MANAGER' }> {
    const actor = await this.actorOf(access, now);
    const [row]: ResponseRow[] = isUuid(responseId)
      ? await this.dataSource.query(`${RESPONSE_SELECT} WHERE r.id = $1`, [responseId])
      : [];
    const employeeId = row ? actor.employeeIds.get(row.organization_id) : undefined;
    const side =
      row && employeeId && (actor.campaignId === null || actor.campaignId === row.campaign_id)
        ? row.employee_id === employeeId && row.mode !== 'MANAGER' && actor.purposes.has('SELF')
          ? 'SELF'
          : row.manager_employee_id === employeeId && row.mode !== 'SELF' && actor.purposes.has('MANAGER')
            ? 'MANAGER'
            : null
        : null;
    if (!row || !side) {
      // Said the same whether the form exists or not: a link never tells whose forms there are.
      throw actor.via === 'invitation'
        ? new DomainError('FORBIDDEN', 'This link opens only the forms it was sent for; it cannot open another person’s survey.')
        : new DomainError('NOT_FOUND', `No form ${responseId} among the forms you fill in`);
    }
    if (actor.via === 'sign-in' && row.closed_at)
      throw new DomainError('BAD_USER_INPUT', `The survey "${row.campaign_name}" is closed.`);
    return { row, side };
  }

  private async actorOf(access: FormAccess, now: Date): Promise<Actor> {
    if ('invitation' in access) {
      const token = access.invitation?.trim() ?? '';
      // A link is all a participant brings: whose it is is found across tenants, and the request
      // then acts in the tenant of the campaign's organization.
      const found = isTokenOfKind(token, 'survey')
        ? await acrossAllTenants(async () => {
            const invitation = await this.dataSource
              .getRepository(SurveyInvitationEntity)
              .findOneBy({ tokenHash: tokenHash(token) });
            if (!invitation) return null;
            const [organization] = (await this.dataSource.query(
              'SELECT o.tenant_id FROM survey_campaign c JOIN organization o ON o.id = c.organization_id WHERE c.id = $1',
              [invitation.campaignId],
            )) as { tenant_id: string }[];
            return { invitation, tenantId: organization?.tenant_id ?? null };
          })
        : null;
      if (found) bindRequestTenant(found.tenantId);
      const invitation = found?.invitation ?? null;
      if (!invitation) {
        throw new DomainError(
          'UNAUTHENTICATED',
          'This survey link is not valid: it may have been replaced by a newer one (a reminder). Use the latest link you were sent, or sign in.',
        );
      }
      const campaign = await this.dataSource.getRepository(SurveyCampaignEntity).findOneByOrFail({ id: invitation.campaignId });
      if (campaign.closedAt)
        throw new DomainError('UNAUTHENTICATED', `The survey "${campaign.name}" is closed: this link no longer opens it.`);
      if (invitation.expiresAt <= now) {
        throw new DomainError(
          'UNAUTHENTICATED',
          `This survey link expired on ${invitation.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        );
      }
      return {
        organizationIds: [campaign.organizationId],
        employeeIds: new Map([[campaign.organizationId, invitation.employeeId]]),
        campaignId: campaign.id,
        purposes: new Set([invitation.purpose]),
        via: 'invitation',
      };
    }
    const memberships = access.caller.memberships.filter((membership) => membership.personExternalId);
    return {
      organizationIds: memberships.map((membership) => membership.organizationId),
      employeeIds: new Map(memberships.map((membership) => [membership.organizationId, membership.personExternalId as string])),
      campaignId: null,
      purposes: new Set(['SELF', 'MANAGER']),
      via: 'sign-in',
    };
  }

  private view(row: ResponseRow, side: 'SELF' | 'MANAGER', now: Date): SurveyFormView {
    const own = side === 'SELF' ? row.self_answers : row.manager_answers;
    // A manager's review starts from what the person said.
    const answers =
      own ?? (side === 'MANAGER' && row.mode === 'BOTH' && row.self_status === 'SUBMITTED' ? row.self_answers : null) ?? EMPTY;
    return {
      responseId: row.id,
      campaignId: row.campaign_id,
      organizationId: row.organization_id,
      campaignName: row.campaign_name,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      phase: campaignPhase({ opensAt: row.opens_at, closesAt: row.closes_at, closedAt: row.closed_at }, now),
      acceptedRange: { minTotalPct: row.min_total_pct, maxTotalPct: row.max_total_pct },
      subjectEmployeeId: row.employee_id,
      subjectName: row.name,
      subjectTitle: row.title,
      department: row.department,
      side,
      mode: row.mode,
      status: side === 'SELF' ? row.self_status : row.manager_status,
      answers,
      selfAnswers: side === 'MANAGER' && row.mode === 'BOTH' && row.self_status === 'SUBMITTED' ? row.self_answers : null,
      submittedAt: side === 'SELF' ? row.self_submitted_at : row.manager_submitted_at,
      lockedReason: lockedReason(row, side, now),
    };
  }
}

function lockedReason(row: ResponseRow, side: 'SELF' | 'MANAGER', now: Date): string | null {
  const phase = campaignPhase({ opensAt: row.opens_at, closesAt: row.closes_at, closedAt: row.closed_at }, now);
  const at = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (phase === 'CLOSED') return `The survey "${row.campaign_name}" is closed.`;
  if (phase === 'ENDED')
    return `The survey "${row.campaign_name}" ended on ${at(row.closes_at)}: answers can no longer be changed.`;
  if (phase === 'SCHEDULED') return `The survey "${row.campaign_name}" opens on ${at(row.opens_at)}.`;
  const status = side === 'SELF' ? row.self_status : row.manager_status;
  const submittedAt = side === 'SELF' ? row.self_submitted_at : row.manager_submitted_at;
  if (status === 'SUBMITTED')
    return `This form was submitted${submittedAt ? ` on ${at(submittedAt)}` : ''}; it can no longer be changed.`;
  if (side === 'MANAGER' && row.mode === 'BOTH' && row.self_status !== 'SUBMITTED') {
    return `${row.name} has not submitted their own form yet: you review it once they have.`;
  }
  return null;
}

/** Answers as stored: other texts trimmed, empty ones null, only the known fields. */
function normaliseAnswers(answers: SurveyAnswers): SurveyAnswers {
  return {
    weeklyHours: answers?.weeklyHours ?? null,
    lines: (Array.isArray(answers?.lines) ? answers.lines : []).map((line) => ({
      activityId: line.activityId || null,
      otherText: line.otherText?.trim() || null,
      sharePct: line.sharePct,
    })),
  };
}
