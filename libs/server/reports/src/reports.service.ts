import { Injectable } from '@nestjs/common';
import { DomainError, type ReviewStatus } from '@rolemap/domain';
import {
  type Report,
  type ReportRequest,
  type RoleDefinition,
  type RoleDefinitionsStream,
  buildDelegationPlan,
  buildDelegationReview,
  buildOrganizationSummary,
  buildRoleDefinitions,
  streamRoleDefinitions,
} from '@rolemap/reports';
import {
  AnalysisService,
  AuditLogService,
  type Caller,
  type OrgSnapshotEntity,
  PositionScopeService,
  ReviewsService,
  RolePurposesService,
  type SnapshotAnalysis,
  ScenariosService,
  SnapshotsService,
} from '@rolemap/server-core';

/** Builds report models from the snapshot's (cached) analysis and the reviews given so far. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reviews: ReviewsService,
    private readonly audit: AuditLogService,
    private readonly scope: PositionScopeService,
    private readonly purposes: RolePurposesService,
    private readonly scenarios: ScenariosService,
    private readonly snapshots: SnapshotsService,
  ) {}

  /**
   * The snapshot a plan report is of: the scenario's own. The scenario must be one of
   * `organizationId` that the caller may read (as the scenario pages check it), else NOT_FOUND.
   */
  async planSnapshot(caller: Caller, organizationId: string, scenarioId: string): Promise<OrgSnapshotEntity> {
    const scenario = await this.scenarios.getIn(caller, organizationId, scenarioId);
    return this.snapshots.get(caller, scenario.snapshotId);
  }

  /** One position's role definition, as the role report has it (the role page shows it). */
  async roleDefinition(caller: Caller, snapshot: OrgSnapshotEntity, positionId: string): Promise<RoleDefinition> {
    const employeeId = await this.employeeIdOf(caller, snapshot, positionId);
    const report = await this.model(caller, snapshot, '', { kind: 'role', scope: { employeeId } });
    if (report.kind !== 'ROLE_DEFINITIONS') throw new Error('Expected a role definitions report');
    return report.roles[0];
  }

  /** The id a report scope uses for a position: its holder's employee id, or the post reference when vacant. */
  async employeeIdOf(caller: Caller, snapshot: OrgSnapshotEntity, positionId: string): Promise<string> {
    const analysis = await this.analysis.analysisOf(caller, snapshot);
    const node = analysis.index.node(positionId);
    if (!node) throw new DomainError('NOT_FOUND', `No position ${positionId} in snapshot v${snapshot.version}`);
    return node.person?.employeeId ?? node.position.externalId;
  }

  /** Refuses, before a report is queued, what building it would refuse (a leader's organization-wide report). */
  async assertMayBuild(caller: Caller, snapshot: OrgSnapshotEntity, request: ReportRequest): Promise<void> {
    await this.assertInScope(caller, await this.analysis.analysisOf(caller, snapshot), request);
  }

  /**
   * The report to export in `format`; every export is in the audit log, from the API and the CLI
   * alike. With `streamRoles`, a role report comes as a stream that builds each role when it is
   * written (it holds the analysis instead of every role: see RoleDefinitionsStream).
   */
  async build(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
    format: string,
  ): Promise<Report>;
  async build(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
    format: string,
    options: { streamRoles: boolean },
  ): Promise<Report | RoleDefinitionsStream>;
  async build(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
    format: string,
    options: { streamRoles?: boolean } = {},
  ): Promise<Report | RoleDefinitionsStream> {
    const report = await this.model(caller, snapshot, organizationName, request, options.streamRoles === true);
    const about = report.kind === 'DELEGATION_PLAN' ? ` of "${report.plan.name}"` : '';
    await this.audit.record(caller, {
      action: 'export',
      organizationId: snapshot.organizationId,
      target: `${request.kind} report${about}, snapshot v${snapshot.version}`,
      details: { kind: request.kind, format, snapshotVersion: snapshot.version, scope: reportScope(request) },
    });
    return report;
  }

  private async model(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
  ): Promise<Report>;
  private async model(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
    streamRoles: boolean,
  ): Promise<Report | RoleDefinitionsStream>;
  private async model(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    request: ReportRequest,
    streamRoles = false,
  ): Promise<Report | RoleDefinitionsStream> {
    if (request.kind === 'plan') return this.planModel(caller, snapshot, organizationName, request.scenarioId);
    const analysis = await this.analysis.analysisOf(caller, snapshot);
    await this.assertInScope(caller, analysis, request);
    const reviewed = await this.reviews.reviewed(caller, snapshot.organizationId, analysis.result.findings);
    const reviews = new Map<string, { status: ReviewStatus; note: string | null; reviewer: string | null; reviewedAt: string }>();
    for (const { finding, review } of reviewed) if (review) reviews.set(finding.key, review);
    const purposes = request.kind === 'role' ? await this.purposes.lookup(caller, snapshot.organizationId) : undefined;
    const options = { organizationName, snapshotVersion: snapshot.version, asOf: snapshot.asOf, reviews, purposes };
    switch (request.kind) {
      case 'role':
        return streamRoles
          ? streamRoleDefinitions(analysis.index, analysis.result, analysis.policy, options, request.scope)
          : buildRoleDefinitions(analysis.index, analysis.result, analysis.policy, options, request.scope);
      case 'delegation':
        return buildDelegationReview(analysis.index, analysis.result, analysis.policy, options, request.leaderEmployeeId);
      case 'summary':
        return buildOrganizationSummary(analysis.index, analysis.result, analysis.policy, options);
    }
  }

  /** The scenario's score and tracking exactly as the scenario pages get them, as a report. */
  private async planModel(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    organizationName: string,
    scenarioId: string,
  ): Promise<Report> {
    const scenario = await this.scenarios.getIn(caller, snapshot.organizationId, scenarioId);
    if (scenario.snapshotId !== snapshot.id) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `"${scenario.name}" is a plan over another snapshot than v${snapshot.version}: ask for the plan report without a snapshot`,
      );
    }
    const { score, base, within } = await this.scenarios.score(caller, scenario.id);
    const tracking = await this.scenarios.trackingIfDue(caller, scenario.id);
    return buildDelegationPlan({
      organizationName,
      snapshotVersion: snapshot.version,
      asOf: snapshot.asOf,
      scenario: {
        id: scenario.id,
        name: scenario.name,
        kind: scenario.kind,
        status: scenario.status,
        notes: scenario.notes,
        ownerName: scenario.ownerName,
        scopeEmployeeId: scenario.scopeEmployeeId,
        version: scenario.version,
        decidedBy: scenario.decidedBy,
        decidedAt: scenario.decidedAt ? scenario.decidedAt.toISOString() : null,
        edits: scenario.edits,
      },
      base,
      score,
      within,
      tracking: tracking
        ? { snapshotVersion: tracking.snapshot.version, asOf: tracking.snapshot.asOf, edits: tracking.edits }
        : null,
    });
  }

  /** A leader downloads reports about one person of their own subtree; organization-wide reports are HR's. */
  private async assertInScope(caller: Caller, analysis: SnapshotAnalysis, request: ReportRequest): Promise<void> {
    if (request.kind === 'plan') {
      // The scenario's own rule: HR reads every scenario, a leader their own (scored within their subtree).
      await this.scenarios.getIn(caller, analysis.snapshot.organizationId, request.scenarioId);
      return;
    }
    const visible = await this.scope.visible(caller, analysis.snapshot);
    if (!visible) return;
    const employeeId =
      request.kind === 'delegation'
        ? request.leaderEmployeeId
        : request.kind === 'role' && 'employeeId' in request.scope
          ? request.scope.employeeId
          : null;
    if (employeeId === null) {
      throw new DomainError(
        'FORBIDDEN',
        'Organization-wide and department reports are for HR admins; ask for one person of your subtree (employeeId)',
      );
    }
    const node = analysis.index.nodeOfEmployee(employeeId);
    if (!node || !visible.has(node.position.id)) {
      throw new DomainError('NOT_FOUND', `No one with employee id ${employeeId} in snapshot v${analysis.snapshot.version}`);
    }
  }
}

function reportScope(request: ReportRequest): Record<string, unknown> {
  switch (request.kind) {
    case 'role':
      return { ...request.scope };
    case 'delegation':
      return { leaderEmployeeId: request.leaderEmployeeId };
    case 'summary':
      return { all: true };
    case 'plan':
      return { scenarioId: request.scenarioId };
  }
}
