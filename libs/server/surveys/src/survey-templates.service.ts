import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type ImportIssue, type ValueLevel, isValueLevel } from '@rolemap/domain';
import {
  AuditLogService,
  type Caller,
  SurveyCampaignEntity,
  assertRole,
  isUuid,
  membershipIn,
  roleIn,
} from '@rolemap/server-core';
import {
  OTHER_ACTIVITY,
  type ResponseStatus,
  type SurveyActivity,
  type SurveyAnswers,
  type SurveyMode,
  type TemplateLine,
  type TemplateMember,
  type TemplateParticipant,
  activityKey,
  answeredOnline,
  campaignPhase,
  readTemplateUpload,
} from '@rolemap/surveys';
import { readTeamTemplateFile, writeTeamTemplate } from '@rolemap/surveys/files';
import { DataSource } from 'typeorm';
import { SURVEY_DICTIONARY, type SurveyDictionary } from './survey-dictionary';

/** A team a template can be downloaded for: a manager and the people whose forms they fill in. */
export interface TemplateTeam {
  leaderEmployeeId: string;
  leaderName: string;
  department: string | null;
  members: number;
  /** Members whose answer is in (counted as a campaign counts responses). */
  answered: number;
}

export interface TemplateDownload {
  fileName: string;
  data: Buffer;
}

export interface TemplateUploadOutcome {
  dryRun: boolean;
  leaderEmployeeId: string | null;
  /** Employee ids whose answers were taken (or would be, on a dry run). */
  submitted: string[];
  /** Employee ids whose rows were not read: they answered online already. */
  skipped: string[];
  rowCount: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface MemberRow {
  employee_id: string;
  name: string;
  title: string | null;
  position_id: string | null;
  manager_employee_id: string | null;
  mode: SurveyMode;
  self_status: ResponseStatus;
  manager_status: ResponseStatus;
  self_answers: SurveyAnswers | null;
  manager_answers: SurveyAnswers | null;
}

const MEMBERS_SELECT = `
  SELECT r.employee_id, pe.name, po.title, po.id AS position_id, r.manager_employee_id, r.mode, r.self_status,
         r.manager_status, r.self_answers, r.manager_answers
  FROM survey_response r
  JOIN person pe ON pe.id = r.person_id
  LEFT JOIN assignment a ON a.person_id = pe.id
  LEFT JOIN position po ON po.id = a.position_id`;

/**
 * The offline route of a campaign, for teams that will not use the web form: a pre-filled workbook
 * per team (HR for any team, a leader for their own), filled in by the manager and uploaded by HR.
 * An upload is checked whole like an import; its accepted rows become the manager's submitted
 * answers (source OFFLINE), audited in the same transaction.
 */
@Injectable()
export class SurveyTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    @Inject(SURVEY_DICTIONARY) private readonly dictionary: SurveyDictionary,
  ) {}

  /** The teams of a campaign: every manager with people asked whose forms they fill in or review. */
  async teams(caller: Caller, campaignId: string): Promise<TemplateTeam[]> {
    const campaign = await this.campaign(campaignId);
    assertRole(caller, campaign.organizationId, ['HR_ADMIN']);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.manager_employee_id, m.name, m_po.department, count(*)::int AS members,
              count(*) FILTER (WHERE CASE WHEN r.mode = 'MANAGER' THEN r.manager_status ELSE r.self_status END = 'SUBMITTED')::int AS answered
       FROM survey_response r
       JOIN person m ON m.snapshot_id = $2 AND m.employee_id = r.manager_employee_id
       LEFT JOIN assignment m_a ON m_a.person_id = m.id
       LEFT JOIN position m_po ON m_po.id = m_a.position_id
       WHERE r.campaign_id = $1
       GROUP BY r.manager_employee_id, m.name, m_po.department
       ORDER BY m_po.department NULLS LAST, m.name, r.manager_employee_id`,
      [campaign.id, campaign.baseSnapshotId],
    );
    return rows.map((row) => ({
      leaderEmployeeId: row.manager_employee_id as string,
      leaderName: row.name as string,
      department: (row.department as string | null) ?? null,
      members: Number(row.members),
      answered: Number(row.answered),
    }));
  }

  /** The team's workbook, pre-filled with the answers given so far, else the base snapshot's work. */
  async template(caller: Caller, campaignId: string, leaderEmployeeId: string, now = new Date()): Promise<TemplateDownload> {
    const campaign = await this.campaign(campaignId);
    const leaderId = leaderEmployeeId?.trim() ?? '';
    const role = roleIn(caller, campaign.organizationId);
    const ownTeam = role === 'LEADER' && membershipIn(caller, campaign.organizationId)?.personExternalId === leaderId;
    if (role !== 'HR_ADMIN' && !ownTeam) {
      // A leader asking for another team learns nothing about it.
      if (role === 'LEADER') throw new DomainError('NOT_FOUND', `No team of ${leaderId} in your part of this survey`);
      assertRole(caller, campaign.organizationId, ['HR_ADMIN', 'LEADER']);
    }
    if (campaign.closedAt) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `The survey "${campaign.name}" is closed: its templates can no longer be filled in.`,
      );
    }
    const [leader]: { name: string }[] = leaderId
      ? await this.dataSource.query('SELECT name FROM person WHERE snapshot_id = $1 AND employee_id = $2', [
          campaign.baseSnapshotId,
          leaderId,
        ])
      : [];
    const members: MemberRow[] = await this.dataSource.query(
      `${MEMBERS_SELECT} WHERE r.campaign_id = $1 AND r.manager_employee_id = $2 ORDER BY pe.name, r.employee_id`,
      [campaign.id, leaderId],
    );
    if (!leader || members.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        `Nobody in the survey "${campaign.name}" has ${leaderId || 'that person'} as their manager.`,
      );
    }
    const version = await this.dictionary.version(campaign.organizationId, campaign.dictionaryVersionId);
    const activities = new Map(version.activities.map((activity) => [activity.id, activity]));
    const previous = await this.previousWork(
      campaign.baseSnapshotId,
      members.map((member) => member.position_id).filter(Boolean) as string[],
    );
    const templateMembers: TemplateMember[] = members.map((member) => {
      const answers = member.manager_answers ?? member.self_answers;
      return {
        employeeId: member.employee_id,
        name: member.name,
        title: member.title,
        weeklyHours: answers?.weeklyHours ?? null,
        lines: answers
          ? answers.lines.map((line) => answerLine(line, activities))
          : prefilledLines(previous.get(member.position_id ?? '') ?? [], version.activities),
        status: answeredOnline(participantOf(member)),
      };
    });
    const data = await writeTeamTemplate({
      campaignId: campaign.id,
      campaignName: campaign.name,
      leaderEmployeeId: leaderId,
      leaderName: leader.name,
      dictionaryVersionId: version.versionId,
      acceptedRange: { minTotalPct: campaign.minTotalPct, maxTotalPct: campaign.maxTotalPct },
      closesAt: campaign.closesAt,
      downloadedAt: now,
      members: templateMembers,
      activities: version.activities,
    });
    await this.audit.record(caller, {
      action: 'export',
      organizationId: campaign.organizationId,
      target: `survey "${campaign.name}" template for the team of ${leaderId}`,
      details: { kind: 'survey-template', campaignId: campaign.id, leaderEmployeeId: leaderId, members: members.length },
    });
    return { fileName: `${slug(campaign.name)}-team-${slug(leaderId)}.xlsx`, data };
  }

  /**
   * Takes a filled-in team template: checked whole (see readTemplateUpload), and with no error its
   * people's answers become their manager's submitted answers (source OFFLINE; a SELF or
   * not-yet-answered BOTH form becomes manager-filled), all in one transaction with the audit entry.
   */
  async upload(
    caller: Caller,
    campaignId: string,
    file: { fileName: string; data: Buffer },
    options: { dryRun?: boolean } = {},
    now = new Date(),
  ): Promise<TemplateUploadOutcome> {
    const campaign = await this.campaign(campaignId);
    assertRole(caller, campaign.organizationId, ['HR_ADMIN']);
    const dryRun = Boolean(options.dryRun);
    const outcome = (errors: ImportIssue[]): TemplateUploadOutcome => ({
      dryRun,
      leaderEmployeeId: null,
      submitted: [],
      skipped: [],
      rowCount: 0,
      errors,
      warnings: [],
    });
    const phase = campaignPhase(campaign, now);
    if (phase !== 'OPEN') {
      const at = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      const message =
        phase === 'CLOSED'
          ? `The survey "${campaign.name}" is closed: no more answers can be taken.`
          : phase === 'ENDED'
            ? `The survey "${campaign.name}" ended on ${at(campaign.closesAt)}: no more answers can be taken.`
            : `The survey "${campaign.name}" opens on ${at(campaign.opensAt)}: answers are taken from then.`;
      return outcome([{ file: file.fileName, row: null, column: null, value: null, code: 'CAMPAIGN_NOT_OPEN', message }]);
    }
    const read = await readTeamTemplateFile(file);
    if (read.errors.length > 0) return outcome(read.errors);
    const version = await this.dictionary.version(campaign.organizationId, campaign.dictionaryVersionId);
    const participants = await this.participants(campaign);
    const upload = readTemplateUpload(read.table, read.about, {
      fileName: file.fileName,
      campaignId: campaign.id,
      acceptedRange: { minTotalPct: campaign.minTotalPct, maxTotalPct: campaign.maxTotalPct },
      activities: new Map(version.activities.map((activity) => [activity.id, activity])),
      participants,
    });
    const result: TemplateUploadOutcome = {
      dryRun,
      leaderEmployeeId: upload.leaderEmployeeId,
      submitted: [...upload.answers.keys()],
      skipped: upload.skipped,
      rowCount: upload.rowCount,
      errors: upload.errors,
      warnings: upload.warnings,
    };
    if (upload.errors.length > 0) return { ...result, submitted: [] };
    if (dryRun || upload.answers.size === 0) return result;
    const entries = [...upload.answers];
    await this.dataSource.transaction(async (manager) => {
      const updated: { employee_id: string }[] = await manager
        .query(
          `UPDATE survey_response r SET manager_answers = u.answers, manager_status = 'SUBMITTED', manager_submitted_at = $4,
           updated_at = $4, manager_source = 'OFFLINE',
           mode = CASE WHEN r.mode = 'BOTH' AND r.self_status = 'SUBMITTED' THEN 'BOTH' ELSE 'MANAGER' END
         FROM unnest($2::text[], $3::jsonb[]) AS u(employee_id, answers)
         WHERE r.campaign_id = $1 AND r.employee_id = u.employee_id AND r.manager_employee_id = $5
           AND r.manager_status <> 'SUBMITTED' AND NOT (r.mode = 'SELF' AND r.self_status = 'SUBMITTED')
         RETURNING r.employee_id`,
          [
            campaign.id,
            entries.map(([employeeId]) => employeeId),
            entries.map(([, answers]) => JSON.stringify(answers)),
            now,
            upload.leaderEmployeeId,
          ],
        )
        .then((rows) => (Array.isArray(rows[0]) ? rows[0] : rows));
      if (updated.length !== entries.length) {
        const taken = new Set(updated.map((row) => row.employee_id));
        const late = entries.map(([employeeId]) => employeeId).filter((employeeId) => !taken.has(employeeId));
        throw new DomainError(
          'CONFLICT',
          `Answers for ${late.join(', ')} were submitted online while the file was checked; nothing was taken. Upload it again.`,
        );
      }
      await this.audit.record(
        caller,
        {
          action: 'survey-upload',
          organizationId: campaign.organizationId,
          target: `survey "${campaign.name}", team of ${upload.leaderEmployeeId}`,
          details: {
            campaignId: campaign.id,
            source: 'offline/manager',
            fileName: file.fileName,
            leaderEmployeeId: upload.leaderEmployeeId,
            rows: upload.rowCount,
            submitted: result.submitted,
            skipped: result.skipped,
          },
        },
        manager,
      );
    });
    return result;
  }

  private async campaign(campaignId: string): Promise<SurveyCampaignEntity> {
    const campaign = isUuid(campaignId)
      ? await this.dataSource.getRepository(SurveyCampaignEntity).findOneBy({ id: campaignId })
      : null;
    if (!campaign) throw new DomainError('NOT_FOUND', `No survey campaign with id ${campaignId}`);
    return campaign;
  }

  private async participants(campaign: SurveyCampaignEntity): Promise<Map<string, TemplateParticipant>> {
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT r.employee_id, pe.name, r.manager_employee_id, r.mode, r.self_status, r.manager_status
       FROM survey_response r JOIN person pe ON pe.id = r.person_id WHERE r.campaign_id = $1`,
      [campaign.id],
    );
    return new Map(rows.map((row) => [row.employee_id, participantOf(row)]));
  }

  /** The base snapshot's responsibilities of these positions, largest share first. */
  private async previousWork(
    snapshotId: string,
    positionIds: string[],
  ): Promise<Map<string, { title: string; valueLevel: string; sharePct: number | null }[]>> {
    const rows: { position_id: string; title: string; value_level: string; share_pct: number | null }[] =
      positionIds.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT position_id, title, value_level, share_pct FROM responsibility
             WHERE snapshot_id = $1 AND position_id = ANY($2::uuid[]) ORDER BY position_id, share_pct DESC NULLS LAST, title`,
            [snapshotId, positionIds],
          );
    const work = new Map<string, { title: string; valueLevel: string; sharePct: number | null }[]>();
    for (const row of rows) {
      const list = work.get(row.position_id) ?? [];
      list.push({
        title: row.title,
        valueLevel: row.value_level,
        sharePct: row.share_pct === null ? null : Number(row.share_pct),
      });
      work.set(row.position_id, list);
    }
    return work;
  }
}

function participantOf(
  row: Pick<MemberRow, 'employee_id' | 'name' | 'manager_employee_id' | 'mode' | 'self_status' | 'manager_status'>,
): TemplateParticipant {
  return {
    employeeId: row.employee_id,
    name: row.name,
    managerEmployeeId: row.manager_employee_id,
    mode: row.mode,
    selfStatus: row.self_status,
    managerStatus: row.manager_status,
  };
}

function answerLine(line: SurveyAnswers['lines'][number], activities: ReadonlyMap<string, SurveyActivity>): TemplateLine {
  const activity = line.activityId ? activities.get(line.activityId) : undefined;
  return activity
    ? { activityId: activity.id, label: activity.label, valueLevel: activity.valueLevel, sharePct: line.sharePct }
    : { activityId: OTHER_ACTIVITY, label: line.otherText ?? '', valueLevel: line.valueLevel ?? null, sharePct: line.sharePct };
}

/**
 * The base snapshot's work as template rows: a title that is exactly one dictionary activity's
 * label becomes that activity, any other is written in (OTHER) with the level it had.
 */
function prefilledLines(
  work: readonly { title: string; valueLevel: string; sharePct: number | null }[],
  activities: readonly SurveyActivity[],
): TemplateLine[] {
  const byLabel = new Map<string, SurveyActivity | null>();
  for (const activity of activities) {
    const key = activityKey(activity.label);
    byLabel.set(key, byLabel.has(key) ? null : activity);
  }
  const seen = new Set<string>();
  const lines: TemplateLine[] = [];
  for (const item of work) {
    const key = activityKey(item.title);
    if (seen.has(key)) continue;
    seen.add(key);
    const activity = byLabel.get(key);
    const level: ValueLevel | null = isValueLevel(item.valueLevel) ? item.valueLevel : null;
    lines.push(
      activity
        ? { activityId: activity.id, label: activity.label, valueLevel: activity.valueLevel, sharePct: item.sharePct }
        : { activityId: OTHER_ACTIVITY, label: item.title.slice(0, 300), valueLevel: level, sharePct: item.sharePct },
    );
  }
  return lines;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'survey'
  );
}
