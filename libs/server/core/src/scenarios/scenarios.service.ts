import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AnalysisFinding,
  type EditTracking,
  type ScenarioScore,
  SnapshotIndex,
  applyScenarioEdits,
  delegationPlanEdits,
  describeEdit,
  normaliseEdit,
  rebaseEdits,
  scoreScenario,
  trackPlan,
} from '@rolemap/analysis';
import { type DelegationGapFinding, DomainError, SCENARIO_MAX_EDITS, type ScenarioStatus } from '@rolemap/domain';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import { PositionScopeService } from '../access/position-scope.service';
import { AnalysisService, type SnapshotAnalysis } from '../analysis/analysis.service';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess, assertRole, membershipIn, roleIn } from '../common/caller';
import { isUuid } from '../common/uuid';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { latestSnapshot } from '../snapshots/snapshot-order';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { ScenarioEntity, type ScenarioKind } from './scenario.entity';

export const SCENARIO_NAME_MAX = 200;
export const SCENARIO_NOTES_MAX = 4000;
/** Scenarios compared side by side at most. */
export const SCENARIO_COMPARE_MAX = 5;

export interface ScoredScenario {
  scenario: ScenarioEntity;
  score: ScenarioScore;
  /** The base analysis the score compares with (names, titles). */
  base: SnapshotAnalysis;
  /** The employee id heading the part of the chart the figures cover (a leader's own post); null for all of it. */
  within: string | null;
}

export interface ScenarioTracking {
  scenario: ScenarioEntity;
  /** The snapshot the plan is compared with. */
  snapshot: OrgSnapshotEntity;
  edits: EditTracking[];
}

/** Options for changes that check the version the caller last saw. */
export interface VersionCheck {
  /** The scenario's version the change is based on; a newer one on the server refuses it (CONFLICT). */
  expectedVersion?: number | null;
}

/**
 * Scenarios and delegation plans. HR admins work on any scenario of their organization; a leader
 * on the ones they own, within their own subtree (checked on every edit as the chart stands after
 * the edits before it); only HR approves or rejects. Every change bumps the version and is
 * refused when the caller's expected version is stale, and leaves an audit entry.
 */
@Injectable()
export class ScenariosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
    private readonly analysis: AnalysisService,
    private readonly scope: PositionScopeService,
    private readonly audit: AuditLogService,
  ) {}

  /** The caller's scenarios of the organization (HR: all of them), newest first; of one snapshot when given. */
  async list(caller: Caller, organizationId: string, snapshotId?: string | null): Promise<ScenarioEntity[]> {
    const role = assertRole(caller, organizationId, ['HR_ADMIN', 'LEADER']);
    const query = this.dataSource
      .getRepository(ScenarioEntity)
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId', { organizationId })
      .orderBy('s.updated_at', 'DESC')
      .addOrderBy('s.id');
    if (snapshotId) query.andWhere('s.snapshot_id = :snapshotId', { snapshotId: isUuid(snapshotId) ? snapshotId : null });
    if (role === 'LEADER') query.andWhere('s.owner_account_id = :ownerId', { ownerId: caller.id });
    return query.getMany();
  }

  /** One scenario, when the caller may see it (a leader: their own); NOT_FOUND otherwise. */
  async get(caller: Caller, scenarioId: string): Promise<ScenarioEntity> {
    return this.readable(caller, scenarioId, await this.find(scenarioId));
  }

  /**
   * The same for a request that names the organization too (a report download): a scenario of
   * another organization is NOT_FOUND, as if it did not exist, before any role check.
   */
  async getIn(caller: Caller, organizationId: string, scenarioId: string): Promise<ScenarioEntity> {
    const scenario = await this.find(scenarioId);
    return this.readable(caller, scenarioId, scenario?.organizationId === organizationId ? scenario : null);
  }

  private async find(scenarioId: string): Promise<ScenarioEntity | null> {
    return isUuid(scenarioId) ? this.dataSource.getRepository(ScenarioEntity).findOneBy({ id: scenarioId }) : null;
  }

  private readable(caller: Caller, scenarioId: string, scenario: ScenarioEntity | null): ScenarioEntity {
    if (!scenario) throw new DomainError('NOT_FOUND', `No scenario with id ${scenarioId}`);
    const role = assertRole(caller, scenario.organizationId, ['HR_ADMIN', 'LEADER']);
    if (role === 'LEADER' && scenario.ownerAccountId !== caller.id) {
      throw new DomainError('NOT_FOUND', `No scenario with id ${scenarioId}`);
    }
    return scenario;
  }

  async create(
    caller: Caller,
    snapshotId: string,
    input: { name: string; notes?: string | null; kind?: ScenarioKind },
  ): Promise<ScenarioEntity> {
    const snapshot = await this.snapshots.get(caller, snapshotId);
    const scopeEmployeeId = this.scopeOf(caller, snapshot.organizationId);
    const name = checkedName(input.name);
    const notes = checkedNotes(input.notes);
    return this.dataSource.transaction(async (manager) => {
      const scenario = await manager.getRepository(ScenarioEntity).save({
        organizationId: snapshot.organizationId,
        snapshotId: snapshot.id,
        name,
        notes,
        kind: input.kind ?? 'SCENARIO',
        status: 'DRAFT',
        ownerAccountId: caller.id,
        ownerName: caller.displayName,
        scopeEmployeeId,
        edits: [],
        droppedEdits: [],
        version: 1,
      });
      await this.record(caller, manager, scenario, 'create', { snapshot: `v${snapshot.version}` });
      return scenario;
    });
  }

  /** Appends edits, each validated against the chart as the edits before it leave it; none is kept when one fails. */
  async addEdits(
    caller: Caller,
    scenarioId: string,
    inputs: readonly Record<string, unknown>[],
    check: VersionCheck = {},
  ): Promise<ScenarioEntity> {
    const scenario = await this.editable(caller, scenarioId);
    if (inputs.length === 0) throw new DomainError('BAD_USER_INPUT', 'Give at least one edit');
    const offset = scenario.edits.length;
    const added = inputs.map((input, i) => normaliseEdit(input, offset + i + 1));
    const edits = [...scenario.edits, ...added];
    if (edits.length > SCENARIO_MAX_EDITS) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `A scenario holds at most ${SCENARIO_MAX_EDITS} edits; this one would hold ${edits.length}`,
      );
    }
    const base = await this.baseAnalysis(caller, scenario);
    applyScenarioEdits(base.index, edits, { scopeRoot: scenario.scopeEmployeeId });
    return this.save(caller, scenario, { edits }, check, 'edit', { added: added.map(describeEdit) });
  }

  /** Takes back the latest edit. */
  async undo(caller: Caller, scenarioId: string, check: VersionCheck = {}): Promise<ScenarioEntity> {
    const scenario = await this.editable(caller, scenarioId);
    const last = scenario.edits[scenario.edits.length - 1];
    if (!last) throw new DomainError('BAD_USER_INPUT', `"${scenario.name}" has no edits to undo`);
    return this.save(caller, scenario, { edits: scenario.edits.slice(0, -1) }, check, 'undo', { removed: describeEdit(last) });
  }

  /** Name and notes; edits go through addEdits/undo. */
  async rename(
    caller: Caller,
    scenarioId: string,
    input: { name?: string | null; notes?: string | null },
    check: VersionCheck = {},
  ): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    this.assertOwnerOrHr(caller, scenario);
    const changes: Partial<ScenarioEntity> = {};
    if (input.name != null) changes.name = checkedName(input.name);
    if (input.notes !== undefined) changes.notes = checkedNotes(input.notes);
    return this.save(caller, scenario, changes, check, 'rename', {});
  }

  /** DRAFT → PROPOSED; submitting a proposed scenario again changes nothing. */
  async submit(caller: Caller, scenarioId: string, check: VersionCheck = {}): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    this.assertOwnerOrHr(caller, scenario);
    if (scenario.status === 'PROPOSED') return scenario;
    this.assertStatus(scenario, ['DRAFT', 'REJECTED'], 'submitted');
    if (scenario.edits.length === 0) throw new DomainError('BAD_USER_INPUT', `"${scenario.name}" has no edits to propose`);
    return this.save(caller, scenario, { status: 'PROPOSED' }, check, 'submit', {});
  }

  /** HR's decision on a proposed scenario. */
  async decide(
    caller: Caller,
    scenarioId: string,
    decision: 'APPROVED' | 'REJECTED',
    note: string | null,
    check: VersionCheck = {},
  ): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    assertRole(caller, scenario.organizationId, ['HR_ADMIN']);
    this.assertStatus(scenario, ['PROPOSED'], decision === 'APPROVED' ? 'approved' : 'rejected');
    const notes = note?.trim()
      ? checkedNotes([scenario.notes, `${decision}: ${note.trim()}`].filter(Boolean).join('\n'))
      : scenario.notes;
    return this.save(
      caller,
      scenario,
      { status: decision, decidedBy: caller.displayName, decidedAt: new Date(), notes },
      check,
      decision === 'APPROVED' ? 'approve' : 'reject',
      {},
    );
  }

  /** A rejected or proposed scenario back to a draft, to work on again (a draft stays as it is). */
  async reopen(caller: Caller, scenarioId: string, check: VersionCheck = {}): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    this.assertOwnerOrHr(caller, scenario);
    if (scenario.status === 'DRAFT') return scenario;
    this.assertStatus(scenario, ['PROPOSED', 'REJECTED'], 'reopened');
    return this.save(caller, scenario, { status: 'DRAFT', decidedBy: null, decidedAt: null }, check, 'reopen', {});
  }

  /** The scenario scored against its snapshot's analysis (cached); a leader sees their part of the chart. */
  async score(caller: Caller, scenarioId: string): Promise<ScoredScenario> {
    const scenario = await this.get(caller, scenarioId);
    const base = await this.baseAnalysis(caller, scenario);
    const within = this.scopeOf(caller, scenario.organizationId);
    const score = scoreScenario(base, scenario.edits, base.policy, {
      scopeRoot: scenario.scopeEmployeeId,
      within,
      // A stored scenario always applied when saved; a later erasure may have taken someone out.
      keepGoing: true,
    });
    return { scenario, score, base, within };
  }

  /** Scenarios of one organization scored side by side. */
  async compare(caller: Caller, organizationId: string, scenarioIds: readonly string[]): Promise<ScoredScenario[]> {
    assertRole(caller, organizationId, ['HR_ADMIN', 'LEADER']);
    const ids = [...new Set(scenarioIds)];
    if (ids.length < 1 || ids.length > SCENARIO_COMPARE_MAX) {
      throw new DomainError('BAD_USER_INPUT', `Compare 1 to ${SCENARIO_COMPARE_MAX} scenarios (got ${ids.length})`);
    }
    const scored: ScoredScenario[] = [];
    for (const id of ids) {
      const item = await this.score(caller, id);
      if (item.scenario.organizationId !== organizationId) throw new DomainError('NOT_FOUND', `No scenario with id ${id}`);
      scored.push(item);
    }
    return scored;
  }

  /**
   * "Plan this delegation": the delegation gap's move (with its hand-off chain, or to the
   * delegate the caller picks) added to the caller's draft delegation plan for the snapshot,
   * which is created on first use.
   */
  async planDelegation(
    caller: Caller,
    snapshotId: string,
    findingKey: string,
    delegate: string | null,
    check: VersionCheck = {},
  ): Promise<ScenarioEntity> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const visible = await this.scope.visible(caller, analysis.snapshot);
    const finding = analysis.result.findings.find(
      (item): item is AnalysisFinding<DelegationGapFinding> =>
        item.key === findingKey && item.kind === 'DELEGATION_GAP' && (!visible || visible.has(item.positionId)),
    );
    if (!finding) throw new DomainError('NOT_FOUND', `No delegation gap ${findingKey} in this snapshot`);
    const edits = delegationPlanEdits(analysis.index, finding, delegate);
    let plan = await this.dataSource.getRepository(ScenarioEntity).findOne({
      where: { snapshotId, kind: 'DELEGATION_PLAN', status: 'DRAFT', ownerAccountId: caller.id ?? undefined },
      order: { updatedAt: 'DESC' },
    });
    if (plan && caller.id === null && plan.ownerAccountId !== null) plan = null;
    if (!plan) {
      plan = await this.create(caller, snapshotId, {
        name: `Delegation plan, v${analysis.snapshot.version}`,
        kind: 'DELEGATION_PLAN',
      });
    }
    return this.addEdits(caller, plan.id, edits as unknown as Record<string, unknown>[], check);
  }

  /** An approved plan against a later snapshot (default: the next one on the timeline): done, partly done, not done. */
  async track(caller: Caller, scenarioId: string, laterSnapshotId?: string | null): Promise<ScenarioTracking> {
    const scenario = await this.get(caller, scenarioId);
    this.assertStatus(scenario, ['APPROVED'], 'tracked');
    const planned = await this.snapshots.get(caller, scenario.snapshotId);
    const later = laterSnapshotId ? await this.snapshots.get(caller, laterSnapshotId) : await this.nextSnapshot(planned);
    if (!later) throw new DomainError('NOT_FOUND', 'No snapshot after the one the plan was made on: import the next chart first');
    return this.trackAgainst(caller, scenario, planned, later);
  }

  /** The tracking a plan report shows: an approved plan against the next snapshot, or null before approval or that snapshot. */
  async trackingIfDue(caller: Caller, scenarioId: string): Promise<ScenarioTracking | null> {
    const scenario = await this.get(caller, scenarioId);
    if (scenario.status !== 'APPROVED') return null;
    const planned = await this.snapshots.get(caller, scenario.snapshotId);
    const later = await this.nextSnapshot(planned);
    return later ? this.trackAgainst(caller, scenario, planned, later) : null;
  }

  private async trackAgainst(
    caller: Caller,
    scenario: ScenarioEntity,
    planned: OrgSnapshotEntity,
    later: OrgSnapshotEntity,
  ): Promise<ScenarioTracking> {
    if (later.organizationId !== scenario.organizationId) {
      throw new DomainError('BAD_USER_INPUT', 'The snapshot belongs to another organization');
    }
    const [plannedIndex, laterIndex] = await Promise.all([this.indexOf(caller, planned), this.indexOf(caller, later)]);
    return { scenario, snapshot: later, edits: trackPlan(plannedIndex, laterIndex, scenario.edits) };
  }

  /**
   * Moves a scenario onto a newer snapshot (default: the latest): edits that still apply are kept
   * in order; those that no longer do are listed in `droppedEdits`, never dropped silently.
   */
  async rebase(caller: Caller, scenarioId: string, snapshotId: string | null, check: VersionCheck = {}): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    this.assertOwnerOrHr(caller, scenario);
    this.assertStatus(scenario, ['DRAFT', 'PROPOSED', 'REJECTED'], 'rebased');
    const target = snapshotId
      ? await this.snapshots.get(caller, snapshotId)
      : await latestSnapshot(this.dataSource.manager, scenario.organizationId);
    if (!target || target.organizationId !== scenario.organizationId) {
      throw new DomainError('NOT_FOUND', 'No newer snapshot of this organization to rebase onto');
    }
    if (target.id === scenario.snapshotId) {
      throw new DomainError('BAD_USER_INPUT', `"${scenario.name}" is already on snapshot v${target.version}`);
    }
    const analysis = await this.analysis.analysisOf(caller, target);
    const { kept, dropped } = rebaseEdits(analysis.index, scenario.edits, scenario.scopeEmployeeId);
    return this.save(caller, scenario, { snapshotId: target.id, edits: kept, droppedEdits: dropped }, check, 'rebase', {
      onto: `v${target.version}`,
      kept: kept.length,
      dropped: dropped.length,
    });
  }

  // ---------------------------------------------------------------------------------------------

  private async editable(caller: Caller, scenarioId: string): Promise<ScenarioEntity> {
    const scenario = await this.get(caller, scenarioId);
    this.assertOwnerOrHr(caller, scenario);
    this.assertStatus(scenario, ['DRAFT'], 'edited');
    return scenario;
  }

  private assertOwnerOrHr(caller: Caller, scenario: ScenarioEntity): void {
    if (roleIn(caller, scenario.organizationId) === 'HR_ADMIN') return;
    if (scenario.ownerAccountId !== caller.id) throw new DomainError('NOT_FOUND', `No scenario with id ${scenario.id}`);
  }

  private assertStatus(scenario: ScenarioEntity, allowed: readonly ScenarioStatus[], what: string): void {
    if (!allowed.includes(scenario.status)) {
      throw new DomainError(
        'CONFLICT',
        `"${scenario.name}" is ${scenario.status.toLowerCase()}: only ${allowed.map((s) => s.toLowerCase()).join(' or ')} scenarios can be ${what}`,
      );
    }
  }

  /** A leader's own post heads what they may edit; HR edits the whole chart (null). */
  private scopeOf(caller: Caller, organizationId: string): string | null {
    const role = assertRole(caller, organizationId, ['HR_ADMIN', 'LEADER']);
    if (role === 'HR_ADMIN') return null;
    const employeeId = membershipIn(caller, organizationId)?.personExternalId ?? null;
    if (!employeeId) {
      throw new DomainError('FORBIDDEN', 'Your account is not linked to a person in the chart: ask HR to link it first');
    }
    return employeeId;
  }

  private async baseAnalysis(caller: Caller, scenario: ScenarioEntity): Promise<SnapshotAnalysis> {
    return this.analysis.forSnapshot(caller, scenario.snapshotId);
  }

  private async indexOf(caller: Caller, snapshot: OrgSnapshotEntity): Promise<SnapshotIndex> {
    assertCanAccess(caller, snapshot.organizationId);
    return (await this.analysis.analysisOf(caller, snapshot)).index;
  }

  private nextSnapshot(snapshot: OrgSnapshotEntity): Promise<OrgSnapshotEntity | null> {
    const { organizationId, asOf, version } = snapshot;
    return this.dataSource.getRepository(OrgSnapshotEntity).findOne({
      where: [
        { organizationId, asOf: MoreThan(asOf) },
        { organizationId, asOf, version: MoreThan(version) },
      ],
      order: { asOf: 'ASC', version: 'ASC' },
    });
  }

  /**
   * Writes the change if the row still has the version the caller started from (and the one
   * this request read): the optimistic check two editors meet when they work at once.
   */
  private async save(
    caller: Caller,
    scenario: ScenarioEntity,
    changes: Partial<ScenarioEntity>,
    check: VersionCheck,
    operation: string,
    details: Record<string, unknown>,
  ): Promise<ScenarioEntity> {
    const expected = check.expectedVersion ?? scenario.version;
    if (expected !== scenario.version) throw conflict(scenario);
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(ScenarioEntity)
        .set({ ...changes, version: expected + 1, updatedAt: () => 'now()' })
        .where('id = :id AND version = :expected', { id: scenario.id, expected })
        .execute();
      const fresh = await manager.getRepository(ScenarioEntity).findOneBy({ id: scenario.id });
      if (!fresh) throw new DomainError('NOT_FOUND', `No scenario with id ${scenario.id}`);
      if (!result.affected) throw conflict(fresh);
      await this.record(caller, manager, fresh, operation, details);
      return fresh;
    });
  }

  private record(
    caller: Caller,
    manager: EntityManager,
    scenario: ScenarioEntity,
    operation: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      caller,
      {
        action: 'scenario',
        organizationId: scenario.organizationId,
        target: `scenario ${scenario.id}`,
        details: { operation, name: scenario.name, status: scenario.status, version: scenario.version, ...details },
      },
      manager,
    );
  }
}

function conflict(current: ScenarioEntity): DomainError {
  return new DomainError(
    'CONFLICT',
    `"${current.name}" was changed by someone else (now version ${current.version}): reload it and make your change again`,
    { version: current.version },
  );
}

function checkedName(value: string): string {
  const name = (value ?? '').trim().replace(/\s+/g, ' ');
  if (!name) throw new DomainError('BAD_USER_INPUT', 'name is required');
  if (name.length > SCENARIO_NAME_MAX) {
    throw new DomainError('BAD_USER_INPUT', `name is ${name.length} characters long; at most ${SCENARIO_NAME_MAX}`);
  }
  return name;
}

function checkedNotes(value: string | null | undefined): string | null {
  const notes = value?.trim() || null;
  if (notes && notes.length > SCENARIO_NOTES_MAX) {
    throw new DomainError('BAD_USER_INPUT', `notes are ${notes.length} characters long; at most ${SCENARIO_NOTES_MAX}`);
  }
  return notes;
}
