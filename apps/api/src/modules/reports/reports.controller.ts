import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { REPORT_CONTENT_TYPES, ReportScopeError, isReportFormat } from '@rolemap/reports';
import type { Request, Response } from 'express';
import { type Caller, type OrgSnapshotEntity, OrganizationsService, SnapshotsService, isUuid } from '@rolemap/server-core';
import {
  REPORT_KINDS,
  ReportJobs,
  type ReportKind,
  type ReportRequest,
  ReportsService,
  reportFileName,
} from '@rolemap/server-reports';
import { HR_AND_LEADERS, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';
import { writeReportFile } from './report-file';

interface ReportQuery {
  format?: string;
  snapshot?: string;
  snapshotId?: string;
  positionId?: string;
  employeeId?: string;
  department?: string;
  all?: string;
  /** plan: the scenario or delegation plan (its own snapshot is the report's). */
  scenarioId?: string;
  /** `true`: build it on the queue whatever its size (answers 202 with the job). */
  async?: string;
}

/**
 * Report downloads, written out in full first and then sent with Content-Length and
 * Content-Digest (sha-256) so clients can tell a cut download from a whole one:
 * GET /api/organizations/:organizationId/reports/:kind?format=pdf|xlsx|csv|md
 *   &(snapshot=N | snapshotId=…) & (employeeId=… | positionId=… | department=… | all=true)
 * or, for the plan report, `scenarioId=…` (the scenario's own snapshot; a snapshotId given must be it).
 * Links in the web app use snapshotId and positionId, which it already has.
 * A large report (a role report of every position beyond ROLEMAP_JOB_REPORT_POSITIONS), or one
 * asked for with `async=true`, is queued instead: 202 with `{ job: { id, state }, statusUrl }`;
 * the job's `downloadUrl` (GraphQL `job(id)`) then gives the file.
 */
@Controller('api/organizations/:organizationId/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly organizations: OrganizationsService,
    private readonly snapshots: SnapshotsService,
    private readonly callers: RequestCallers,
    private readonly reportJobs: ReportJobs,
  ) {}

  @RequireRole(HR_AND_LEADERS, { organizationId: 'organization' })
  @Get(':kind')
  async download(
    @Req() req: Request,
    @Param('organizationId') organizationId: string,
    @Param('kind') kind: string,
    @Query() requested: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    // The guard has built the caller and checked their role in the organization.
    const caller = (await this.callers.of(req))!;
    let query = requested;
    if (!isUuid(organizationId)) throw new NotFoundException(`No organization with id ${organizationId}`);
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new BadRequestException(`Unknown report "${kind}"; use one of ${REPORT_KINDS.join(', ')}`);
    }
    const format = query.format ?? 'pdf';
    if (!isReportFormat(format)) throw new BadRequestException(`Unknown format "${format}"; use pdf, xlsx, csv or md`);
    const version = query.snapshot ? Number(query.snapshot) : null;
    if (version !== null && (!Number.isInteger(version) || version < 1))
      throw new BadRequestException('snapshot must be a version number');
    const organization = await this.organizations.get(caller, organizationId);
    const snapshot = await this.snapshotOf(caller, organization.id, kind as ReportKind, query, version);
    if (query.positionId && !query.employeeId) {
      query = { ...query, employeeId: await this.reports.employeeIdOf(caller, snapshot, query.positionId) };
    }
    const request = reportRequest(kind as ReportKind, query);
    const asked = query.async === 'true' || query.async === '1';
    if (this.reportJobs.runsInBackground(snapshot, request, asked)) {
      const job = await this.reportJobs.enqueue(caller, organization, snapshot, request, format);
      res.status(202).json({ job: { id: job.id, kind: job.kind, state: job.state }, statusUrl: `/api/jobs/${job.id}` });
      return;
    }
    let report;
    try {
      report = await this.reports.build(caller, snapshot, organization.name, request, format);
    } catch (error) {
      if (error instanceof ReportScopeError) throw new NotFoundException(error.message);
      throw error;
    }
    const fileName = reportFileName(organization.name, snapshot.version, kind, format);
    // A client that leaves while the report is being written stops the writing.
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.on('close', onClose);
    let file;
    try {
      file = await writeReportFile(report, format, gone.signal);
    } finally {
      res.off('close', onClose);
    }
    try {
      res.setHeader('content-type', REPORT_CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
      res.setHeader('content-length', String(file.size));
      res.setHeader('content-digest', `sha-256=:${file.sha256}:`);
      res.setHeader('cache-control', 'no-store');
      await pipeline(fs.createReadStream(file.path), res);
    } catch {
      // The client went away mid-download; it sees a short body against Content-Length.
      res.destroy();
    } finally {
      await file.remove();
    }
  }

  /** The snapshot asked for; for a plan, the scenario's own (which must be the one asked for, if any). */
  private async snapshotOf(
    caller: Caller,
    organizationId: string,
    kind: ReportKind,
    query: ReportQuery,
    version: number | null,
  ): Promise<OrgSnapshotEntity> {
    if (kind === 'plan') {
      if (!query.scenarioId) throw new BadRequestException('A plan report needs scenarioId');
      const snapshot = await this.reports.planSnapshot(caller, organizationId, query.scenarioId);
      if ((query.snapshotId && query.snapshotId !== snapshot.id) || (version !== null && version !== snapshot.version)) {
        throw new BadRequestException(
          `The scenario is a plan over snapshot v${snapshot.version}: leave snapshotId out, or give that snapshot's`,
        );
      }
      return snapshot;
    }
    const snapshot = query.snapshotId
      ? await this.snapshots.get(caller, query.snapshotId)
      : await this.snapshots.byVersion(caller, organizationId, version);
    if (snapshot.organizationId !== organizationId) throw new NotFoundException('That snapshot belongs to another organization');
    return snapshot;
  }
}

export function reportRequest(kind: ReportKind, query: ReportQuery): ReportRequest {
  switch (kind) {
    case 'role':
      if (query.employeeId) return { kind, scope: { employeeId: query.employeeId } };
      if (query.department) return { kind, scope: { department: query.department } };
      if (query.all === 'true' || query.all === '1') return { kind, scope: { all: true } };
      throw new BadRequestException('A role report needs employeeId, department or all=true');
    case 'delegation':
      if (!query.employeeId) throw new BadRequestException("A delegation review needs the leader's employeeId");
      return { kind, leaderEmployeeId: query.employeeId };
    case 'summary':
      return { kind };
    case 'plan':
      if (!query.scenarioId) throw new BadRequestException('A plan report needs scenarioId');
      return { kind, scenarioId: query.scenarioId };
  }
}
