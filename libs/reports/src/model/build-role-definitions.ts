import type { AnalysisFinding, AnalysisResult, PositionNode, SnapshotIndex } from '@rolemap/analysis';
import {
  type DelegationGapFinding,
  type IsoDate,
  type SnapshotData,
  TIER_LABELS,
  VALUE_LEVEL_DESCRIPTIONS,
  VALUE_LEVEL_LABELS,
  type ValueLevelPolicy,
} from '@rolemap/domain';
import { formatPct, levelsToTakeOn } from './level-advice';
import { LEVELS_TOP_DOWN, mixLines, ReportContext, reportAppendix, severityLabel } from './report-context';
import { ReportScopeError } from './report-scope-error';
import { DECISION_RIGHTS_SOURCE, decisionRightsOf, keyAccountabilitiesOf, purposeOf } from './role-definition-parts';
import type {
  DelegationLine,
  PositionRef,
  ReportOptions,
  ResponsibilityGroup,
  RoleDataStatus,
  RoleContentsEntry,
  RoleDefinition,
  RoleDefinitionsReport,
  RoleDefinitionsStream,
} from './report-types';

export type RoleScope = { employeeId: string } | { department: string } | { all: true };

/**
 * One role definition per position in scope: what the role is expected to be, what its holder
 * actually does, and what to change. Roles come in the chart's depth-first order, so a
 * department or the whole company reads top-down, each manager before their team.
 * Throws ReportScopeError for an unknown employee or department.
 */
export function buildRoleDefinitions(
  snapshot: SnapshotData | SnapshotIndex,
  analysis: AnalysisResult,
  policy: ValueLevelPolicy,
  options: ReportOptions,
  scope: RoleScope,
): RoleDefinitionsReport {
  return roleDefinitionsOf(streamRoleDefinitions(snapshot, analysis, policy, options, scope));
}

/**
 * The same report with each role built when it is drawn (see RoleDefinitionsStream): it holds
 * the snapshot and its analysis instead of every role's definition. Throws ReportScopeError
 * as buildRoleDefinitions does.
 */
export function streamRoleDefinitions(
  snapshot: SnapshotData | SnapshotIndex,
  analysis: AnalysisResult,
  policy: ValueLevelPolicy,
  options: ReportOptions,
  scope: RoleScope,
): RoleDefinitionsStream {
  const context = new ReportContext(snapshot, analysis, policy, options);
  const { nodes, scopeLabel } = resolveScope(context, scope);
  return {
    kind: 'ROLE_DEFINITIONS',
    header: context.header('ROLE_DEFINITIONS', scopeLabel),
    expectations: context.expectations(),
    decisionRightsSource: DECISION_RIGHTS_SOURCE,
    roleCount: nodes.length,
    roleAt: (index) => roleDefinitionOf(nodes[index], context),
    contents: nodes.map(contentsEntryOf),
    appendix: reportAppendix(),
  };
}

/** Every role of a stream built: the report the other writers (and the API) take. */
export function roleDefinitionsOf(stream: RoleDefinitionsStream): RoleDefinitionsReport {
  return {
    kind: stream.kind,
    header: stream.header,
    expectations: stream.expectations,
    decisionRightsSource: stream.decisionRightsSource,
    roles: Array.from({ length: stream.roleCount }, (_, index) => stream.roleAt(index)),
    appendix: stream.appendix,
  };
}

function contentsEntryOf(node: PositionNode): RoleContentsEntry {
  let depth = 0;
  for (let manager = node.parent; manager; manager = manager.parent) depth++;
  return { title: node.position.title, holderName: node.person?.name ?? null, depth };
}

function resolveScope(context: ReportContext, scope: RoleScope): { nodes: PositionNode[]; scopeLabel: string } {
  const order = context.index.preorder;
  if ('employeeId' in scope) {
    const node = context.index.nodeOfEmployee(scope.employeeId) ?? vacantPost(context, scope.employeeId);
    if (!node) {
      throw new ReportScopeError(`No employee with id "${scope.employeeId}" in this snapshot.`, scope.employeeId);
    }
    const who = node.person ? `${node.person.name}, ${node.position.title}` : `Vacant post: ${node.position.title}`;
    return { nodes: [node], scopeLabel: who };
  }
  if ('department' in scope) {
    const wanted = scope.department.trim().toLowerCase();
    const nodes = order.filter((node) => (node.position.department ?? '').trim().toLowerCase() === wanted);
    if (wanted === '' || nodes.length === 0) {
      const known = [...new Set(order.map((node) => node.position.department).filter((d): d is string => !!d))].sort();
      throw new ReportScopeError(
        `No department named "${scope.department}" in this snapshot. Departments: ${known.join(', ') || 'none'}.`,
        scope.department,
      );
    }
    const name = nodes[0].position.department as string;
    return { nodes, scopeLabel: `${name} department (${nodes.length} role${nodes.length === 1 ? '' : 's'})` };
  }
  return { nodes: [...order], scopeLabel: `All roles (${order.length})` };
}

/** A vacant post is addressed by its post reference, which stands where the employee id would. */
function vacantPost(context: ReportContext, externalId: string): PositionNode | undefined {
  return context.index.nodes.find((node) => node.position.vacant && node.position.externalId === externalId);
}

export function roleDefinitionOf(node: PositionNode, context: ReportContext): RoleDefinition {
  const { position, person } = node;
  const mix = context.mixOf(node);
  const lines = mixLines(mix.expected, mix.actual);
  const findings = context.findingsOf(position.id);
  const promotedOn = promotionDateOf(node, findings);
  const dataStatus = dataStatusOf(mix);
  const reportingLine = reportingLineOf(node, context);
  const responsibilityGroups = responsibilityGroupsOf(node, lines, promotedOn);
  const keyAccountabilities = keyAccountabilitiesOf(responsibilityGroups);
  const directReports = node.children.length;
  const totalReports = node.subtreeSize - 1;
  const purpose = purposeOf(
    {
      externalId: position.externalId,
      title: position.title,
      tier: position.tier,
      department: position.department,
      manager: reportingLine[0] ?? null,
      directReports,
      totalReports,
      accountabilities: keyAccountabilities,
    },
    context.policy,
    context.options.purposes,
  );
  return {
    positionId: position.id,
    externalId: position.externalId,
    title: position.title,
    holder: person ? { employeeId: person.employeeId, name: person.name } : null,
    vacant: position.vacant || !person,
    tier: position.tier,
    tierLabel: TIER_LABELS[position.tier],
    department: position.department,
    location: position.location,
    purpose,
    reportingLine,
    dottedLineManagers: dottedLineManagersOf(node, context),
    directReports,
    totalReports,
    mix: lines,
    allocatedPct: mix.allocatedPct,
    unallocatedPct: mix.unallocatedPct,
    overallocatedPct: mix.overallocatedPct,
    promotedOn,
    carriedOverPct: mix.carriedOverPct,
    responsibilityGroups,
    keyAccountabilities,
    decisionRights: decisionRightsOf(position.tier, context.policy, directReports),
    delegations: findings
      .filter((finding): finding is AnalysisFinding<DelegationGapFinding> => finding.kind === 'DELEGATION_GAP')
      .map((finding) => delegationLine(finding, context))
      .sort((a, b) => b.sharePct - a.sharePct),
    levelsToTakeOn: levelsToTakeOn(lines, position.tier, mix.allocatedPct),
    findings: findings.map((finding) => context.reportFinding(finding)),
    notes: notesOf(node, mix.allocatedPct, mix.unallocatedPct, mix.overallocatedPct),
    dataStatus,
    notChecked: context.notCheckedOf(position.id),
  };
}

function dataStatusOf(mix: { responsibilityCount: number; allocatedPct: number; unclassifiedPct: number }): RoleDataStatus {
  if (mix.responsibilityCount === 0) return 'NO_RESPONSIBILITIES';
  // Nothing with a known level: every line of the mix would read 0% and every gap the whole expectation.
  return mix.allocatedPct - mix.unclassifiedPct > 0 ? 'RECORDED' : 'LEVELS_NEED_REVIEW';
}

export function delegationLine(finding: AnalysisFinding<DelegationGapFinding>, context: ReportContext): DelegationLine {
  const leader = context.refOfPosition(finding.positionId) ?? {
    positionId: finding.positionId,
    employeeId: finding.employeeId,
    name: null,
    title: '',
  };
  const delegate = finding.delegatePositionId ? context.refOfPosition(finding.delegatePositionId) : null;
  const bestFit = finding.bestFitPositionId ? context.refOfPosition(finding.bestFitPositionId) : null;
  const refOr = (positionId: string, employeeId: string, name: string): PositionRef =>
    context.refOfPosition(positionId) ?? { positionId, employeeId, name, title: '' };
  return {
    findingKey: finding.key,
    severity: finding.severity,
    severityLabel: severityLabel(finding.severity),
    leader,
    responsibilityId: finding.responsibilityId,
    responsibility: finding.responsibility,
    sharePct: finding.sharePct,
    valueLevel: finding.valueLevel,
    delegate,
    noDelegateReason: delegate ? null : (finding.noDelegateReason ?? 'no suitable delegate found'),
    outcome: finding.outcome,
    handOffs: finding.handOffs.map((handOff) => ({
      from: refOr(handOff.fromPositionId, handOff.fromEmployeeId, handOff.fromName),
      to: refOr(handOff.toPositionId, handOff.toEmployeeId, handOff.toName),
      responsibility: handOff.responsibility,
      sharePct: handOff.sharePct,
    })),
    bestFit,
    nextStep: finding.nextStep,
    explanation: finding.explanation,
    review: context.reviewOf(finding.key),
  };
}

/**
 * The holder's last promotion: the HR date, or a later one the analysis inferred from earlier
 * snapshots (it reports that date on a PROMOTED_STILL_TACTICAL finding).
 */
function promotionDateOf(node: PositionNode, findings: readonly AnalysisFinding[]): IsoDate | null {
  let date = node.assignment?.lastPromotionDate ?? null;
  for (const finding of findings) {
    if (finding.kind === 'PROMOTED_STILL_TACTICAL' && (!date || finding.promotedOn > date)) date = finding.promotedOn;
  }
  return date;
}

function reportingLineOf(node: PositionNode, context: ReportContext): PositionRef[] {
  const line: PositionRef[] = [];
  // The index cuts reporting cycles, so walking parents always ends at a root.
  for (let manager = node.parent; manager; manager = manager.parent) line.push(context.refOf(manager));
  return line;
}

/**
 * Dotted-line managers, when the snapshot's positions carry them (`dottedLineManagerIds`: the
 * managers' position ids or employee ids). Read defensively so charts without dotted lines,
 * and snapshots from before they were imported, simply have none.
 */
function dottedLineManagersOf(node: PositionNode, context: ReportContext): PositionRef[] {
  const ids = (node.position as { dottedLineManagerIds?: unknown }).dottedLineManagerIds;
  if (!Array.isArray(ids)) return [];
  const refs: PositionRef[] = [];
  for (const id of ids) {
    if (typeof id !== 'string') continue;
    const manager = context.index.node(id) ?? context.index.nodeOfEmployee(id);
    if (manager && manager !== node.parent && manager !== node) refs.push(context.refOf(manager));
  }
  return refs;
}

function responsibilityGroupsOf(
  node: PositionNode,
  lines: ReturnType<typeof mixLines>,
  promotedOn: IsoDate | null,
): ResponsibilityGroup[] {
  const groups: ResponsibilityGroup[] = [];
  for (const level of LEVELS_TOP_DOWN) {
    const held = node.responsibilities.filter((responsibility) => responsibility.valueLevel === level);
    if (held.length === 0) continue;
    const line = lines.find((candidate) => candidate.level === level);
    groups.push({
      level,
      label: VALUE_LEVEL_LABELS[level],
      description: VALUE_LEVEL_DESCRIPTIONS[level],
      expectedPct: line?.expectedPct ?? 0,
      actualPct: line?.actualPct ?? 0,
      responsibilities: held
        .map((responsibility) => ({
          id: responsibility.id,
          title: responsibility.title,
          description: responsibility.description,
          sharePct: responsibility.sharePct,
          heldSince: responsibility.heldSince,
          // Same rule as the analysis: an unknown start date is not assumed either way.
          carriedOver: promotedOn !== null && responsibility.heldSince !== null && responsibility.heldSince < promotedOn,
          valueLevelSource: responsibility.valueLevelSource,
        }))
        .sort((a, b) => b.sharePct - a.sharePct),
    });
  }
  return groups;
}

function notesOf(node: PositionNode, allocatedPct: number, unallocatedPct: number, overallocatedPct: number): string[] {
  const notes: string[] = [];
  if (node.position.vacant || !node.person) {
    notes.push('This post is vacant: the definition below describes the role for its next holder.');
  }
  if (node.responsibilities.length === 0) {
    notes.push(
      'No responsibilities are recorded for this role yet, so its work is unknown: its value-level mix cannot be compared with the expectation, and the findings that need it are not checked.',
    );
  } else if (unallocatedPct > 0) {
    notes.push(
      `The listed responsibilities cover ${formatPct(allocatedPct)} of the time; the other ${formatPct(unallocatedPct)} is not described, so shortfalls may be smaller than shown.`,
    );
  } else if (overallocatedPct > 0) {
    notes.push(
      `The listed responsibilities add up to ${formatPct(allocatedPct)}, ${formatPct(overallocatedPct)} more than a full job; the shares need checking with the holder.`,
    );
  }
  const unclassified = node.responsibilities.filter((responsibility) => responsibility.valueLevel === 'UNCLASSIFIED');
  if (unclassified.length > 0) {
    const share = unclassified.reduce((sum, responsibility) => sum + responsibility.sharePct, 0);
    notes.push(
      `${formatPct(share)} of the time is in responsibilities whose level needs review and is not counted in the mix: ${unclassified
        .map((responsibility) => `"${responsibility.title}"`)
        .join(', ')}.`,
    );
  }
  return notes;
}
