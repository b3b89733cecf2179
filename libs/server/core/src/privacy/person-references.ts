import type { EntityManager } from 'typeorm';
import { mentionPattern, mentions, redactMentions } from './person-mentions';

/*
 * The person's traces outside the snapshots: survey answers, actions planned on findings, and
 * scenario edits. Survey rows of the person go with their person rows (foreign keys); what other
 * rows say about them (a manager reference, an action's owner, a scenario's move) is rewritten.
 */

export interface SurveyAnswersHeld {
  campaign: string;
  mode: string;
  selfStatus: string;
  managerStatus: string;
  selfAnswers: unknown;
  managerAnswers: unknown;
  selfSubmittedAt: string | null;
  managerSubmittedAt: string | null;
}

export interface ActionHeld {
  findingKey: string;
  owner: string;
  step: string;
  delegateTo: string | null;
  dueOn: string;
  status: string;
  note: string | null;
}

export interface ScenarioMention {
  scenario: string;
  status: string;
  /** The edits that name the person (by employee id, name or e-mail). */
  edits: unknown[];
}

export async function surveyAnswersOf(manager: EntityManager, organizationId: string, id: string): Promise<SurveyAnswersHeld[]> {
  const rows: {
    name: string;
    mode: string;
    self_status: string;
    manager_status: string;
    self_answers: unknown;
    manager_answers: unknown;
    self_submitted_at: Date | null;
    manager_submitted_at: Date | null;
  }[] = await manager.query(
    `SELECT c.name, r.mode, r.self_status, r.manager_status, r.self_answers, r.manager_answers,
            r.self_submitted_at, r.manager_submitted_at
     FROM survey_response r JOIN survey_campaign c ON c.id = r.campaign_id
     WHERE c.organization_id = $1 AND r.employee_id = $2
     ORDER BY c.created_at`,
    [organizationId, id],
  );
  return rows.map((row) => ({
    campaign: row.name,
    mode: row.mode,
    selfStatus: row.self_status,
    managerStatus: row.manager_status,
    selfAnswers: row.self_answers,
    managerAnswers: row.manager_answers,
    selfSubmittedAt: row.self_submitted_at?.toISOString() ?? null,
    managerSubmittedAt: row.manager_submitted_at?.toISOString() ?? null,
  }));
}

interface ActionRow {
  id: string;
  finding_key: string;
  subject_ref: string;
  owner: string;
  step: string;
  delegate_to: string | null;
  due_on: string;
  status: string;
  note: string | null;
}

/** Actions on findings about the person, and actions that name them as owner, delegate or in a note. */
async function actionsNaming(manager: EntityManager, organizationId: string, id: string, terms: readonly string[]) {
  const pattern = mentionPattern(terms);
  const rows: ActionRow[] = await manager.query(
    `SELECT id, finding_key, subject_ref, owner, step, delegate_to, due_on::text AS due_on, status, note
     FROM finding_action WHERE organization_id = $1 ORDER BY created_at`,
    [organizationId],
  );
  const about = rows.filter((row) => row.subject_ref === id);
  const naming = pattern
    ? rows.filter(
        (row) =>
          row.subject_ref !== id &&
          (mentions(row.owner, pattern) || mentions(row.delegate_to ?? '', pattern) || mentions(row.note ?? '', pattern)),
      )
    : [];
  return { about, naming, pattern };
}

export async function actionsOf(
  manager: EntityManager,
  organizationId: string,
  id: string,
  terms: readonly string[],
): Promise<ActionHeld[]> {
  const { about, naming } = await actionsNaming(manager, organizationId, id, terms);
  return [...about, ...naming].map((row) => ({
    findingKey: row.finding_key,
    owner: row.owner,
    step: row.step,
    delegateTo: row.delegate_to,
    dueOn: row.due_on,
    status: row.status,
    note: row.note,
  }));
}

interface ScenarioRow {
  id: string;
  name: string;
  status: string;
  notes: string | null;
  owner_name: string;
  scope_employee_id: string | null;
  edits: unknown[];
  dropped_edits: unknown[];
}

function scenarioRows(manager: EntityManager, organizationId: string): Promise<ScenarioRow[]> {
  return manager.query(
    `SELECT id, name, status, notes, owner_name, scope_employee_id, edits, dropped_edits
     FROM scenario WHERE organization_id = $1 ORDER BY created_at`,
    [organizationId],
  );
}

/** Whether a value is, or holds, the exact reference `id` (edits name positions by employee id). */
function refers(value: unknown, id: string): boolean {
  if (value === id) return true;
  if (Array.isArray(value)) return value.some((item) => refers(item, id));
  if (value && typeof value === 'object') return Object.values(value).some((item) => refers(item, id));
  return false;
}

function replaceRef<T>(value: T, id: string, replacement: string): T {
  if (value === id) return replacement as T;
  if (Array.isArray(value)) return value.map((item) => replaceRef(item, id, replacement)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceRef(item, id, replacement)])) as T;
  }
  return value;
}

export async function scenariosNaming(
  manager: EntityManager,
  organizationId: string,
  id: string,
  terms: readonly string[],
): Promise<ScenarioMention[]> {
  const pattern = mentionPattern(terms);
  const named = (edit: unknown) => refers(edit, id) || (pattern !== null && mentions(edit, pattern));
  return (await scenarioRows(manager, organizationId))
    .map((row) => ({ scenario: row.name, status: row.status, edits: [...row.edits, ...row.dropped_edits].filter(named) }))
    .filter((mention) => mention.edits.length > 0);
}

export interface ReferencesRewritten {
  actionsDeleted: number;
  actionsRedacted: number;
  scenariosRewritten: number;
  surveyManagerReferences: number;
}

/**
 * Rewrites what other rows hold about the person: their employee id becomes `erasedRef` (the
 * reference their vacated post now carries, so plans and survey groupings still point at the
 * post), names and e-mails become "[erased]". Actions on findings about them are deleted with
 * those findings' reviews (the caller deletes the reviews; this removes any left unlinked).
 */
export async function rewritePersonReferences(
  manager: EntityManager,
  organizationId: string,
  id: string,
  terms: readonly string[],
  erasedRef: string,
): Promise<ReferencesRewritten> {
  const { about, naming, pattern } = await actionsNaming(manager, organizationId, id, terms);
  await manager.query('DELETE FROM finding_action WHERE id = ANY($1)', [about.map((row) => row.id)]);
  for (const row of naming) {
    await manager.query('UPDATE finding_action SET owner = $2, delegate_to = $3, note = $4, updated_at = now() WHERE id = $1', [
      row.id,
      redactMentions(row.owner, pattern!),
      row.delegate_to === null ? null : redactMentions(row.delegate_to, pattern!),
      row.note === null ? null : redactMentions(row.note, pattern!),
    ]);
  }

  let scenariosRewritten = 0;
  for (const row of await scenarioRows(manager, organizationId)) {
    const redact = <T>(value: T): T => {
      const moved = replaceRef(value, id, erasedRef);
      return pattern ? redactMentions(moved, pattern) : moved;
    };
    const next = {
      notes: row.notes === null ? null : redact(row.notes),
      owner_name: redact(row.owner_name),
      scope_employee_id: row.scope_employee_id === id ? erasedRef : row.scope_employee_id,
      edits: redact(row.edits),
      dropped_edits: redact(row.dropped_edits),
    };
    const current = {
      notes: row.notes,
      owner_name: row.owner_name,
      scope_employee_id: row.scope_employee_id,
      edits: row.edits,
      dropped_edits: row.dropped_edits,
    };
    if (JSON.stringify(next) === JSON.stringify(current)) continue;
    scenariosRewritten += 1;
    await manager.query(
      `UPDATE scenario SET notes = $2, owner_name = $3, scope_employee_id = $4, edits = $5, dropped_edits = $6,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [
        row.id,
        next.notes,
        next.owner_name,
        next.scope_employee_id,
        JSON.stringify(next.edits),
        JSON.stringify(next.dropped_edits),
      ],
    );
  }

  const [, surveyManagerReferences] = (await manager.query(
    `UPDATE survey_response r SET manager_employee_id = $3
     FROM survey_campaign c WHERE c.id = r.campaign_id AND c.organization_id = $1 AND r.manager_employee_id = $2`,
    [organizationId, id, erasedRef],
  )) as [unknown, number];
  await manager.query(
    `UPDATE survey_campaign SET scope_value = $3 WHERE organization_id = $1 AND scope_kind = 'SUBTREE' AND scope_value = $2`,
    [organizationId, id, erasedRef],
  );
  return { actionsDeleted: about.length, actionsRedacted: naming.length, scenariosRewritten, surveyManagerReferences };
}
