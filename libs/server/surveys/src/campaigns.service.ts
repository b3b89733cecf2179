import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { classifyResponsibility } from '@rolemap/analysis';
import { DomainError, type IsoDate, type SnapshotData, isTier } from '@rolemap/domain';
import {
  APP_CONFIG,
  type AppConfig,
  AuditLogService,
  type Caller,
  OrgSnapshotEntity,
  OrganizationEntity,
  SurveyCampaignEntity,
  assertRole,
  isUuid,
  loadSnapshotData,
  newToken,
  tokenHash,
} from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import {
  type AcceptedRange,
  CAMPAIGN_SCOPES,
  DEFAULT_ACCEPTED_RANGE,
  type ModeRule,
  NON_RESPONDENT_POLICIES,
  type NonRespondentPolicy,
  PopulationError,
  type ProgressRow,
  SURVEY_MODES,
  type SurveyActivity,
  type SurveyAnswers,
  acceptedRangeIssues,
  activityKey,
  campaignPhase,
  campaignProgress,
  closeCampaignRecords,
  finalAnswers,
  surveyPopulation,
  windowIssues,
} from '@rolemap/surveys';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CampaignProgressReport,
  CampaignSummary,
  ClosingHooks,
  ClosingResult,
  InvitationDelivery,
  InvitationOutcome,
  MissingPage,
  NewCampaign,
  PersonalLink,
  WrittenInActivity,
} from './campaign-types';
import { SURVEY_DICTIONARY, type SurveyDictionary } from './survey-dictionary';
import { SurveyMailer } from './survey-mailer';

export const MAX_CAMPAIGN_NAME = 200;
export const MAX_MODE_RULES = 50;
export const CAMPAIGN_PAGE_MAX = 200;
export const MISSING_PAGE_MAX = 500;
/** Rows per INSERT … SELECT FROM unnest(…): one round trip per batch, well under the parameter limit. */
const BATCH = 5000;

const HR_ONLY = ['HR_ADMIN'] as const;

/**
 * HR's side of a survey campaign: create it on a snapshot (the forms are made at once, one per
 * person asked), hand out the personal links (e-mail or CSV) and remind, follow the progress,
 * and close it into a new snapshot through the import's snapshot writer. Every change is audited
 * inside its transaction.
 */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLogService,
    private readonly imports: ImportService,
    private readonly mailer: SurveyMailer,
    @Inject(SURVEY_DICTIONARY) private readonly dictionary: SurveyDictionary,
  ) {}

  async create(caller: Caller, input: NewCampaign, now = new Date()): Promise<CampaignSummary> {
    assertRole(caller, input.organizationId, HR_ONLY);
    const name = input.name?.trim() ?? '';
    const problems: string[] = [];
    if (!name) problems.push('A campaign needs a name.');
    if (name.length > MAX_CAMPAIGN_NAME) problems.push(`A campaign name has at most ${MAX_CAMPAIGN_NAME} characters.`);
    if (name.includes('\u0000')) problems.push('A campaign name cannot contain a NUL character.');
    problems.push(...windowIssues(input.opensAt, input.closesAt));
    if (!Number.isNaN(input.closesAt.getTime()) && input.closesAt <= now) {
      problems.push(`The window must close in the future (closes ${input.closesAt.toISOString()}).`);
    }
    const range: AcceptedRange = input.acceptedRange ?? DEFAULT_ACCEPTED_RANGE;
    problems.push(...acceptedRangeIssues(range));
    if (range.minTotalPct > range.maxTotalPct) problems.push('The lowest accepted total must not be above the highest.');
    if (!(CAMPAIGN_SCOPES as readonly string[]).includes(input.scope?.kind)) {
      problems.push(`The scope must be one of ${CAMPAIGN_SCOPES.join(', ')}.`);
    } else if (input.scope.kind !== 'ORGANIZATION' && !input.scope.value?.trim()) {
      problems.push(
        input.scope.kind === 'DEPARTMENT'
          ? 'Name the department to survey.'
          : 'Give the employee id of the leader whose team to survey.',
      );
    }
    if (!(SURVEY_MODES as readonly string[]).includes(input.defaultMode))
      problems.push(`The mode must be one of ${SURVEY_MODES.join(', ')}.`);
    const rules = input.modeRules ?? [];
    if (rules.length > MAX_MODE_RULES) problems.push(`At most ${MAX_MODE_RULES} mode rules (got ${rules.length}).`);
    rules.forEach((rule, index) => {
      if (!(SURVEY_MODES as readonly string[]).includes(rule.mode))
        problems.push(`Mode rule ${index + 1}: unknown mode ${rule.mode}.`);
      if (rule.tier !== null && !isTier(rule.tier)) problems.push(`Mode rule ${index + 1}: unknown tier ${rule.tier}.`);
    });
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems.join(' '), { problems });

    const base = isUuid(input.baseSnapshotId)
      ? await this.dataSource.getRepository(OrgSnapshotEntity).findOneBy({ id: input.baseSnapshotId })
      : null;
    if (!base || base.organizationId !== input.organizationId) {
      throw new DomainError('NOT_FOUND', `No snapshot ${input.baseSnapshotId} in this organization`);
    }
    const dictionary = await this.dictionary.version(input.organizationId, input.dictionaryVersionId ?? null);
    if (dictionary.activities.length === 0) {
      throw new DomainError('BAD_USER_INPUT', 'The organization’s activity dictionary has no activities to offer on the forms.');
    }
    const data = await loadSnapshotData(this.dataSource, base);
    let participants;
    try {
      participants = surveyPopulation(
        data,
        { kind: input.scope.kind, value: input.scope.value?.trim() ?? null },
        input.defaultMode,
        rules.map((rule) => ({ department: rule.department ?? null, tier: rule.tier ?? null, mode: rule.mode })),
      );
    } catch (error) {
      if (error instanceof PopulationError) throw new DomainError('BAD_USER_INPUT', error.message);
      throw error;
    }
    if (participants.length === 0) throw new DomainError('BAD_USER_INPUT', 'Nobody in that scope holds a post to survey.');

    const id = await this.dataSource.transaction(async (manager) => {
      const [{ id: campaignId }] = await manager.query(
        `INSERT INTO survey_campaign (organization_id, name, base_snapshot_id, scope_kind, scope_value, default_mode, mode_rules,
           dictionary_version_id, opens_at, closes_at, min_total_pct, max_total_pct, participant_count, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          input.organizationId,
          name,
          base.id,
          input.scope.kind,
          input.scope.kind === 'ORGANIZATION' ? null : input.scope.value!.trim(),
          input.defaultMode,
          JSON.stringify(rules),
          dictionary.versionId,
          input.opensAt,
          input.closesAt,
          range.minTotalPct,
          range.maxTotalPct,
          participants.length,
          caller.displayName,
        ],
      );
      for (let start = 0; start < participants.length; start += BATCH) {
        const batch = participants.slice(start, start + BATCH);
        await manager.query(
          `INSERT INTO survey_response (campaign_id, employee_id, person_id, department, manager_employee_id, mode)
           SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[])`,
          [
            campaignId,
            batch.map((p) => p.employeeId),
            batch.map((p) => p.personId),
            batch.map((p) => p.department),
            batch.map((p) => p.managerEmployeeId),
            batch.map((p) => p.mode),
          ],
        );
      }
      await this.audit.record(
        caller,
        {
          action: 'survey-create',
          organizationId: input.organizationId,
          target: `survey "${name}"`,
          details: {
            campaignId,
            baseSnapshotVersion: base.version,
            scope: input.scope.kind,
            scopeValue: input.scope.value ?? null,
            defaultMode: input.defaultMode,
            modeRules: rules.length,
            participants: participants.length,
            opensAt: input.opensAt.toISOString(),
            closesAt: input.closesAt.toISOString(),
            acceptedRange: range,
            dictionaryVersionId: dictionary.versionId,
          },
        },
        manager,
      );
      return campaignId as string;
    });
    return this.get(caller, id);
  }

  async list(
    caller: Caller,
    organizationId: string,
    first = 50,
    offset = 0,
  ): Promise<{ totalCount: number; nodes: CampaignSummary[] }> {
    assertRole(caller, organizationId, HR_ONLY);
    checkPage(first, offset, CAMPAIGN_PAGE_MAX);
    const [rows, totalCount] = await this.dataSource
      .getRepository(SurveyCampaignEntity)
      .findAndCount({ where: { organizationId }, order: { createdAt: 'DESC', id: 'DESC' }, take: first, skip: offset });
    return { totalCount, nodes: await this.summaries(rows) };
  }

  async get(caller: Caller, campaignId: string): Promise<CampaignSummary> {
    const campaign = await this.campaignFor(caller, campaignId);
    return (await this.summaries([campaign]))[0];
  }

  /**
   * Issues a personal link to everyone who still has a form to fill in (their own, or their
   * reports' as a manager) and e-mails it, or returns the links as CSV. A link replaces the
   * person's earlier one (only one works at a time) and expires when the window closes.
   */
  async invite(
    caller: Caller,
    campaignId: string,
    delivery: InvitationDelivery,
    options: { reminder?: boolean } = {},
    now = new Date(),
  ): Promise<InvitationOutcome> {
    const campaign = await this.campaignFor(caller, campaignId);
    const phase = campaignPhase(campaign, now);
    if (phase === 'CLOSED' || phase === 'ENDED') {
      throw new DomainError(
        'BAD_USER_INPUT',
        `The survey "${campaign.name}" is ${phase === 'CLOSED' ? 'closed' : 'over'}: no more links can be sent.`,
      );
    }
    if (delivery === 'EMAIL' && !this.mailer.configured) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'No mail server is configured (ROLEMAP_SMTP_URL): download the links as CSV for your own mail tool instead.',
      );
    }
    const links = await this.issueLinks(caller, campaign, delivery, Boolean(options.reminder));
    const outcome: InvitationOutcome = { issued: links.length, emailed: 0, withoutEmail: 0, failed: [], csv: null };
    const linkOf = (token: string) => `${this.config.publicUrl}/forms?invitation=${encodeURIComponent(token)}`;
    if (delivery === 'CSV') {
      outcome.csv = [
        'employee_id,name,email,purpose,link,expires_at',
        ...links.map((link) =>
          [link.employeeId, link.name, link.email ?? '', link.purpose, linkOf(link.token), campaign.closesAt.toISOString()]
            .map(csvCell)
            .join(','),
        ),
      ].join('\n');
      outcome.withoutEmail = links.filter((link) => !link.email).length;
      return outcome;
    }
    const mailable = links.filter((link) => link.email);
    outcome.withoutEmail = links.length - mailable.length;
    const closes = campaign.closesAt.toISOString().slice(0, 16).replace('T', ' ');
    const sent = await this.mailer.send(
      mailable.map((link) => ({
        to: link.email!,
        subject: `${options.reminder ? 'Reminder: ' : ''}${campaign.name}: how you spend your week`,
        text: [
          `Hello ${link.name},`,
          '',
          link.purpose === 'SELF'
            ? `${options.reminder ? 'Your form is still open. ' : ''}Please tell us how your working week divides between your activities.`
            : `Please fill in or review how the week divides for ${link.reports} of your reports.`,
          '',
          `Your personal link (do not forward it; it opens only your forms): ${linkOf(link.token)}`,
          '',
          `It works until ${closes} UTC. You can save and come back before you submit.`,
        ].join('\n'),
      })),
    );
    outcome.emailed = sent.sent;
    const byEmail = new Map(mailable.map((link) => [link.email!, link.employeeId]));
    outcome.failed = sent.failed.map((failure) => ({ employeeId: byEmail.get(failure.to) ?? '', error: failure.error }));
    const sentTo = mailable.filter((link) => !sent.failed.some((failure) => failure.to === link.email));
    await this.dataSource.query(
      `UPDATE survey_invitation SET sent_at = now(), reminded_at = CASE WHEN $4 THEN now() ELSE reminded_at END
       WHERE campaign_id = $1 AND (employee_id, purpose) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [campaign.id, sentTo.map((link) => link.employeeId), sentTo.map((link) => link.purpose), Boolean(options.reminder)],
    );
    return outcome;
  }

  /**
   * Personal links, as `invite` with CSV delivery hands them to HR, for a caller that delivers
   * them itself (the demo fills in its own campaign through them).
   */
  async personalLinks(caller: Caller, campaignId: string, now = new Date()): Promise<PersonalLink[]> {
    const campaign = await this.campaignFor(caller, campaignId);
    const phase = campaignPhase(campaign, now);
    if (phase === 'CLOSED' || phase === 'ENDED') {
      throw new DomainError('BAD_USER_INPUT', `The survey "${campaign.name}" is over: no more links can be issued.`);
    }
    return this.issueLinks(caller, campaign, 'CSV', false);
  }

  /** New links for everyone with a form still to fill in, stored (hashed) and audited; a link replaces the person's earlier one. */
  private async issueLinks(
    caller: Caller,
    campaign: SurveyCampaignEntity,
    delivery: InvitationDelivery,
    reminder: boolean,
  ): Promise<PersonalLink[]> {
    const invitees: {
      employeeId: string;
      personId: string;
      name: string;
      email: string | null;
      purpose: 'SELF' | 'MANAGER';
      reports: number;
    }[] = (
      await this.dataSource.query(
        `WITH pending AS (
             SELECT r.employee_id, r.person_id, r.manager_employee_id, r.mode, r.self_status, r.manager_status
             FROM survey_response r WHERE r.campaign_id = $1
           )
           SELECT p.employee_id, p.person_id, pe.name, pe.email, 'SELF' AS purpose, 0 AS reports
           FROM pending p JOIN person pe ON pe.id = p.person_id
           WHERE p.mode IN ('SELF', 'BOTH') AND p.self_status <> 'SUBMITTED'
           UNION ALL
           SELECT m.employee_id, m.id, m.name, m.email, 'MANAGER', count(*)::int
           FROM pending p JOIN person m ON m.snapshot_id = $2 AND m.employee_id = p.manager_employee_id
           WHERE p.mode IN ('MANAGER', 'BOTH') AND p.manager_status <> 'SUBMITTED'
           GROUP BY m.employee_id, m.id, m.name, m.email
           ORDER BY 1, 5`,
        [campaign.id, campaign.baseSnapshotId],
      )
    ).map((row: Record<string, unknown>) => ({
      employeeId: row.employee_id as string,
      personId: row.person_id as string,
      name: row.name as string,
      email: (row.email as string | null) || null,
      purpose: row.purpose as 'SELF' | 'MANAGER',
      reports: Number(row.reports),
    }));
    const links = invitees.map((invitee) => ({ ...invitee, token: newToken('survey') }));
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < links.length; start += BATCH) {
        const batch = links.slice(start, start + BATCH);
        await manager.query(
          `INSERT INTO survey_invitation (campaign_id, employee_id, person_id, purpose, token_hash, expires_at)
           SELECT $1, * , $6::timestamptz FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[])
           ON CONFLICT (campaign_id, employee_id, purpose)
           DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at, person_id = EXCLUDED.person_id`,
          [
            campaign.id,
            batch.map((link) => link.employeeId),
            batch.map((link) => link.personId),
            batch.map((link) => link.purpose),
            batch.map((link) => tokenHash(link.token)),
            campaign.closesAt,
          ],
        );
      }
      await this.audit.record(
        caller,
        {
          action: 'survey-invite',
          organizationId: campaign.organizationId,
          target: `survey "${campaign.name}"`,
          details: { campaignId: campaign.id, delivery, reminder, links: links.length },
        },
        manager,
      );
    });
    return links;
  }

  async progress(caller: Caller, campaignId: string): Promise<CampaignProgressReport> {
    const campaign = await this.campaignFor(caller, campaignId);
    const rows = await this.progressRows(campaign);
    const activities = await this.activitiesOf(campaign);
    const writtenIn = new Map<string, WrittenInActivity>();
    for (const row of rows) {
      const answers = finalAnswers(row);
      for (const line of answers?.lines ?? []) {
        const text = line.otherText?.trim();
        if (line.activityId || !text) continue;
        const key = activityKey(text);
        const known = writtenIn.get(key);
        if (known) known.count++;
        else {
          const classification = classifyResponsibility(text);
          writtenIn.set(key, { text, count: 1, suggestedLevel: classification.level, confidence: classification.confidence });
        }
      }
    }
    return {
      campaignId: campaign.id,
      ...campaignProgress(rows, activities),
      writtenIn: [...writtenIn.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    };
  }

  /** Who has not answered yet (their own form, or their manager's), by department and name. */
  async missing(caller: Caller, campaignId: string, first = 100, offset = 0): Promise<MissingPage> {
    const campaign = await this.campaignFor(caller, campaignId);
    checkPage(first, offset, MISSING_PAGE_MAX);
    const where = `r.campaign_id = $1 AND CASE WHEN r.mode = 'MANAGER' THEN r.manager_status <> 'SUBMITTED' ELSE r.self_status <> 'SUBMITTED' END`;
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM survey_response r WHERE ${where}`, [
      campaign.id,
    ]);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.id, r.employee_id, pe.name, r.department, m.name AS manager_name, r.mode, r.self_status, r.manager_status
       FROM survey_response r
       JOIN person pe ON pe.id = r.person_id
       LEFT JOIN person m ON m.snapshot_id = $2 AND m.employee_id = r.manager_employee_id
       WHERE ${where}
       ORDER BY r.department NULLS LAST, pe.name, r.employee_id
       LIMIT $3 OFFSET $4`,
      [campaign.id, campaign.baseSnapshotId, first, offset],
    );
    return {
      totalCount: count,
      nodes: rows.map((row) => ({
        responseId: row.id as string,
        employeeId: row.employee_id as string,
        name: row.name as string,
        department: row.department as string | null,
        managerName: row.manager_name as string | null,
        mode: row.mode as ProgressRow['mode'],
        waitingFor: row.mode === 'MANAGER' ? 'MANAGER' : 'SELF',
        status: (row.mode === 'MANAGER' ? row.manager_status : row.self_status) as ProgressRow['selfStatus'],
      })),
    };
  }

  /**
   * Closes the campaign into a new snapshot: the base snapshot's people and positions with the
   * responsibilities people reported (see closeCampaignRecords), written by the import's snapshot
   * writer; the campaign is marked closed in the same transaction, so a failure leaves neither.
   * `beforeCommit` runs last in that transaction (a job marks itself done there, so a retried job
   * never closes twice).
   */
  async close(
    caller: Caller,
    campaignId: string,
    nonRespondents: NonRespondentPolicy,
    now = new Date(),
    hooks: ClosingHooks = {},
  ): Promise<ClosingResult> {
    const campaign = await this.campaignFor(caller, campaignId);
    if (!(NON_RESPONDENT_POLICIES as readonly string[]).includes(nonRespondents)) {
      throw new DomainError('BAD_USER_INPUT', `nonRespondents must be one of ${NON_RESPONDENT_POLICIES.join(', ')}`);
    }
    if (campaign.closedAt)
      throw new DomainError(
        'CONFLICT',
        `The survey "${campaign.name}" was already closed on ${campaign.closedAt.toISOString()}.`,
      );
    if (now < campaign.opensAt) throw new DomainError('BAD_USER_INPUT', `The survey "${campaign.name}" has not opened yet.`);
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: campaign.organizationId });
    const baseSnapshot = await this.dataSource.getRepository(OrgSnapshotEntity).findOneByOrFail({ id: campaign.baseSnapshotId });
    hooks.onProgress?.(0.1, 'Reading the base snapshot');
    const base = await loadSnapshotData(this.dataSource, baseSnapshot);
    hooks.onProgress?.(0.4, 'Reading the answers');
    const rows = await this.progressRows(campaign);
    const responses = new Map<string, SurveyAnswers>();
    for (const row of rows) {
      const answers = finalAnswers(row);
      if (answers) responses.set(row.employeeId, answers);
    }
    const today = now.toISOString().slice(0, 10);
    const asOf = today < base.asOf ? base.asOf : today;
    const closed = closeCampaignRecords({
      base,
      campaignName: campaign.name,
      population: new Set(rows.map((row) => row.employeeId)),
      responses,
      activities: await this.activitiesOf(campaign),
      previousSince: await this.previousSince(campaign, base),
      asOf,
      nonRespondents,
    });
    hooks.onProgress?.(0.6, 'Writing the new snapshot');
    let written: { id: string; version: number } | null = null;
    await this.imports.importRecords(caller, {
      organizationName: organization.name,
      people: closed.people,
      responsibilities: closed.responsibilities,
      asOf,
      label: `Survey: ${campaign.name}`.slice(0, 200),
      sourceFileName: null,
      allowDuplicate: true,
      withinTransaction: async (manager, snapshot) => {
        written = snapshot;
        // Taken under the organization's lock the import holds: two closings cannot both pass.
        const [row] = await manager.query('SELECT closed_at FROM survey_campaign WHERE id = $1 FOR UPDATE', [campaign.id]);
        if (row?.closed_at) throw new DomainError('CONFLICT', `The survey "${campaign.name}" was closed meanwhile.`);
        await manager.query(
          `UPDATE survey_campaign SET closed_at = $2, non_respondents = $3, result_snapshot_id = $4, close_coverage = $5 WHERE id = $1`,
          [campaign.id, now, nonRespondents, snapshot.id, JSON.stringify(closed.coverage)],
        );
        const outcomes = [...closed.outcomes].filter(([, outcome]) => outcome !== 'OUTSIDE');
        await manager.query(
          `UPDATE survey_response r SET outcome = o.outcome
           FROM unnest($2::text[], $3::text[]) AS o(employee_id, outcome)
           WHERE r.campaign_id = $1 AND r.employee_id = o.employee_id`,
          [campaign.id, outcomes.map(([employeeId]) => employeeId), outcomes.map(([, outcome]) => outcome)],
        );
        await this.audit.record(
          caller,
          {
            action: 'survey-close',
            organizationId: campaign.organizationId,
            target: `survey "${campaign.name}"`,
            details: { campaignId: campaign.id, snapshotVersion: snapshot.version, nonRespondents, coverage: closed.coverage },
          },
          manager,
        );
        await hooks.beforeCommit?.(manager, {
          snapshotId: snapshot.id,
          snapshotVersion: snapshot.version,
          coverage: closed.coverage,
        });
      },
    });
    const snapshot = written as { id: string; version: number } | null;
    if (!snapshot) throw new Error('closing a campaign wrote no snapshot');
    return {
      campaign: await this.get(caller, campaign.id),
      snapshotId: snapshot.id,
      snapshotVersion: snapshot.version,
      coverage: closed.coverage,
    };
  }

  /** The campaign, after checking the caller is an HR admin of its organization. */
  async campaignFor(caller: Caller, campaignId: string): Promise<SurveyCampaignEntity> {
    const campaign = isUuid(campaignId)
      ? await this.dataSource.getRepository(SurveyCampaignEntity).findOneBy({ id: campaignId })
      : null;
    if (!campaign) throw new DomainError('NOT_FOUND', `No survey campaign with id ${campaignId}`);
    assertRole(caller, campaign.organizationId, HR_ONLY);
    return campaign;
  }

  async activitiesOf(campaign: SurveyCampaignEntity): Promise<Map<string, SurveyActivity>> {
    const version = await this.dictionary.version(campaign.organizationId, campaign.dictionaryVersionId);
    return new Map(version.activities.map((activity) => [activity.id, activity]));
  }

  private async progressRows(
    campaign: SurveyCampaignEntity,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgressRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT r.employee_id, r.department, r.manager_employee_id, m.name AS manager_name, r.mode, r.self_status, r.manager_status,
              r.self_answers, r.manager_answers
       FROM survey_response r
       LEFT JOIN person m ON m.snapshot_id = $2 AND m.employee_id = r.manager_employee_id
       WHERE r.campaign_id = $1`,
      [campaign.id, campaign.baseSnapshotId],
    );
    return rows.map((row) => ({
      employeeId: row.employee_id as string,
      department: row.department as string | null,
      managerEmployeeId: row.manager_employee_id as string | null,
      managerName: row.manager_name as string | null,
      mode: row.mode as ProgressRow['mode'],
      selfStatus: row.self_status as ProgressRow['selfStatus'],
      managerStatus: row.manager_status as ProgressRow['managerStatus'],
      selfAnswers: row.self_answers as SurveyAnswers | null,
      managerAnswers: row.manager_answers as SurveyAnswers | null,
    }));
  }

  /**
   * When each person's activities began: from the snapshot the organization's previous closed
   * campaign wrote, else the base snapshot's own dates, by the activity's wording.
   */
  private async previousSince(campaign: SurveyCampaignEntity, base: SnapshotData): Promise<Map<string, Map<string, IsoDate>>> {
    const since = new Map<string, Map<string, IsoDate>>();
    const add = (employeeId: string, title: string, date: IsoDate) => {
      let dates = since.get(employeeId);
      if (!dates) since.set(employeeId, (dates = new Map()));
      const key = activityKey(title);
      if (!dates.has(key)) dates.set(key, date);
    };
    const [previous] = await this.dataSource.query(
      `SELECT result_snapshot_id FROM survey_campaign
       WHERE organization_id = $1 AND id <> $2 AND closed_at IS NOT NULL AND result_snapshot_id IS NOT NULL
       ORDER BY closed_at DESC LIMIT 1`,
      [campaign.organizationId, campaign.id],
    );
    if (previous) {
      const rows: { employee_id: string; title: string; held_since: string }[] = await this.dataSource.query(
        `SELECT pe.employee_id, r.title, to_char(r.held_since, 'YYYY-MM-DD') AS held_since
         FROM responsibility r
         JOIN assignment a ON a.snapshot_id = r.snapshot_id AND a.position_id = r.position_id
         JOIN person pe ON pe.id = a.person_id
         WHERE r.snapshot_id = $1 AND r.held_since IS NOT NULL`,
        [previous.result_snapshot_id],
      );
      for (const row of rows) add(row.employee_id, row.title, row.held_since);
    }
    const personOfPosition = new Map(base.assignments.map((assignment) => [assignment.positionId, assignment.personId]));
    const employeeOfPerson = new Map(base.people.map((person) => [person.id, person.employeeId]));
    for (const responsibility of base.responsibilities) {
      const personId = personOfPosition.get(responsibility.positionId);
      const employeeId = personId ? employeeOfPerson.get(personId) : undefined;
      if (employeeId && responsibility.heldSince) add(employeeId, responsibility.title, responsibility.heldSince);
    }
    return since;
  }

  private async summaries(campaigns: SurveyCampaignEntity[]): Promise<CampaignSummary[]> {
    if (campaigns.length === 0) return [];
    const ids = [
      ...new Set(campaigns.flatMap((campaign) => [campaign.baseSnapshotId, campaign.resultSnapshotId].filter(Boolean))),
    ] as string[];
    const versions = new Map<string, number>(
      (await this.dataSource.query('SELECT id, version FROM org_snapshot WHERE id = ANY($1::uuid[])', [ids])).map(
        (row: { id: string; version: number }) => [row.id, row.version],
      ),
    );
    const now = new Date();
    return campaigns.map((campaign) => ({
      id: campaign.id,
      organizationId: campaign.organizationId,
      name: campaign.name,
      baseSnapshotId: campaign.baseSnapshotId,
      baseSnapshotVersion: versions.get(campaign.baseSnapshotId) ?? 0,
      scope: { kind: campaign.scopeKind, value: campaign.scopeValue },
      defaultMode: campaign.defaultMode,
      modeRules: campaign.modeRules as ModeRule[],
      dictionaryVersionId: campaign.dictionaryVersionId,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      acceptedRange: { minTotalPct: campaign.minTotalPct, maxTotalPct: campaign.maxTotalPct },
      phase: campaignPhase(campaign, now),
      participantCount: campaign.participantCount,
      createdAt: campaign.createdAt,
      createdBy: campaign.createdBy,
      closedAt: campaign.closedAt,
      nonRespondents: campaign.nonRespondents,
      resultSnapshotId: campaign.resultSnapshotId,
      resultSnapshotVersion: campaign.resultSnapshotId ? (versions.get(campaign.resultSnapshotId) ?? null) : null,
      closeCoverage: campaign.closeCoverage,
    }));
  }
}

function checkPage(first: number, offset: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new DomainError('BAD_USER_INPUT', `first must be a whole number from 1 to ${max} (got ${first})`);
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw new DomainError('BAD_USER_INPUT', `offset must be a whole number of at least 0 (got ${offset})`);
}

/** A CSV cell, quoted when needed; cells a spreadsheet would run as a formula get a leading '. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
