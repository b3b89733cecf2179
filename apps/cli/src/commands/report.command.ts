import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { collectorPacing } from '../collector-pacing';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, ReportScopeError, isReportFormat, writeReport } from '@rolemap/reports';
import {
  LOCAL_OPERATOR,
  type OrgSnapshotEntity,
  type OrganizationEntity,
  OrganizationsService,
  ScenariosService,
  SnapshotsService,
} from '@rolemap/server-core';
import { JobsModule } from '@rolemap/server-jobs';
import {
  ReportJobs,
  ReportJobsModule,
  type ReportKind,
  type ReportRequest,
  ReportsModule,
  ReportsService,
} from '@rolemap/server-reports';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';
import { checkOutPath, writeFileAtomically } from './report-out-file';

interface ReportOptions {
  org?: string;
  snapshot?: string;
  employee?: string;
  department?: string;
  all?: boolean;
  /** plan: the scenario's id or name. */
  scenario?: string;
  format?: string;
  out?: string;
  progress: boolean;
  /** false with --no-wait: queue the report as a background job for a running server. */
  wait: boolean;
}

const PLAN_NEEDS_SCENARIO = 'A plan report needs --scenario <id or name>';

/** `rolemap report <kind>`: writes a report to a file (to a temporary name first, renamed when complete). */
export async function runReport(kind: string, options: ReportOptions): Promise<void> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`Unknown report "${kind}"; use one of ${REPORT_KINDS.join(', ')}`, EXIT.invalidInput);
  }
  // Checked first: `--out reports/` would otherwise read as an unknown format "".
  if (options.out) checkOutPath(options.out, `${kind}.${options.format ?? 'pdf'}`);
  const format = options.format ?? (options.out ? path.extname(options.out).slice(1).toLowerCase() : 'pdf');
  if (!isReportFormat(format))
    throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${format}")`, EXIT.invalidInput);
  // The scope is checked before the database opens.
  if (kind !== 'plan') reportRequest(kind as Exclude<ReportKind, 'plan'>, options);
  else if (!options.scenario) throw new CliError(PLAN_NEEDS_SCENARIO, EXIT.invalidInput);
  const version = parseVersionOption('--snapshot', options.snapshot);
  if (options.wait === false) return queueReport(kind as ReportKind, format, version, options);
  // Only the model is built with the services: the file is written once they are closed, so what
  // they hold (connections, entities, caches) can be collected while the writer runs. A role
  // report's PDF keeps the snapshot's index and analysis instead of every role's definition (about
  // half the size at 10,000 roles): each role is built as it is drawn.
  const { report, out, target } = await withServices([ReportsModule], async (app) => {
    const services = {
      organizations: app.get(OrganizationsService),
      snapshots: app.get(SnapshotsService),
      reports: app.get(ReportsService),
    };
    const organization = await resolveOrganization(services.organizations, options.org);
    const { request, snapshot } = await requestAndSnapshot(app, organization, kind as ReportKind, version, options);
    // A role report's PDF is built role by role as it is drawn (see RoleDefinitionsStream); the
    // other formats take every role at once, built here while the services are open.
    const built = await services.reports
      .build(LOCAL_OPERATOR, snapshot, organization.name, request, format, { streamRoles: format === 'pdf' })
      .catch((error: unknown) => {
        if (error instanceof ReportScopeError) throw new CliError(error.message, EXIT.invalidInput);
        throw error;
      });
    const file =
      options.out ?? `${organization.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${snapshot.version}-${kind}.${format}`;
    return { report: built, out: file, target: checkOutPath(file, `${kind}.${format}`) };
  });
  const bar =
    options.progress && process.stderr.isTTY
      ? new SingleBar({ format: 'writing [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true })
      : null;
  // A PDF's live data is small, the collector's slack is not: keep the heap near what is live.
  const pace = format === 'pdf' ? collectorPacing() : () => undefined;
  let size: number;
  try {
    size = await writeFileAtomically(target, (stream) =>
      writeReport(report, format, stream, {
        onProgress: (done, total) => {
          pace();
          if (!bar) return;
          if (!bar.isActive) bar.start(total, 0);
          bar.update(done);
        },
      }),
    );
  } finally {
    bar?.stop();
  }
  console.log(`Wrote ${out} (${report.header.title}, ${(size / 1024).toFixed(0)} KB).`);
}

/** `--no-wait`: the report goes on the queue; a running server (any replica) builds it and keeps its file. */
async function queueReport(
  kind: ReportKind,
  format: ReportFormat,
  version: number | null,
  options: ReportOptions,
): Promise<void> {
  const job = await withServices([JobsModule.forRoot({ work: false }), ReportJobsModule.register()], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const { request, snapshot } = await requestAndSnapshot(app, organization, kind, version, options);
    return app.get(ReportJobs).enqueue(LOCAL_OPERATOR, organization, snapshot, request, format);
  });
  const out = options.out ? ` --out ${options.out}` : ' --out <file>';
  console.log(`Queued report job ${job.id}.`);
  console.log(`A running rolemap server builds it; save it with: rolemap job ${job.id} --wait${out}`);
}

/** The request and the snapshot it is of: the one asked for, or for a plan the scenario's own. */
async function requestAndSnapshot(
  app: INestApplicationContext,
  organization: OrganizationEntity,
  kind: ReportKind,
  version: number | null,
  options: ReportOptions,
): Promise<{ request: ReportRequest; snapshot: OrgSnapshotEntity }> {
  if (kind !== 'plan') {
    const request = reportRequest(kind, options);
    return { request, snapshot: await resolveSnapshot(app.get(SnapshotsService), organization, version) };
  }
  if (!options.scenario) throw new CliError(PLAN_NEEDS_SCENARIO, EXIT.invalidInput);
  const scenarioId = await scenarioIdOf(app.get(ScenariosService), organization, options.scenario);
  const snapshot = await app.get(ReportsService).planSnapshot(LOCAL_OPERATOR, organization.id, scenarioId);
  if (version !== null && version !== snapshot.version) {
    throw new CliError(`The scenario is a plan over snapshot v${snapshot.version}: leave --snapshot out`, EXIT.invalidInput);
  }
  return { request: { kind, scenarioId }, snapshot };
}

/** A scenario of the organization by id, or by its name when exactly one has it. */
async function scenarioIdOf(scenarios: ScenariosService, organization: OrganizationEntity, wanted: string): Promise<string> {
  const all = await scenarios.list(LOCAL_OPERATOR, organization.id);
  const byId = all.find((scenario) => scenario.id === wanted);
  if (byId) return byId.id;
  const named = all.filter((scenario) => scenario.name.toLowerCase() === wanted.trim().toLowerCase());
  if (named.length === 1) return named[0].id;
  if (named.length > 1) {
    throw new CliError(
      `${named.length} scenarios of ${organization.name} are called "${wanted}": give the id (${named.map((s) => s.id).join(', ')})`,
      EXIT.invalidInput,
    );
  }
  throw new CliError(`No scenario with the id or name "${wanted}" in ${organization.name}`, EXIT.invalidInput);
}

function reportRequest(kind: Exclude<ReportKind, 'plan'>, options: ReportOptions): ReportRequest {
  switch (kind) {
    case 'role': {
      const scopes = [options.employee, options.department, options.all].filter(Boolean).length;
      if (scopes !== 1)
        throw new CliError('A role report needs exactly one of --employee, --department or --all', EXIT.invalidInput);
      if (options.employee) return { kind, scope: { employeeId: options.employee } };
      if (options.department) return { kind, scope: { department: options.department } };
      return { kind, scope: { all: true } };
    }
    case 'delegation':
      if (!options.employee) throw new CliError("A delegation review needs the leader's --employee id", EXIT.invalidInput);
      return { kind, leaderEmployeeId: options.employee };
    case 'summary':
      return { kind };
  }
}
