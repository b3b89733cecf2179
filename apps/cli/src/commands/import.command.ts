import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { ImportIssue } from '@rolemap/domain';
import { MapArgumentError, isCalendarDate, parseMapArguments } from '@rolemap/importers';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { type ImportOutcome, ImportJobs, ImportJobsModule, ImportService, ImportsModule } from '@rolemap/server-imports';
import { JobsModule } from '@rolemap/server-jobs';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { withCollectorPaced } from '../collector-pacing';

interface ImportOptions {
  responsibilities?: string;
  org?: string;
  map: string[];
  responsibilitiesMap: string[];
  sheet?: string;
  headerless?: boolean;
  allowMultipleRoots?: boolean;
  jobShares?: boolean;
  asOf?: string;
  label?: string;
  dryRun?: boolean;
  allowDuplicate?: boolean;
  json?: boolean;
  progress: boolean;
  /** False with --no-wait: queue the import as a background job and print its id. */
  wait: boolean;
}

/** `rolemap import`: a people file (and responsibilities) as the organization's next snapshot, all or nothing. */
export async function runImport(peoplePath: string, options: ImportOptions): Promise<void> {
  const peopleMap = parseMaps(options.map);
  const responsibilitiesMap = parseMaps(options.responsibilitiesMap);
  if (options.asOf && !isCalendarDate(options.asOf)) {
    throw new CliError(`--as-of must be a real date like 2026-03-31 (got "${options.asOf}")`, EXIT.invalidInput);
  }
  const people = readUpload(peoplePath);
  const responsibilities = options.responsibilities ? readUpload(options.responsibilities) : null;
  const organizationName = options.org?.trim() || path.basename(peoplePath).replace(/\.[^.]+$/, '');
  if (!options.wait) {
    if (options.dryRun) throw new CliError('--dry-run answers at once; it cannot be combined with --no-wait', EXIT.invalidInput);
    return queueImport(organizationName, people, responsibilities, peopleMap, responsibilitiesMap, options);
  }
  const bar = options.progress && !options.json && process.stderr.isTTY ? progressBar() : null;

  // With no heap limit, V8 lets the import's garbage (rows read, the chart once written) pile up
  // to about twice what is live before it collects fully; paced, the peak follows the live data.
  const outcome = await withCollectorPaced(
    () =>
      withServices([ImportsModule], async (app) =>
        app.get(ImportService).importFiles(LOCAL_OPERATOR, {
          organizationName,
          people,
          responsibilities,
          peopleMap,
          responsibilitiesMap,
          sheet: options.sheet,
          hasHeader: options.headerless ? false : undefined,
          allowMultipleRoots: options.allowMultipleRoots,
          jobShares: options.jobShares,
          asOf: options.asOf,
          label: options.label ?? null,
          dryRun: options.dryRun,
          allowDuplicate: options.allowDuplicate,
          onProgress: bar ? (stage, progress) => bar.update(stage, progress.bytesRead, progress.totalBytes) : undefined,
        }),
      ),
    { stepMb: 16 },
  ).finally(() => bar?.stop());

  if (options.json) console.log(JSON.stringify(jsonOutcome(outcome)));
  else printOutcome(outcome);
  if (!outcome.ok) throw new CliError('', EXIT.invalidInput);
}

/** `--no-wait`: the files go on the queue as one job; a running server (any replica) imports them. */
async function queueImport(
  organizationName: string,
  people: ReturnType<typeof readUpload>,
  responsibilities: ReturnType<typeof readUpload> | null,
  peopleMap: Record<string, string>,
  responsibilitiesMap: Record<string, string>,
  options: ImportOptions,
): Promise<void> {
  const job = await withServices([JobsModule.forRoot({ work: false }), ImportJobsModule.on(ImportsModule)], (app) =>
    app.get(ImportJobs).enqueue(LOCAL_OPERATOR, {
      organizationName,
      people,
      responsibilities,
      peopleMap,
      responsibilitiesMap,
      sheet: options.sheet,
      hasHeader: options.headerless ? false : undefined,
      allowMultipleRoots: options.allowMultipleRoots,
      asOf: options.asOf,
      label: options.label ?? null,
      allowDuplicate: options.allowDuplicate,
    }),
  );
  if (options.json) {
    console.log(JSON.stringify({ jobId: job.id, state: job.state }));
  } else {
    console.log(`Queued import job ${job.id} for "${organizationName.trim()}".`);
    console.log(`A running rolemap server imports it; follow it with: rolemap job ${job.id} --wait`);
  }
}

function parseMaps(values: string[]): Record<string, string> {
  try {
    return parseMapArguments(values);
  } catch (error) {
    if (error instanceof MapArgumentError) throw new CliError(error.message, EXIT.invalidInput);
    throw error;
  }
}

/** The file as a path: the import streams it (parse, digest, compression) instead of holding it whole. */
function readUpload(filePath: string) {
  try {
    fs.accessSync(filePath, fs.constants.R_OK);
    if (fs.statSync(filePath).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { fileName: path.basename(filePath), path: filePath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${filePath}: no such file` : `${filePath}: cannot read (${code})`, EXIT.invalidInput);
  }
}

/** The documented --json shape: success fields, or just the errors. */
export function jsonOutcome(outcome: ImportOutcome) {
  if (!outcome.ok) {
    return {
      errors: outcome.errors.map(({ file, row, column, value, message, code, rows }) => ({
        file,
        row,
        column,
        value,
        message,
        code,
        // Every row of a problem about several (tops, a cycle, the copies of an id).
        rows: rows?.length ? rows : row !== null ? [row] : [],
      })),
    };
  }
  return {
    organization: outcome.organization.name,
    organizationId: outcome.organization.id,
    snapshot: outcome.snapshot?.version ?? null,
    snapshotId: outcome.snapshot?.id ?? null,
    duplicateOf: outcome.duplicateOf?.version ?? null,
    dryRun: outcome.dryRun,
    people: outcome.people,
    positions: outcome.positions,
    responsibilities: outcome.responsibilities,
    warnings: outcome.warnings,
    mapping: {
      people: outcome.files.people.mapping.fields,
      responsibilities: outcome.files.responsibilities?.mapping.fields ?? null,
    },
  };
}

export function printOutcome(outcome: ImportOutcome): void {
  const { people: peopleFile, responsibilities: responsibilitiesFile } = outcome.files;
  for (const file of [peopleFile, responsibilitiesFile]) {
    if (!file) continue;
    const mapped = Object.values(file.mapping.fields)
      .map((field) => (field ? `${field.field} ← ${field.header}` : ''))
      .filter(Boolean);
    console.log(
      `${file.fileName}: ${file.format?.toUpperCase()} ${file.encoding ?? ''}, ${file.rowCount} rows. Columns: ${mapped.join(', ')}`,
    );
  }
  if (!outcome.ok) {
    console.error(`\n${outcome.errors.length} error(s); nothing was imported:`);
    for (const issue of outcome.errors) console.error(`  ${describeIssue(issue)}`);
  } else if (outcome.dryRun) {
    console.log(
      `\nValid: ${outcome.people} people, ${outcome.positions} positions, ${outcome.responsibilities} responsibilities. Dry run: nothing written.`,
    );
  } else if (outcome.duplicateOf) {
    console.log(
      `\nIdentical to snapshot v${outcome.duplicateOf.version} of "${outcome.organization.name}": nothing new was written.`,
    );
  } else {
    console.log(
      `\nImported snapshot v${outcome.snapshot?.version} of "${outcome.organization.name}": ` +
        `${outcome.people} people, ${outcome.positions} positions, ${outcome.responsibilities} responsibilities.`,
    );
  }
  if (outcome.warnings.length) {
    console.log(`\n${outcome.warnings.length} warning(s):`);
    for (const issue of outcome.warnings.slice(0, 50)) console.log(`  ${describeIssue(issue)}`);
    if (outcome.warnings.length > 50) console.log(`  … and ${outcome.warnings.length - 50} more (use --json for all)`);
  }
}

export function describeIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row !== null ? `row ${issue.row}` : null, issue.column ? `column "${issue.column}"` : null]
    .filter(Boolean)
    .join(', ');
  const value = issue.value !== null && issue.value !== '' ? ` (value "${issue.value}")` : '';
  return `${where}: ${issue.message}${value}`;
}

function progressBar() {
  const bar = new SingleBar({
    format: '{stage} [{bar}] {percentage}% | {value}/{total} bytes',
    hideCursor: true,
    clearOnComplete: true,
  });
  let current: string | null = null;
  return {
    update(stage: string, value: number, total: number) {
      if (stage !== current) {
        if (current) bar.stop();
        bar.start(total, 0, { stage: stage.padEnd(16) });
        current = stage;
      }
      bar.update(value, { stage: stage.padEnd(16) });
    },
    stop: () => bar.stop(),
  };
}
