import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { ImportIssue } from '@rolemap/domain';
import type { BackgroundJobEntity, Caller } from '@rolemap/server-core';
import {
  ImportJobs,
  ImportService,
  type ImportOutcome,
  type ImportedFileReport,
  type UploadedFile,
} from '@rolemap/server-imports';
import { BackgroundJobType } from '../jobs/dtos/job.types';
import { CurrentCaller } from '../../common/graphql-context';
import { type ReceivedUpload, formatLimit, formatMegabytes } from '../uploads/received-upload';
import { GraphQLUpload } from '../uploads/upload.scalar';
import {
  ImportOptionsInput,
  ImportResultType,
  type ColumnMapInput,
  type FileReportType,
  ImportIssueType,
} from './dtos/import.types';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';

/**
 * An uploaded file as the multipart middleware hands it over. Declared as an interface so the
 * decorator metadata says Object and the global ValidationPipe leaves the value alone.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-empty-interface -- see above
export interface UploadArg extends ReceivedUpload {}

@Resolver()
export class ImportsResolver {
  constructor(
    private readonly imports: ImportService,
    private readonly importJobs: ImportJobs,
  ) {}

  @RequireRole(HR_ONLY, { organizationName: 'organizationName' })
  @Mutation(() => ImportResultType, {
    description: 'Validates uploaded files and shows the detected mapping, errors and counts; writes nothing.',
  })
  async previewImport(
    @CurrentCaller() caller: Caller,
    @Args('organizationName') organizationName: string,
    @Args('people', { type: () => GraphQLUpload }) people: UploadArg,
    @Args('responsibilities', { type: () => GraphQLUpload, nullable: true }) responsibilities?: UploadArg | null,
    @Args('options', { type: () => ImportOptionsInput, nullable: true }) options?: ImportOptionsInput,
  ): Promise<ImportResultType> {
    return this.run(caller, organizationName, people, responsibilities, options, true);
  }

  @RequireRole(HR_ONLY, { organizationName: 'organizationName' })
  @Mutation(() => ImportResultType, {
    description: 'Imports uploaded files as a new snapshot, all or nothing. Errors come back with file, row, column and value.',
  })
  async commitImport(
    @CurrentCaller() caller: Caller,
    @Args('organizationName') organizationName: string,
    @Args('people', { type: () => GraphQLUpload }) people: UploadArg,
    @Args('responsibilities', { type: () => GraphQLUpload, nullable: true }) responsibilities?: UploadArg | null,
    @Args('options', { type: () => ImportOptionsInput, nullable: true }) options?: ImportOptionsInput,
  ): Promise<ImportResultType> {
    return this.run(caller, organizationName, people, responsibilities, options, false);
  }

  private async run(
    caller: Caller,
    organizationName: string,
    people: UploadArg,
    responsibilities: UploadArg | null | undefined,
    options: ImportOptionsInput | undefined,
    dryRun: boolean,
  ): Promise<ImportResultType> {
    const uploads = [people, ...(responsibilities ? [responsibilities] : [])];
    const request = {
      organizationName,
      people: asUploadedFile(people),
      responsibilities: responsibilities ? asUploadedFile(responsibilities) : null,
      uploadErrors: uploads.flatMap(tooLargeIssue),
      peopleMap: toMap(options?.peopleMap),
      responsibilitiesMap: toMap(options?.responsibilitiesMap),
      sheet: options?.sheet,
      hasHeader: options?.hasHeader,
      allowMultipleRoots: options?.allowMultipleRoots,
      jobShares: options?.jobShares,
      // The API's client is the web wizard: fixes say what to click, not which flag to pass.
      hints: 'web' as const,
      asOf: options?.asOf,
      label: options?.label ?? null,
      allowDuplicate: options?.allowDuplicate,
      dryRun,
    };
    if (dryRun) return toImportResult(await this.imports.importFiles(caller, request));
    // Large files go to the queue; the answer then carries the job to follow.
    const committed = await this.importJobs.commit(caller, request);
    return committed.outcome ? toImportResult(committed.outcome) : queuedResult(organizationName, people, committed.job);
  }
}

function asUploadedFile(upload: UploadArg): UploadedFile {
  return { fileName: upload.fileName, data: upload.data ?? Buffer.alloc(0) };
}

/** A file over the limit is refused whole: nothing of it is read, so nothing of it can be imported. */
function tooLargeIssue(upload: UploadArg): ImportIssue[] {
  if (!upload.tooLarge) return [];
  return [
    {
      file: upload.fileName,
      row: null,
      column: null,
      value: formatMegabytes(upload.byteSize),
      code: 'FILE_TOO_LARGE',
      message: `File too large: ${upload.fileName} is ${formatMegabytes(upload.byteSize)}, the limit is ${formatLimit(upload.limitBytes)}. Split it or export only the columns rolemap reads.`,
    },
  ];
}

function toMap(entries: ColumnMapInput[] | undefined): Record<string, string> | undefined {
  if (!entries?.length) return undefined;
  return Object.fromEntries(entries.map((entry) => [entry.header, entry.field]));
}

function toFileReport(report: ImportedFileReport): FileReportType {
  const fields = Object.values(report.mapping.fields).flatMap((field) =>
    field ? [{ field: field.field, header: field.header, headers: field.headers, method: field.method, note: field.note }] : [],
  );
  return {
    fileName: report.fileName,
    format: report.format,
    encoding: report.encoding,
    delimiter: report.delimiter,
    hasHeader: report.hasHeader,
    rowCount: report.rowCount,
    mapping: [
      ...fields,
      // Columns read for something other than a field (a history row's period), or matched but
      // not used: listed too, so the wizard shows every column the importer looked at.
      ...report.mapping.columns
        .filter((column) => !fields.some((field) => field.headers.includes(column.header)))
        .map((column) => ({
          field: column.target,
          header: column.header,
          headers: [column.header],
          method: column.method,
          note: column.note,
        })),
    ],
    unmappedHeaders: report.mapping.unmappedHeaders,
    managerReference: report.mapping.managerReference,
  };
}

export function toImportResult(outcome: ImportOutcome): ImportResultType {
  return {
    ok: outcome.ok,
    dryRun: outcome.dryRun,
    organizationName: outcome.organization.name,
    organizationId: outcome.organization.id,
    snapshotId: outcome.snapshot?.id ?? null,
    snapshotVersion: outcome.snapshot?.version ?? null,
    duplicateOfVersion: outcome.duplicateOf?.version ?? null,
    people: outcome.people,
    positions: outcome.positions,
    responsibilities: outcome.responsibilities,
    errors: outcome.errors.map(ImportIssueType.from),
    warnings: outcome.warnings.map(ImportIssueType.from),
    peopleFile: toFileReport(outcome.files.people),
    responsibilitiesFile: outcome.files.responsibilities ? toFileReport(outcome.files.responsibilities) : null,
    tops: outcome.tops,
  };
}

/** The answer for an import that was queued: nothing read yet, the job to follow. */
function queuedResult(organizationName: string, people: UploadArg, job: BackgroundJobEntity): ImportResultType {
  return {
    ok: true,
    dryRun: false,
    organizationName: organizationName.trim(),
    organizationId: job.organizationId,
    snapshotId: null,
    snapshotVersion: null,
    duplicateOfVersion: null,
    people: 0,
    positions: 0,
    responsibilities: 0,
    errors: [],
    warnings: [],
    peopleFile: {
      fileName: people.fileName,
      format: null,
      encoding: null,
      delimiter: null,
      hasHeader: false,
      rowCount: 0,
      mapping: [],
      unmappedHeaders: [],
      managerReference: null,
    },
    responsibilitiesFile: null,
    tops: [],
    job: BackgroundJobType.from(job),
  };
}
