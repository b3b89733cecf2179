import type { INestApplicationContext } from '@nestjs/common';
import { DICTIONARY_FILE_FORMATS, type DictionaryFileFormat } from '@rolemap/dictionary';
import {
  DictionaryService,
  type DictionaryVersionEntity,
  LOCAL_OPERATOR,
  type OrganizationEntity,
  OrganizationsService,
  outlineOf,
} from '@rolemap/server-core';
import fs from 'node:fs';
import path from 'node:path';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { parseVersionOption, resolveOrganization } from '../organization-option';
import { describeIssue } from './import.command';
import { checkOutPath, writeFileAtomically } from './report-out-file';

interface ShowOptions {
  org?: string;
  version?: string;
  function?: string;
  search?: string;
  json?: boolean;
}

interface ExportOptions {
  org?: string;
  version?: string;
  format?: string;
  out?: string;
}

interface ImportOptions {
  org?: string;
  starter?: boolean;
  replace?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const LEVEL_NAMES = {
  IMPLEMENTATION: 'implementation',
  UNIFICATION: 'unification',
  COMMUNICATION: 'communication',
  LEADERSHIP: 'leadership',
};

/** `rolemap dictionary show`: the tree, function by function, each activity with its id and level. */
export async function showDictionary(options: ShowOptions): Promise<void> {
  const number = parseVersionOption('--version', options.version);
  await withServices([], async (app) => {
    const { organization, version } = await loadVersion(app, options.org, number);
    const dictionary = app.get(DictionaryService);
    const activities = await dictionary.findActivities(LOCAL_OPERATOR, version.id, {
      functionKey: options.function ?? null,
      search: options.search ?? null,
    });
    if (options.json) {
      console.log(
        JSON.stringify({
          organization: organization.name,
          version: version.version,
          versionId: version.id,
          source: version.source,
          summary: version.summary,
          activityCount: activities.length,
          activities,
        }),
      );
      return;
    }
    const outline = outlineOf(await dictionary.entries(LOCAL_OPERATOR, version.id));
    if (options.function && !outline.some((fn) => fn.key === options.function)) {
      throw new CliError(
        `No function "${options.function}" in the dictionary; functions: ${outline.map((fn) => fn.key).join(', ')}`,
        EXIT.invalidInput,
      );
    }
    console.log(
      `${organization.name}: activity dictionary v${version.version} (${version.summary.toLowerCase()}, ${version.createdAt.toISOString().slice(0, 10)}), ` +
        `${version.activityCount} activities${options.function || options.search ? `, ${activities.length} shown` : ''}`,
    );
    let fn: string | null = null;
    let process: string | null = null;
    for (const activity of activities) {
      if (activity.functionKey !== fn) {
        fn = activity.functionKey;
        console.log(`\n${activity.functionKey}  ${activity.functionLabel}`);
      }
      if (activity.processKey !== process) {
        process = activity.processKey;
        console.log(`  ${activity.processKey}  ${activity.processLabel}`);
      }
      const suggested = activity.levelSource === 'SUGGESTED' ? ' (suggested, to confirm)' : '';
      console.log(`    ${activity.key}  ${activity.label} — ${LEVEL_NAMES[activity.valueLevel]}${suggested}`);
    }
  });
}

/** `rolemap dictionary export`: a version as CSV (to stdout or --out) or XLSX (--out), ready to edit and import. */
export async function exportDictionary(options: ExportOptions): Promise<void> {
  const number = parseVersionOption('--version', options.version);
  const format = formatOf(options);
  const target = options.out ? checkOutPath(options.out, `dictionary.${format}`) : null;
  if (!target && format === 'xlsx') throw new CliError('an XLSX export needs --out <file.xlsx>', EXIT.invalidInput);
  await withServices([], async (app) => {
    const { version } = await loadVersion(app, options.org, number);
    const file = await app.get(DictionaryService).exportFile(LOCAL_OPERATOR, version.id, format);
    if (!target) {
      process.stdout.write(file.data);
      return;
    }
    await writeFileAtomically(target, async (out) => {
      await new Promise<void>((resolve, reject) => out.end(file.data, () => resolve()).once('error', reject));
    });
    console.error(`Wrote dictionary v${version.version} (${version.activityCount} activities) to ${target}`);
  });
}

/** `rolemap dictionary import <file>` (or `--starter`): checked whole, published as the next version. */
export async function importDictionary(file: string | undefined, options: ImportOptions): Promise<void> {
  if (!file && !options.starter) throw new CliError('give a CSV or XLSX file to import, or --starter', EXIT.invalidInput);
  if (file && options.starter) throw new CliError('give either a file or --starter, not both', EXIT.invalidInput);
  const input = file ? readableFile(file) : null;
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const dictionary = app.get(DictionaryService);
    if (!input) {
      if (options.dryRun) throw new CliError('--dry-run applies to a file import', EXIT.invalidInput);
      const { version, created } = await dictionary.copyStarter(LOCAL_OPERATOR, organization.id, { replace: options.replace });
      if (options.json)
        console.log(
          JSON.stringify({ organization: organization.name, version: version.version, versionId: version.id, created }),
        );
      else if (created)
        console.log(
          `Published the starter dictionary as v${version.version} of "${organization.name}" (${version.activityCount} activities).`,
        );
      else
        console.log(
          `"${organization.name}" already has a dictionary (v${version.version}); add --replace to publish the starter over it.`,
        );
      return;
    }
    const outcome = await dictionary.importFile(LOCAL_OPERATOR, organization.id, input, { dryRun: options.dryRun });
    if (options.json) {
      console.log(
        JSON.stringify(
          outcome.errors.length > 0
            ? { errors: outcome.errors }
            : {
                organization: organization.name,
                version: outcome.version?.version ?? null,
                versionId: outcome.version?.id ?? null,
                unchanged: outcome.unchanged,
                dryRun: outcome.dryRun,
                entries: outcome.entryCount,
                activities: outcome.activityCount,
                suggested: outcome.suggestedCount,
              },
        ),
      );
    } else if (outcome.errors.length > 0) {
      console.error(`${outcome.errors.length} error(s); nothing was imported:`);
      for (const issue of outcome.errors) console.error(`  ${describeIssue(issue)}`);
    } else {
      const counts = `${outcome.activityCount} activities in ${outcome.entryCount} entries${outcome.suggestedCount ? `, ${outcome.suggestedCount} levels suggested by the classifier for HR to confirm` : ''}`;
      if (outcome.dryRun) console.log(`Valid: ${counts}. Dry run: nothing published.`);
      else if (outcome.unchanged)
        console.log(`Identical to the current dictionary of "${organization.name}": nothing new was published.`);
      else console.log(`Published v${outcome.version!.version} of the dictionary of "${organization.name}": ${counts}.`);
    }
    if (outcome.errors.length > 0) throw new CliError('', EXIT.invalidInput);
  });
}

async function loadVersion(
  app: INestApplicationContext,
  orgName: string | undefined,
  number: number | null,
): Promise<{ organization: OrganizationEntity; version: DictionaryVersionEntity }> {
  const organization = await resolveOrganization(app.get(OrganizationsService), orgName);
  const versions = await app.get(DictionaryService).versions(LOCAL_OPERATOR, organization.id);
  if (versions.length === 0) {
    throw new CliError(
      `"${organization.name}" has no activity dictionary yet: \`rolemap dictionary import --starter\` copies the starter one, or import a file`,
      EXIT.invalidInput,
    );
  }
  const version = number === null ? versions[0] : versions.find((candidate) => candidate.version === number);
  if (!version) {
    throw new CliError(
      `"${organization.name}" has no dictionary v${number}; the latest is v${versions[0].version}`,
      EXIT.invalidInput,
    );
  }
  return { organization, version };
}

function formatOf(options: ExportOptions): DictionaryFileFormat {
  const format = (options.format ?? (options.out ? path.extname(options.out).slice(1) : '') ?? '').toLowerCase() || 'csv';
  if (!(DICTIONARY_FILE_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format must be ${DICTIONARY_FILE_FORMATS.join(' or ')} (got "${format}")`, EXIT.invalidInput);
  }
  return format as DictionaryFileFormat;
}

function readableFile(filePath: string): { fileName: string; path: string } {
  try {
    fs.accessSync(filePath, fs.constants.R_OK);
    if (fs.statSync(filePath).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { fileName: path.basename(filePath), path: filePath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${filePath}: no such file` : `${filePath}: cannot read (${code})`, EXIT.invalidInput);
  }
}
