import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { ImportIssue } from '@rolemap/domain';
import { MapArgumentError, isCalendarDate, parseMapArguments } from '@rolemap/importers';
import { LOCAL_OPERATOR } from '../../../api/src/common/caller';
import { withDatabase } from '../../../api/src/database/database-session';
import type { ImportOutcome } from '../../../api/src/modules/imports/import.types';
import { CliError, EXIT, cliConfig } from '../cli-context';
import { cliServices } from '../services';

interface ImportOptions {
  responsibilities?: string;
  org?: string;
  map: string[];
  responsibilitiesMap: string[];
  sheet?: string;
  headerless?: boolean;
  allowMultipleRoots?: boolean;
  asOf?: string;
  label?: string;
  dryRun?: boolean;
  allowDuplicate?: boolean;
  json?: boolean;
  progress: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import an org chart (CSV, XLSX or JSON) as a new snapshot. Nothing is written unless every row is valid.')
    .argument('<people>', 'people file: CSV (any delimiter, UTF-8 or Windows-1252), XLSX or JSON')
    .option('-r, --responsibilities <file>', 'responsibilities file: employee_id, responsibility, value_level, share, since')
    .option('-o, --org <name>', 'organization name (default: the people file name)')
    .option(
      '-m, --map <header=field>',
      'map a people-file column to a field, e.g. "Supervisor ID=manager_id" (repeatable)',
      collect,
      [],
    )
    .option('--responsibilities-map <header=field>', 'map a responsibilities-file column (repeatable)', collect, [])
    .option('--sheet <name>', 'XLSX sheet to read (default: the first)')
    .option('--headerless', 'the files have no header row (map columns by number: --map "3=manager_id")')
    .option('--allow-multiple-roots', 'accept a forest (several people without a manager)')
    .option('--as-of <date>', 'the date the chart describes, YYYY-MM-DD (default: today)')
    .option('--label <text>', 'a label for the snapshot, e.g. "Q3 reorg"')
    .option('--dry-run', 'validate and count, write nothing')
    .option('--allow-duplicate', 'create a snapshot even when the chart equals the one before it by as-of date')
    .option('--json', 'print one JSON object (success or errors) instead of text')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported (or dry run valid), 2 invalid input (errors listed with file, row, column and value), 3 database busy.',
    )
    .action(async (peoplePath: string, options: ImportOptions) => {
      const config = cliConfig();
      const peopleMap = parseMaps(options.map);
      const responsibilitiesMap = parseMaps(options.responsibilitiesMap);
      if (options.asOf && !isCalendarDate(options.asOf)) {
        throw new CliError(`--as-of must be a real date like 2026-03-31 (got "${options.asOf}")`, EXIT.invalidInput);
      }
      const people = readUpload(peoplePath);
      const responsibilities = options.responsibilities ? readUpload(options.responsibilities) : null;
      const organizationName = options.org?.trim() || path.basename(peoplePath).replace(/\.[^.]+$/, '');
      const bar = options.progress && !options.json && process.stderr.isTTY ? progressBar() : null;

      const outcome = await withDatabase(config, async ({ dataSource, database }) =>
        cliServices(dataSource, database, config).imports.importFiles(LOCAL_OPERATOR, {
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
          dryRun: options.dryRun,
          allowDuplicate: options.allowDuplicate,
          onProgress: bar ? (stage, progress) => bar.update(stage, progress.bytesRead, progress.totalBytes) : undefined,
        }),
      ).finally(() => bar?.stop());

      if (options.json) console.log(JSON.stringify(jsonOutcome(outcome)));
      else printOutcome(outcome);
      if (!outcome.ok) throw new CliError('', EXIT.invalidInput);
    });
}

function parseMaps(values: string[]): Record<string, string> {
  try {
    return parseMapArguments(values);
  } catch (error) {
    if (error instanceof MapArgumentError) throw new CliError(error.message, EXIT.invalidInput);
    throw error;
  }
}

function readUpload(filePath: string) {
  try {
    return { fileName: path.basename(filePath), data: fs.readFileSync(filePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${filePath}: no such file` : `${filePath}: cannot read (${code})`, EXIT.invalidInput);
  }
}

/** The documented --json shape: success fields, or just the errors. */
export function jsonOutcome(outcome: ImportOutcome) {
  if (!outcome.ok) {
    return {
      errors: outcome.errors.map(({ file, row, column, value, message, code }) => ({ file, row, column, value, message, code })),
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

function printOutcome(outcome: ImportOutcome): void {
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
