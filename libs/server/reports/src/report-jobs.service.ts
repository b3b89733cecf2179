import { PassThrough } from 'node:stream';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import {
  REPORT_CONTENT_TYPES,
  REPORT_KINDS,
  type ReportFormat,
  type ReportRequest,
  ReportScopeError,
  isReportFormat,
  writeReport,
} from '@rolemap/reports';
import {
  type BackgroundJobEntity,
  type Caller,
  type OrgSnapshotEntity,
  type OrganizationEntity,
  OrganizationsService,
  SnapshotsService,
} from '@rolemap/server-core';
import { JobQueue, type JobOutcome, type JobRun } from '@rolemap/server-jobs';
import { ReportsService } from './reports.service';

/** What a report job is asked for; the organization and snapshot are checked again when it runs. */
export interface ReportJobParams {
  organizationId: string;
  snapshotId: string;
  format: ReportFormat;
  request: ReportRequest;
}

/** What a finished report job records besides its file. */
export interface ReportJobResult {
  fileName: string;
  bytes: number;
  snapshotVersion: number;
}

/** Share of the progress bar for analysing and building the report model; writing the file is the rest. */
const MODEL_SHARE = 0.3;

/** The download's file name: organization, snapshot version and kind. */
export function reportFileName(organizationName: string, snapshotVersion: number, kind: string, format: string): string {
  const slug =
    organizationName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'organization';
  return `${slug}-v${snapshotVersion}-${kind}.${format}`;
}

/**
 * Large reports (a role report of every position of a big organization, or any report asked for
 * with `async`) built on the queue: the worker builds and writes the file as the requester, and
 * the job keeps it for a signed, expiring download (JobsService.downloadLink).
 */
@Injectable()
export class ReportJobs implements OnModuleInit {
  constructor(
    private readonly reports: ReportsService,
    private readonly queue: JobQueue,
    private readonly organizations: OrganizationsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  onModuleInit(): void {
    this.queue.register('REPORT', (run) => this.run(run));
  }

  /**
   * Whether this report goes on the queue: asked for so, or a role report of the whole
   * organization with at least ROLEMAP_JOB_REPORT_POSITIONS positions (one section each).
   */
  runsInBackground(snapshot: OrgSnapshotEntity, request: ReportRequest, asked: boolean): boolean {
    if (asked) return true;
    if (request.kind !== 'role' || !('all' in request.scope)) return false;
    return this.queue.runsInBackground({ kind: 'REPORT', positions: snapshot.positionCount });
  }

  /**
   * Queues the report after the same checks as a download in the request (the caller may read the
   * organization, the snapshot is its own, a leader asks about their subtree only), so a job that
   * could only fail is refused at once.
   */
  async enqueue(
    caller: Caller,
    organization: OrganizationEntity,
    snapshot: OrgSnapshotEntity,
    request: ReportRequest,
    format: ReportFormat,
  ): Promise<BackgroundJobEntity> {
    await this.reports.assertMayBuild(caller, snapshot, request);
    const params: ReportJobParams = { organizationId: organization.id, snapshotId: snapshot.id, format, request };
    return this.queue.enqueue(caller, {
      kind: 'REPORT',
      organizationId: organization.id,
      params: params as unknown as Record<string, unknown>,
    });
  }

  private async run(run: JobRun): Promise<JobOutcome> {
    const params = reportJobParams(run.params);
    run.progress(0, 'Analysing the snapshot');
    const organization = await this.organizations.get(run.caller, params.organizationId);
    const snapshot = await this.snapshots.get(run.caller, params.snapshotId);
    if (snapshot.organizationId !== organization.id) {
      throw new DomainError('NOT_FOUND', 'That snapshot belongs to another organization');
    }
    let report;
    try {
      report = await this.reports.build(run.caller, snapshot, organization.name, params.request, params.format);
    } catch (error) {
      if (error instanceof ReportScopeError) throw new DomainError('NOT_FOUND', error.message);
      throw error;
    }
    const stage = `Writing the ${params.format.toUpperCase()}`;
    run.progress(MODEL_SHARE, stage);
    const content = await collect((out) =>
      writeReport(report, params.format, out, {
        onProgress: (done, total) => run.progress(MODEL_SHARE + (1 - MODEL_SHARE) * (total > 0 ? done / total : 1), stage),
      }),
    );
    run.signal.throwIfAborted();
    const fileName = reportFileName(organization.name, snapshot.version, params.request.kind, params.format);
    const result: ReportJobResult = { fileName, bytes: content.length, snapshotVersion: snapshot.version };
    return {
      result: { report: result },
      output: { fileName, contentType: REPORT_CONTENT_TYPES[params.format], content },
    };
  }
}

/** A report job's parameters, checked: they come back from the database as plain JSON. */
function reportJobParams(raw: Record<string, unknown>): ReportJobParams {
  const request = raw.request as ReportRequest | undefined;
  if (
    typeof raw.organizationId !== 'string' ||
    typeof raw.snapshotId !== 'string' ||
    !isReportFormat(raw.format) ||
    !request ||
    !(REPORT_KINDS as readonly string[]).includes(request.kind)
  ) {
    throw new DomainError('BAD_USER_INPUT', 'This report job names no organization, snapshot, format or kind of report');
  }
  return { organizationId: raw.organizationId, snapshotId: raw.snapshotId, format: raw.format, request };
}

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
