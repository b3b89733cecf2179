import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PositionNode } from '@rolemap/analysis';
import {
  ACTION_LIMITS,
  ACTION_STATUSES,
  type ActionStatus,
  DomainError,
  type FindingAction,
  type FindingKind,
  isOverdue,
} from '@rolemap/domain';
import { DataSource, In } from 'typeorm';
import { PositionScopeService } from '../access/position-scope.service';
import { AnalysisService, type SnapshotAnalysis } from '../analysis/analysis.service';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess } from '../common/caller';
import { FindingsService } from '../findings/findings.service';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { latestSnapshot } from '../snapshots/snapshot-order';
import { ACTIVE_ACTION_STATUSES, toFindingAction } from './action-store';
import { FindingActionEntity } from './finding-action.entity';

export interface ActionQuery {
  /** Only actions about this leader and the people below them (in the snapshot listed against). */
  leaderPositionId?: string | null;
  statuses?: readonly ActionStatus[] | null;
  overdueOnly?: boolean;
}

/** An action as a list shows it: where its subject sits in the snapshot, and whether it is late. */
export interface ListedAction extends FindingAction {
  findingKind: FindingKind;
  /** The subject's position in the snapshot listed against; null when they are no longer in it. */
  positionId: string | null;
  subjectName: string | null;
  subjectTitle: string | null;
  overdue: boolean;
}

export interface SettledActions {
  /** Actions marked done because the snapshot no longer has their finding. */
  done: number;
}

/**
 * Actions accepted findings lead to. Lists are read against a snapshot, which says where each
 * subject now sits: a leader sees the actions about their subtree, HR every one. A later
 * snapshot without an action's finding marks it done (`settle`, run after each import).
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly findings: FindingsService,
    private readonly scope: PositionScopeService,
    private readonly audit: AuditLogService,
  ) {}

  /** Overdue first, then by due date; `today` (YYYY-MM-DD) decides what is overdue. */
  async list(caller: Caller, snapshotId: string, query: ActionQuery = {}, today = todayIso()): Promise<ListedAction[]> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const organizationId = analysis.snapshot.organizationId;
    const inScope = await this.findings.scopedPositionIds(caller, analysis, query.leaderPositionId);
    const scoped = inScope ? new Set(inScope) : null;
    const statuses = query.statuses?.length ? [...query.statuses] : [...ACTION_STATUSES];
    const rows = await this.dataSource.getRepository(FindingActionEntity).find({
      where: { organizationId, status: In(statuses) },
      order: { dueOn: 'ASC', createdAt: 'ASC' },
    });
    const subjects = subjectLookup(analysis);
    const listed: ListedAction[] = [];
    for (const row of rows) {
      const node = subjects(row.subjectRef);
      if (scoped && (!node || !scoped.has(node.position.id))) continue;
      const action = toFindingAction(row);
      const overdue = isOverdue(action, today);
      if (query.overdueOnly && !overdue) continue;
      listed.push({
        ...action,
        findingKind: row.findingKey.slice(0, row.findingKey.indexOf(':')) as FindingKind,
        positionId: node?.position.id ?? null,
        subjectName: node ? (node.person?.name ?? null) : null,
        subjectTitle: node?.position.title ?? null,
        overdue,
      });
    }
    return listed.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }

  /** Every action a finding's decisions planned, newest first (cancelled ones included). */
  async ofFinding(caller: Caller, snapshotId: string, findingKey: string): Promise<FindingAction[]> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    await this.assertFindingVisible(caller, analysis, findingKey);
    const rows = await this.dataSource
      .getRepository(FindingActionEntity)
      .find({ where: { organizationId: analysis.snapshot.organizationId, findingKey }, order: { createdAt: 'DESC' } });
    return rows.map(toFindingAction);
  }

  /** Moves an action on (started, done, cancelled); a leader only for their own subtree. */
  async setStatus(caller: Caller, actionId: string, status: ActionStatus, note?: string | null): Promise<FindingAction> {
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) {
      throw new DomainError('BAD_USER_INPUT', `status must be one of ${ACTION_STATUSES.join(', ')}`);
    }
    const trimmedNote = note?.trim() || null;
    if (trimmedNote && trimmedNote.length > ACTION_LIMITS.note) {
      throw new DomainError('BAD_USER_INPUT', `note has at most ${ACTION_LIMITS.note} characters`);
    }
    const notFound = `No action with id ${actionId}`;
    const found = await this.dataSource.getRepository(FindingActionEntity).findOneBy({ id: actionId });
    if (!found) throw new DomainError('NOT_FOUND', notFound);
    assertCanAccess(caller, found.organizationId);
    await this.assertSubjectVisible(caller, found, notFound);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(FindingActionEntity);
      await repository.update(
        { id: actionId },
        {
          status,
          ...(trimmedNote ? { note: trimmedNote } : {}),
          resolvedSnapshotId: null,
          updatedAt: () => 'clock_timestamp()',
        },
      );
      await this.audit.record(
        caller,
        {
          action: 'action',
          organizationId: found.organizationId,
          target: found.findingKey,
          details: { actionId, change: 'status', from: found.status, to: status, withNote: trimmedNote !== null },
        },
        manager,
      );
      return toFindingAction(await repository.findOneByOrFail({ id: actionId }));
    });
  }

  /**
   * Marks done every active action whose finding the organization's latest snapshot no longer
   * has, when that snapshot is later on the timeline than the one the finding was accepted in.
   * Cheap when nothing is open: the analysis runs only if some action is.
   */
  async settle(caller: Caller, organizationId: string): Promise<SettledActions> {
    assertCanAccess(caller, organizationId);
    const active = await this.dataSource
      .getRepository(FindingActionEntity)
      .find({ where: { organizationId, status: In([...ACTIVE_ACTION_STATUSES]) } });
    if (active.length === 0) return { done: 0 };
    const latest = await latestSnapshot(this.dataSource.manager, organizationId);
    if (!latest) return { done: 0 };
    const sources = await this.dataSource.getRepository(OrgSnapshotEntity).find({
      where: { id: In([...new Set(active.flatMap((row) => (row.snapshotId ? [row.snapshotId] : [])))]) },
    });
    const sourceById = new Map(sources.map((snapshot) => [snapshot.id, snapshot]));
    const candidates = active.filter((row) => {
      const source = row.snapshotId ? sourceById.get(row.snapshotId) : undefined;
      return !source || isBefore(source, latest);
    });
    if (candidates.length === 0) return { done: 0 };
    const analysis = await this.analysis.analysisOf(caller, latest);
    const present = new Set(analysis.result.findings.map((finding) => finding.key));
    const gone = candidates.filter((row) => !present.has(row.findingKey));
    if (gone.length === 0) return { done: 0 };
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(FindingActionEntity)
        .update(
          { id: In(gone.map((row) => row.id)), status: In([...ACTIVE_ACTION_STATUSES]) },
          { status: 'DONE', resolvedSnapshotId: latest.id, updatedAt: () => 'clock_timestamp()' },
        );
      for (const row of gone) {
        await this.audit.record(
          caller,
          {
            action: 'action',
            organizationId,
            target: row.findingKey,
            details: { actionId: row.id, change: 'finding-gone', to: 'DONE', snapshot: `v${latest.version}` },
          },
          manager,
        );
      }
    });
    return { done: gone.length };
  }

  private async assertFindingVisible(caller: Caller, analysis: SnapshotAnalysis, findingKey: string): Promise<void> {
    const finding = analysis.result.findings.find((candidate) => candidate.key === findingKey);
    const notFound = `No finding with key ${findingKey} in this snapshot`;
    if (!finding) throw new DomainError('NOT_FOUND', notFound);
    await this.scope.assertVisible(caller, analysis.snapshot, finding.positionId, notFound);
  }

  /** A leader changes actions about their subtree as it is in the organization's latest snapshot. */
  private async assertSubjectVisible(caller: Caller, action: FindingActionEntity, notFound: string): Promise<void> {
    const latest = await latestSnapshot(this.dataSource.manager, action.organizationId);
    if (!latest) throw new DomainError('NOT_FOUND', notFound);
    const visible = await this.scope.visible(caller, latest);
    if (!visible) return;
    const analysis = await this.analysis.analysisOf(caller, latest);
    const node = subjectLookup(analysis)(action.subjectRef);
    if (!node || !visible.has(node.position.id)) throw new DomainError('NOT_FOUND', notFound);
  }
}

/** Finds a subject by employee id, or a vacant post by its reference. */
function subjectLookup(analysis: SnapshotAnalysis): (ref: string) => PositionNode | undefined {
  let byExternalId: Map<string, PositionNode> | null = null;
  return (ref) => {
    const held = analysis.index.nodeOfEmployee(ref);
    if (held) return held;
    byExternalId ??= new Map(analysis.index.nodes.map((node) => [node.position.externalId, node]));
    return byExternalId.get(ref);
  };
}

function isBefore(a: Pick<OrgSnapshotEntity, 'asOf' | 'version'>, b: Pick<OrgSnapshotEntity, 'asOf' | 'version'>): boolean {
  return a.asOf < b.asOf || (a.asOf === b.asOf && a.version < b.version);
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
