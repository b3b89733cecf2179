import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { REPORT_FORMATS, ReportScopeError, isReportFormat, writeReport } from '@rolemap/reports';
import { LOCAL_OPERATOR } from '../../../api/src/common/caller';
import { withDatabase } from '../../../api/src/database/database-session';
import {
  REPORT_KINDS,
  type ReportKind,
  type ReportRequest,
  ReportsService,
} from '../../../api/src/modules/reports/reports.service';
import { CliError, EXIT, cliConfig } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolveSnapshot } from '../organization-option';
import { cliServices } from '../services';
import { checkOutPath, writeFileAtomically } from './report-out-file';

interface ReportOptions {
  org?: string;
  snapshot?: string;
  employee?: string;
  department?: string;
  all?: boolean;
  format?: string;
  out?: string;
  progress: boolean;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write a role-definition, delegation-review or organization-summary report (PDF, XLSX, CSV or Markdown).')
    .argument('<kind>', `report kind: ${REPORT_KINDS.join(' | ')}`)
    .option('-o, --org <name>', 'organization (default: the only one)')
    .option('-s, --snapshot <version>', 'snapshot version (default: the latest by as-of date)')
    .option('-e, --employee <id>', 'role: that person’s position; delegation: the leader whose subtree to review')
    .option('-d, --department <name>', 'role: every position of the department')
    .option('-a, --all', 'role: every position of the organization')
    .option('-f, --format <format>', `${REPORT_FORMATS.join(' | ')} (default: from --out, else pdf)`)
    .option('--out <path>', 'file to write (default: <org>-v<N>-<kind>.<format> in the current folder)')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      '\nExamples:\n  rolemap report role --all --format pdf --out roles.pdf\n  rolemap report delegation --employee E0004 --format xlsx --out vp-sales.xlsx\n  rolemap report summary --format md --out summary.md',
    )
    .action(async (kind: string, options: ReportOptions) => {
      if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
        throw new CliError(`Unknown report "${kind}"; use one of ${REPORT_KINDS.join(', ')}`, EXIT.invalidInput);
      }
      // Checked first: `--out reports/` would otherwise read as an unknown format "".
      if (options.out) checkOutPath(options.out, `${kind}.${options.format ?? 'pdf'}`);
      const format = options.format ?? (options.out ? path.extname(options.out).slice(1).toLowerCase() : 'pdf');
      if (!isReportFormat(format))
        throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${format}")`, EXIT.invalidInput);
      const request = reportRequest(kind as ReportKind, options);
      const version = parseVersionOption('--snapshot', options.snapshot);
      const config = cliConfig();
      await withDatabase(config, async ({ dataSource, database }) => {
        const services = cliServices(dataSource, database, config);
        const organization = await resolveOrganization(services.organizations, options.org);
        const snapshot = await resolveSnapshot(services.snapshots, organization, version);
        const report = await new ReportsService(services.analysis)
          .build(LOCAL_OPERATOR, snapshot, organization.name, request)
          .catch((error: unknown) => {
            if (error instanceof ReportScopeError) throw new CliError(error.message, EXIT.invalidInput);
            throw error;
          });
        const out =
          options.out ?? `${organization.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${snapshot.version}-${kind}.${format}`;
        const target = checkOutPath(out, `${kind}.${format}`);
        const bar =
          options.progress && process.stderr.isTTY
            ? new SingleBar({ format: 'writing [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true })
            : null;
        let size: number;
        try {
          size = await writeFileAtomically(target, (stream) =>
            writeReport(report, format, stream, {
              onProgress: bar
                ? (done, total) => {
                    if (!bar.isActive) bar.start(total, 0);
                    bar.update(done);
                  }
                : undefined,
            }),
          );
        } finally {
          bar?.stop();
        }
        console.log(`Wrote ${out} (${report.header.title}, ${(size / 1024).toFixed(0)} KB).`);
      });
    });
}

function reportRequest(kind: ReportKind, options: ReportOptions): ReportRequest {
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
