import { type AffectedPosition, type AnalysisFinding, type EditProblem, describeEdit } from '@rolemap/analysis';
import { FINDING_KINDS, type ScenarioEdit, TIERS } from '@rolemap/domain';
import type { ScenarioEntity, ScenarioTracking, ScoredScenario } from '@rolemap/server-core';
import { toPositionMixType } from '../findings/finding-mapper';
import type {
  AffectedPositionType,
  ScenarioEditProblemType,
  ScenarioEditType,
  ScenarioFindingType,
  ScenarioScoreType,
  ScenarioTrackingType,
  ScenarioType,
} from './dtos/scenario.types';

const EDIT_FIELDS = [
  'from',
  'to',
  'position',
  'responsibility',
  'newTitle',
  'sharePct',
  'valueLevel',
  'toManager',
  'fromManager',
  'manager',
  'title',
  'tier',
  'department',
] as const;

export function toEditType(edit: ScenarioEdit, number: number): ScenarioEditType {
  const fields = edit as unknown as Record<string, unknown>;
  const flat = Object.fromEntries(EDIT_FIELDS.map((field) => [field, fields[field] ?? null]));
  return {
    ...(flat as Omit<ScenarioEditType, 'number' | 'kind' | 'description'>),
    number,
    kind: edit.kind,
    description: describeEdit(edit),
  };
}

export function toProblemType(problem: EditProblem): ScenarioEditProblemType {
  return {
    number: problem.number,
    description: describeEdit(problem.edit),
    message: problem.message,
    edit: toEditType(problem.edit, problem.number),
  };
}

export function toScenarioType(scenario: ScenarioEntity): ScenarioType {
  return {
    id: scenario.id,
    organizationId: scenario.organizationId,
    snapshotId: scenario.snapshotId,
    name: scenario.name,
    kind: scenario.kind,
    status: scenario.status,
    notes: scenario.notes,
    ownerName: scenario.ownerName,
    scopeEmployeeId: scenario.scopeEmployeeId,
    version: scenario.version,
    edits: scenario.edits.map((edit, i) => toEditType(edit, i + 1)),
    droppedEdits: scenario.droppedEdits.map(toProblemType),
    createdAt: scenario.createdAt,
    updatedAt: scenario.updatedAt,
    decidedBy: scenario.decidedBy,
    decidedAt: scenario.decidedAt,
  };
}

export function toScoreType({ scenario, score, base }: ScoredScenario): ScenarioScoreType {
  const delta = score.delta;
  const nameOf = (finding: AnalysisFinding) =>
    (score.index.node(finding.positionId) ?? base.index.node(finding.positionId))?.person?.name ?? null;
  const finding = (item: AnalysisFinding): ScenarioFindingType => ({
    key: item.key,
    kind: item.kind,
    severity: item.severity,
    employeeId: item.employeeId,
    personName: nameOf(item),
    explanation: item.explanation,
  });
  const affected = (item: AffectedPosition): AffectedPositionType => ({
    externalId: item.externalId,
    name: item.name,
    title: item.title,
    tier: item.tier,
    before: item.before ? toPositionMixType(item.before) : null,
    after: item.after ? toPositionMixType(item.after) : null,
    managerBefore: item.managerBefore,
    managerAfter: item.managerAfter,
    findingsBefore: item.findingsBefore.map(finding),
    findingsAfter: item.findingsAfter.map(finding),
  });
  return {
    scenario: toScenarioType(scenario),
    findingsByKind: FINDING_KINDS.map((kind) => ({ kind, ...delta.findingsByKind[kind] })),
    findingCount: delta.findingCount,
    resolved: delta.resolved.map(finding),
    introduced: delta.introduced.map(finding),
    leaderTimeBelowLevelPct: delta.leaderTimeBelowLevelPct,
    leaderTacticalLoadPct: delta.leaderTacticalLoadPct,
    tacticalGapByTier: TIERS.map((tier) => ({ tier, ...delta.tacticalGapByTier[tier] })),
    meanSpan: delta.meanSpan,
    maxSpan: delta.maxSpan,
    layers: delta.layers,
    overCapacity: delta.overCapacity,
    affected: delta.affected.map(affected),
    problems: score.problems.map(toProblemType),
  };
}

export function toTrackingType(tracking: ScenarioTracking): ScenarioTrackingType {
  const count = (progress: string) => tracking.edits.filter((edit) => edit.progress === progress).length;
  return {
    scenario: toScenarioType(tracking.scenario),
    snapshotId: tracking.snapshot.id,
    snapshotVersion: tracking.snapshot.version,
    snapshotAsOf: tracking.snapshot.asOf,
    edits: tracking.edits.map((edit) => ({
      number: edit.number,
      description: edit.description,
      progress: edit.progress,
      detail: edit.detail,
    })),
    done: count('DONE'),
    partlyDone: count('PARTLY_DONE'),
    notDone: count('NOT_DONE'),
  };
}
