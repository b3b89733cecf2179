import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { Caller } from '../common/caller';
import { OrganizationsService, lockOrganization } from '../organizations/organizations.service';
import { mentionPattern, mentions, redactMentions } from './person-mentions';
import {
  type ActionHeld,
  type ScenarioMention,
  type SurveyAnswersHeld,
  actionsOf,
  rewritePersonReferences,
  scenariosNaming,
  surveyAnswersOf,
} from './person-references';

/** Everything rolemap holds about one person in one organization, as the privacy export gives it. */
export interface PersonData {
  organization: { id: string; name: string };
  externalId: string;
  exportedAt: string;
  /** One entry per snapshot the person appears in, oldest first by as-of date. */
  snapshots: PersonInSnapshot[];
  /** Reviews of findings about the person, with their notes. */
  reviews: { findingKey: string; status: string; note: string | null; reviewer: string | null; reviewedAt: string }[];
  /** HR's corrections of their tier and of the value levels of their responsibilities. */
  overrides: { kind: string; subjectKey: string; value: string | null; createdBy: string | null; createdAt: string }[];
  /** Uploaded files (kept as uploaded) of the snapshots the person appears in. */
  storedFiles: { fileName: string; kind: string; snapshotVersion: number | null; uploadedAt: string }[];
  /** Their answers to time-allocation surveys (their own and their manager's for them). */
  surveyResponses: SurveyAnswersHeld[];
  /** Actions planned on findings about them, or naming them as owner or delegate. */
  actions: ActionHeld[];
  /** Scenario edits that name them. */
  scenarios: ScenarioMention[];
  /** Audit entries that name the person. */
  auditEntries: { at: string; action: string; actorName: string; target: string | null; details: unknown }[];
}

export interface PersonInSnapshot {
  snapshotId: string;
  version: number;
  asOf: string;
  name: string;
  email: string | null;
  hireDate: string | null;
  roleStartDate: string | null;
  previousTitle: string | null;
  lastPromotionDate: string | null;
  performanceRating: number | null;
  position: {
    externalId: string;
    title: string;
    department: string | null;
    location: string | null;
    tier: string;
    fte: number;
    managerExternalId: string | null;
  } | null;
  responsibilities: {
    title: string;
    description: string | null;
    valueLevel: string;
    valueLevelSource: string;
    sharePct: number;
    heldSince: string | null;
  }[];
}

/** What an erasure removed or anonymised; recorded in the audit log without naming the person. */
export interface ErasureResult {
  snapshots: number;
  people: number;
  responsibilities: number;
  reviews: number;
  overrides: number;
  storedFiles: number;
  auditEntriesRedacted: number;
  surveyResponses: number;
  /** Actions on findings about them (deleted) and actions naming them (redacted). */
  actions: number;
  /** Scenarios whose edits or notes named them, rewritten to the vacated post. */
  scenarios: number;
}

interface HeldRow {
  snapshot_id: string;
  version: number;
  as_of: string;
  person_id: string;
  name: string;
  email: string | null;
  hire_date: string | null;
  position_id: string | null;
  role_start_date: string | null;
  previous_title: string | null;
  last_promotion_date: string | null;
  performance_rating: number | null;
  position_external_id: string | null;
  title: string | null;
  department: string | null;
  location: string | null;
  tier: string | null;
  fte: number | null;
  manager_external_id: string | null;
}

/**
 * Privacy rights over the people in an organization's charts: export everything held about one
 * person, and erase them from every snapshot. A person is named by their employee id (the
 * external id their position is followed by across snapshots).
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  async personData(caller: Caller, organizationId: string, externalId: string): Promise<PersonData> {
    const organization = await this.organizations.get(caller, organizationId);
    const id = checkExternalId(externalId);
    const data = await this.dataSource.transaction(async (manager) => {
      const held = await heldRows(manager, organizationId, id);
      const responsibilities = await responsibilitiesOf(manager, held);
      const reviews = await reviewsAbout(manager, organizationId, id);
      const overrides = await overridesOf(manager, organizationId, id);
      if (held.length === 0 && reviews.length === 0 && overrides.length === 0) throw notFound(id);
      const files: { file_name: string; kind: string; version: number | null; created_at: Date }[] = await manager.query(
        `SELECT f.file_name, f.kind, s.version, f.created_at FROM uploaded_file f JOIN org_snapshot s ON s.id = f.snapshot_id
         WHERE f.snapshot_id = ANY($1) ORDER BY s.as_of, s.version, f.kind`,
        [held.map((row) => row.snapshot_id)],
      );
      const terms = identifyingTerms(id, held);
      const audited = await auditEntriesNaming(manager, organizationId, terms);
      const surveys = await surveyAnswersOf(manager, organizationId, id);
      const actions = await actionsOf(manager, organizationId, id, terms);
      const scenarios = await scenariosNaming(manager, organizationId, id, terms);
      await this.audit.record(caller, { action: 'privacy-export', organizationId, target: id }, manager);
      return { held, responsibilities, reviews, overrides, files, audited, surveys, actions, scenarios };
    });
    return {
      organization: { id: organization.id, name: organization.name },
      externalId: id,
      exportedAt: new Date().toISOString(),
      snapshots: data.held.map((row) => ({
        snapshotId: row.snapshot_id,
        version: row.version,
        asOf: row.as_of,
        name: row.name,
        email: row.email,
        hireDate: row.hire_date,
        roleStartDate: row.role_start_date,
        previousTitle: row.previous_title,
        lastPromotionDate: row.last_promotion_date,
        performanceRating: row.performance_rating,
        position:
          row.position_external_id === null
            ? null
            : {
                externalId: row.position_external_id,
                title: row.title!,
                department: row.department,
                location: row.location,
                tier: row.tier!,
                fte: row.fte!,
                managerExternalId: row.manager_external_id,
              },
        responsibilities: data.responsibilities
          .filter((item) => item.position_id === row.position_id)
          .map((item) => ({
            title: item.title,
            description: item.description,
            valueLevel: item.value_level,
            valueLevelSource: item.value_level_source,
            sharePct: item.share_pct,
            heldSince: item.held_since,
          })),
      })),
      reviews: data.reviews.map((review) => ({
        findingKey: review.finding_key,
        status: review.status,
        note: review.note,
        reviewer: review.reviewer,
        reviewedAt: review.reviewed_at.toISOString(),
      })),
      overrides: data.overrides.map((override) => ({
        kind: override.kind,
        subjectKey: override.subject_key,
        value: override.value,
        createdBy: override.created_by,
        createdAt: override.created_at.toISOString(),
      })),
      storedFiles: data.files.map((file) => ({
        fileName: file.file_name,
        kind: file.kind,
        snapshotVersion: file.version,
        uploadedAt: file.created_at.toISOString(),
      })),
      surveyResponses: data.surveys,
      actions: data.actions,
      scenarios: data.scenarios,
      auditEntries: data.audited.map((entry) => ({
        at: entry.at.toISOString(),
        action: entry.action,
        actorName: entry.actor_name,
        target: entry.target,
        details: entry.details,
      })),
    };
  }

  /**
   * Erases the person from every snapshot of the organization, in one transaction: their person
   * and assignment rows (name, e-mail, dates, rating) and the responsibilities of their position
   * go; the position stays in the chart as a vacant post under an anonymous reference, so the
   * people around it keep their places. Reviews of findings about them, overrides keyed by them
   * and the uploaded files that contain them are deleted; audit entries naming them are redacted
   * (the only change the audit log allows), and the erasure itself is recorded without naming them.
   */
  async erasePerson(caller: Caller, organizationId: string, externalId: string): Promise<ErasureResult> {
    await this.organizations.get(caller, organizationId);
    const id = checkExternalId(externalId);
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const held = await heldRows(manager, organizationId, id);
      const reviews = await reviewsAbout(manager, organizationId, id);
      const overrides = await overridesOf(manager, organizationId, id);
      if (held.length === 0 && reviews.length === 0 && overrides.length === 0) throw notFound(id);
      const terms = identifyingTerms(id, held);
      const snapshotIds = [...new Set(held.map((row) => row.snapshot_id))];
      const positionIds = held.flatMap((row) => (row.position_id ? [row.position_id] : []));
      // One reference for the vacated post in every snapshot, so it stays followable across them.
      const erasedRef = `erased-${randomUUID()}`;
      const surveyResponses = await countSurveyResponses(manager, organizationId, id);
      const references = await rewritePersonReferences(manager, organizationId, id, terms, erasedRef);

      // TypeORM answers a DELETE with [returned rows, affected count].
      const [removedResponsibilities] = (await manager.query(
        'DELETE FROM responsibility WHERE snapshot_id = ANY($1) AND position_id = ANY($2) RETURNING snapshot_id',
        [snapshotIds, positionIds],
      )) as [{ snapshot_id: string }[], number];
      await manager.query('DELETE FROM assignment WHERE person_id = ANY($1)', [held.map((row) => row.person_id)]);
      await manager.query('DELETE FROM person WHERE id = ANY($1)', [held.map((row) => row.person_id)]);
      // Their employee id was the post's reference too; another reference keeps the post followable.
      await manager.query(
        `UPDATE position SET vacant = true,
           external_id = CASE WHEN external_id = $2 THEN $3 ELSE external_id END
         WHERE id = ANY($1)`,
        [positionIds, id, erasedRef],
      );
      for (const snapshotId of snapshotIds) {
        const people = held.filter((row) => row.snapshot_id === snapshotId).length;
        const responsibilities = removedResponsibilities.filter((row) => row.snapshot_id === snapshotId).length;
        await manager.query(
          'UPDATE org_snapshot SET people_count = people_count - $2, responsibility_count = responsibility_count - $3 WHERE id = $1',
          [snapshotId, people, responsibilities],
        );
      }
      await manager.query('DELETE FROM finding_review WHERE id = ANY($1)', [reviews.map((review) => review.id)]);
      await manager.query('DELETE FROM classification_override WHERE id = ANY($1)', [overrides.map((override) => override.id)]);
      const [, storedFiles] = (await manager.query('DELETE FROM uploaded_file WHERE snapshot_id = ANY($1)', [snapshotIds])) as [
        unknown,
        number,
      ];
      const auditEntriesRedacted = await redactAuditEntries(manager, organizationId, terms);
      const result: ErasureResult = {
        snapshots: snapshotIds.length,
        people: held.length,
        responsibilities: removedResponsibilities.length,
        reviews: reviews.length,
        overrides: overrides.length,
        storedFiles,
        auditEntriesRedacted,
        surveyResponses,
        actions: references.actionsDeleted + references.actionsRedacted,
        scenarios: references.scenariosRewritten,
      };
      await this.audit.record(
        caller,
        { action: 'erasure', organizationId, target: 'a person (erased)', details: { ...result } },
        manager,
      );
      return result;
    });
  }
}

/** Survey responses of the person: they go with the person rows (foreign keys), counted first. */
async function countSurveyResponses(manager: EntityManager, organizationId: string, id: string): Promise<number> {
  const [row]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM survey_response r JOIN survey_campaign c ON c.id = r.campaign_id
     WHERE c.organization_id = $1 AND r.employee_id = $2`,
    [organizationId, id],
  );
  return row.count;
}

function checkExternalId(externalId: string): string {
  const id = externalId.trim();
  if (!id) throw new DomainError('BAD_USER_INPUT', 'externalId must name a person (their employee id)');
  if (id.length > 200) throw new DomainError('BAD_USER_INPUT', 'externalId has at most 200 characters');
  return id;
}

function notFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `Nobody with employee id ${id} in this organization's snapshots, reviews or overrides`);
}

function heldRows(manager: EntityManager, organizationId: string, id: string): Promise<HeldRow[]> {
  return manager.query(
    `SELECT s.id AS snapshot_id, s.version, s.as_of::text AS as_of,
            p.id AS person_id, p.name, p.email, p.hire_date::text AS hire_date,
            a.position_id, a.role_start_date::text AS role_start_date, a.previous_title,
            a.last_promotion_date::text AS last_promotion_date, a.performance_rating,
            pos.external_id AS position_external_id, pos.title, pos.department, pos.location, pos.tier, pos.fte,
            manager.external_id AS manager_external_id
     FROM org_snapshot s
     JOIN person p ON p.snapshot_id = s.id AND p.employee_id = $2
     LEFT JOIN assignment a ON a.person_id = p.id
     LEFT JOIN position pos ON pos.id = a.position_id
     LEFT JOIN position manager ON manager.id = pos.reports_to_id
     WHERE s.organization_id = $1
     ORDER BY s.as_of, s.version`,
    [organizationId, id],
  );
}

function responsibilitiesOf(manager: EntityManager, held: readonly HeldRow[]) {
  return manager.query(
    `SELECT position_id, title, description, value_level, value_level_source, share_pct, held_since::text AS held_since
     FROM responsibility WHERE snapshot_id = ANY($1) AND position_id = ANY($2) ORDER BY title`,
    [held.map((row) => row.snapshot_id), held.flatMap((row) => (row.position_id ? [row.position_id] : []))],
  ) as Promise<
    {
      position_id: string;
      title: string;
      description: string | null;
      value_level: string;
      value_level_source: string;
      share_pct: number;
      held_since: string | null;
    }[]
  >;
}

/** Finding keys are `KIND:employeeId` or `KIND:employeeId:detail` (findingKey in the analysis). */
function reviewsAbout(manager: EntityManager, organizationId: string, id: string) {
  return manager.query(
    `SELECT id, finding_key, status, note, reviewer, reviewed_at FROM finding_review
     WHERE organization_id = $1
       AND (substr(finding_key, strpos(finding_key, ':') + 1) = $2
            OR starts_with(substr(finding_key, strpos(finding_key, ':') + 1), $2 || ':'))
     ORDER BY reviewed_at`,
    [organizationId, id],
  ) as Promise<
    { id: string; finding_key: string; status: string; note: string | null; reviewer: string | null; reviewed_at: Date }[]
  >;
}

/** Tier overrides are keyed by the employee id, value-level ones by `employeeId:responsibility`. */
function overridesOf(manager: EntityManager, organizationId: string, id: string) {
  return manager.query(
    `SELECT id, kind, subject_key, value, created_by, created_at FROM classification_override
     WHERE organization_id = $1 AND (subject_key = $2 OR starts_with(subject_key, $2 || ':'))
     ORDER BY created_at`,
    [organizationId, id],
  ) as Promise<
    { id: string; kind: string; subject_key: string; value: string | null; created_by: string | null; created_at: Date }[]
  >;
}

/** The person's employee id, and every name and e-mail they were recorded under. */
function identifyingTerms(id: string, held: readonly HeldRow[]): string[] {
  return [id, ...held.map((row) => row.name), ...held.flatMap((row) => (row.email ? [row.email] : []))];
}

interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actor_name: string;
  target: string | null;
  details: unknown;
}

async function auditEntriesNaming(manager: EntityManager, organizationId: string, terms: readonly string[]): Promise<AuditRow[]> {
  const pattern = mentionPattern(terms);
  if (!pattern) return [];
  // A cheap substring match in SQL, then the exact one (whole identifiers only) here.
  const likes = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].map(
    (term) => `%${term.replace(/[\\%_]/g, '\\$&')}%`,
  );
  const rows: AuditRow[] = await manager.query(
    `SELECT id, at, action, actor_name, target, details FROM audit_log
     WHERE organization_id = $1 AND (target ILIKE ANY($2) OR details::text ILIKE ANY($2) OR actor_name ILIKE ANY($2))
     ORDER BY at`,
    [organizationId, likes],
  );
  return rows.filter(
    (row) => mentions(row.target ?? '', pattern) || mentions(row.details, pattern) || mentions(row.actor_name, pattern),
  );
}

async function redactAuditEntries(manager: EntityManager, organizationId: string, terms: readonly string[]): Promise<number> {
  const pattern = mentionPattern(terms)!;
  const rows = await auditEntriesNaming(manager, organizationId, terms);
  if (rows.length === 0) return 0;
  // The audit log's trigger lets this transaction, and only it, rewrite target, details and actor name.
  await manager.query("SELECT set_config('rolemap.audit_redaction', 'on', true)");
  for (const row of rows) {
    await manager.query('UPDATE audit_log SET target = $2, details = $3, actor_name = $4 WHERE id = $1', [
      row.id,
      row.target === null ? null : redactMentions(row.target, pattern),
      JSON.stringify(redactMentions(row.details, pattern)),
      redactMentions(row.actor_name, pattern),
    ]);
  }
  await manager.query("SELECT set_config('rolemap.audit_redaction', 'off', true)");
  return rows.length;
}
