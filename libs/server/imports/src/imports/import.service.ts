import { createHash, randomUUID, webcrypto } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gzip } from 'node:zlib';
import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type SnapshotChart,
  createClassifier,
  missingResponsibilitiesWarning,
  snapshotChartFromRecords,
} from '@rolemap/analysis';
import type { ImportIssue, PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import {
  ImportParser,
  type ParseFilesRequest,
  type ParsedFiles,
  type PeopleImport,
  type ResponsibilitiesImport,
  contentHash,
  finishContentHashInSlices,
  hashPeopleInSlices,
  parseFiles,
} from '@rolemap/importers';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ActionsService,
  AuditLogService,
  DATABASE_TARGET,
  type Caller,
  type DatabaseTarget,
  createTimeOrderedIdFactory,
  MAX_NAME_LENGTH,
  OrganizationsService,
  lockOrganization,
  snapshotPrecedingImport,
  UploadedFileEntity,
  acrossAllTenants,
  confirmedWordingOf,
  gradeTiersOf,
} from '@rolemap/server-core';
import type {
  ImportOutcome,
  ImportRequest,
  ImportSettings,
  ImportedFileReport,
  PreparedUpload,
  RecordsImport,
  TopPost,
  UploadedFile,
  WrittenImport,
} from './import.types';
import type { BulkPath } from './bulk-insert';
import { completeSnapshot, writeResponsibilities, writeSnapshotChart } from './snapshot-writer';

/**
 * Uploads become snapshots here: parse and validate everything first, then write the whole
 * snapshot (and the uploaded bytes) in one transaction. Any error means nothing is written.
 */
@Injectable()
export class ImportService implements OnApplicationShutdown {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
    /**
     * The server reads uploads on worker threads (see ImportsModule). Without one (the CLI, the
     * demo seed in tests, benchmarks) files are read on this thread: the same code and limits,
     * without a deadline or heap limit that would only get in the way of one's own local files.
     */
    @Optional() private readonly parser?: ImportParser,
    /** Closes actions whose finding a new snapshot no longer has; absent where only rows are written (benchmarks). */
    @Optional() private readonly actions?: ActionsService,
  ) {}

  // At shutdown, not at module destruction: background jobs still reading files get their grace period first.
  async onApplicationShutdown(): Promise<void> {
    await this.parser?.close();
  }

  async importFiles(caller: Caller, request: ImportRequest): Promise<ImportOutcome> {
    if (request.uploadErrors?.length) return this.refused(caller, request, request.uploadErrors);
    const asOf = request.asOf ?? todayIso();
    // Started now, finished by the thread pool while the rows are parsed on this thread.
    const uploads = request.dryRun
      ? []
      : [
          prepareUpload('PEOPLE', request.people),
          ...(request.responsibilities ? [prepareUpload('RESPONSIBILITIES', request.responsibilities)] : []),
        ];
    const parseStart = performance.now();
    const parseRequest: ParseFilesRequest = {
      people: request.people,
      responsibilities: request.responsibilities ?? null,
      peopleOptions: {
        map: request.peopleMap,
        sheet: request.sheet,
        hasHeader: request.hasHeader,
        allowMultipleRoots: request.allowMultipleRoots,
        jobShares: request.jobShares,
        asOf,
        hints: request.hints,
      },
      responsibilitiesOptions: {
        map: request.responsibilitiesMap,
        sheet: request.sheet,
        hasHeader: request.hasHeader,
        hints: request.hints,
      },
    };
    const optionErrors = [
      ...organizationNameIssues(request.organizationName, request.people.fileName),
      ...labelIssues(request.label, request.people.fileName),
    ];
    let base: ImportOutcome | null = null;
    const outcomeOf = (written: WrittenImport): ImportOutcome => ({
      ...(base as ImportOutcome),
      ...written,
      warnings: [...(base as ImportOutcome).warnings, ...written.warnings],
      timings: { ...written.timings, parseMs },
    });
    const beforeCommit = request.beforeCommit;
    const settings: ImportSettings = {
      organizationName: request.organizationName,
      asOf,
      label: request.label ?? null,
      sourceFileName: request.people.fileName,
      files: uploads,
      allowDuplicate: request.allowDuplicate,
      beforeCommit: beforeCommit && ((manager, done) => beforeCommit(manager, outcomeOf(done))),
    };
    // Read on this thread into a PostgreSQL server, the chart is written while the
    // responsibilities file is read: the server's work on the other core overlaps the parse.
    const early: { written?: Promise<WrittenImport | null>; settle?: (records: ResponsibilityRecord[] | null) => void } = {};
    const writeChartEarly = (parsedPeople: PeopleImport) => {
      if (parsedPeople.errors.length > 0 || optionErrors.length > 0) return;
      const pending = new Promise<ResponsibilityRecord[] | null>((resolve) => (early.settle = resolve));
      early.written = this.writeRecords(caller, settings, { people: parsedPeople.records }, pending);
      // Awaited once the parse is done; a failure before that is not an unhandled rejection.
      early.written.catch(() => undefined);
    };
    const writesEarly = !this.parser && !request.dryRun && this.bulkPath() === true;
    let parsed: ParsedFiles | null;
    try {
      parsed = this.parser
        ? await this.parser.parse(parseRequest, request.onProgress)
        : await parseFiles(parseRequest, request.onProgress, writesEarly ? writeChartEarly : undefined);
    } catch (error) {
      early.settle?.(null);
      await early.written?.catch(() => undefined);
      throw error;
    }
    const parseMs = performance.now() - parseStart;
    const existing = await this.organizations.findByName(caller, request.organizationName.trim());
    base = outcomeBeforeWrite(request, parsed, optionErrors, existing?.id ?? null, parseMs);
    if (!base.ok || request.dryRun) {
      // A chart already written for these files is rolled back.
      early.settle?.(null);
      await early.written;
      return base;
    }
    const responsibilityRecords = parsed.responsibilities?.records ?? [];
    if (early.written && early.settle) {
      // The early write holds what it still needs: without this the people records (~40 MB at
      // 100k people) would stay live through the responsibilities' COPY, until the commit.
      parsed = null;
      early.settle(responsibilityRecords);
      return outcomeOf((await early.written) as WrittenImport);
    }
    return outcomeOf(
      await this.importRecords(caller, { ...settings, people: parsed.people.records, responsibilities: responsibilityRecords }),
    );
  }

  /** The outcome for files refused before they were read: the errors, no counts, nothing written. */
  private async refused(caller: Caller, request: ImportRequest, errors: ImportIssue[]): Promise<ImportOutcome> {
    const existing = await this.organizations.findByName(caller, request.organizationName.trim());
    return {
      ok: false,
      dryRun: Boolean(request.dryRun),
      organization: { id: existing?.id ?? null, name: request.organizationName.trim() },
      snapshot: null,
      duplicateOf: null,
      people: 0,
      positions: 0,
      responsibilities: 0,
      errors: [...organizationNameIssues(request.organizationName, request.people.fileName), ...errors],
      warnings: [],
      files: {
        people: unreadFileReport(request.people.fileName),
        responsibilities: request.responsibilities ? unreadFileReport(request.responsibilities.fileName) : null,
      },
      tops: [],
      timings: { parseMs: 0, buildMs: 0, writeMs: 0, storeMs: 0 },
    };
  }

  /** Writes validated records as the organization's next snapshot, in one transaction. */
  async importRecords(caller: Caller, input: RecordsImport): Promise<WrittenImport> {
    return (await this.writeRecords(caller, input, { people: input.people }, input.responsibilities)) as WrittenImport;
  }

  /**
   * `importRecords`, or, given the responsibilities as a promise (their file still being read),
   * the chart written first and the responsibilities once they come. The duplicate check needs
   * them, so the chart is then written under a savepoint and undone for a duplicate; a null
   * from the promise (the file had errors) rolls everything back and gives null.
   * `handedOver.people` is let go of (set to null) once the chart is built and the people are
   * hashed: a large import's people records are not needed for its responsibilities.
   */
  private async writeRecords(
    caller: Caller,
    input: ImportSettings,
    handedOver: { people: readonly PeopleRecord[] | null },
    responsibilitiesOrPending: ResponsibilityRecord[] | Promise<ResponsibilityRecord[] | null>,
  ): Promise<WrittenImport | null> {
    const timings = { parseMs: 0, buildMs: 0, writeMs: 0, storeMs: 0 };
    const pending = Array.isArray(responsibilitiesOrPending) ? null : responsibilitiesOrPending;
    const known = Array.isArray(responsibilitiesOrPending) ? responsibilitiesOrPending : null;
    const knownHash = known ? contentHash(handedOver.people ?? [], known) : null;
    const write = () =>
      this.dataSource.transaction(async (manager) => {
        const organization = await this.organizations.findOrCreate(caller, input.organizationName, manager);
        // Locked before the duplicate check, so two identical uploads at once cannot both pass it.
        await lockOrganization(manager, organization.id);
        // Compared with the chart it will follow on the timeline (the last one dated on or before
        // it), not with the last upload: the timeline is what diffs and promotions are read from.
        const preceding = await snapshotPrecedingImport(manager, organization.id, input.asOf);
        const duplicateOf = (hash: string) =>
          preceding && preceding.contentHash === hash && !input.allowDuplicate ? preceding : null;
        const duplicate = (of: { id: string; version: number }) =>
          committing(manager, input, {
            organization: { id: organization.id, name: organization.name },
            snapshot: null,
            duplicateOf: { id: of.id, version: of.version },
            warnings: [duplicateWarning(input.sourceFileName, of.version)],
            timings,
          });
        const knownDuplicate = knownHash !== null ? duplicateOf(knownHash) : null;
        if (knownDuplicate) return duplicate(knownDuplicate);
        // Wording HR confirmed in this organization's review queue is classified as confirmed.
        const confirmed = await confirmedWordingOf(manager, organization.id);
        // HR's grade → tier table decides the tiers of graded positions before their titles.
        const gradeTiers = await gradeTiersOf(manager, organization.id);
        const buildStart = performance.now();
        let chart: SnapshotChart | null = snapshotChartFromRecords(handedOver.people ?? [], {
          organizationId: organization.id,
          snapshotId: randomUUID(),
          asOf: input.asOf,
          newId: createTimeOrderedIdFactory(),
          classifier: confirmed.size > 0 ? createClassifier({ confirmed }) : undefined,
          gradeTiers,
          // HR's overrides are not baked in: they are a layer applied when the snapshot is read,
          // so clearing one brings back what the file and the inference said.
        });
        const writeStart = performance.now();
        timings.buildMs = writeStart - buildStart;
        // The people's half of the digest, taken while the chart's COPY waits on the server.
        const peopleHashing = pending ? hashPeopleInSlices(handedOver.people ?? []) : null;
        if (pending) await manager.query('SAVEPOINT chart_before_responsibilities');
        const useCopy = this.bulkPath();
        const snapshot = await writeSnapshotChart(manager, useCopy, chart, {
          label: input.label,
          asOf: input.asOf,
          sourceFileName: input.sourceFileName,
          // Set once the responsibilities are read, when they are still pending.
          contentHash: knownHash ?? '',
          responsibilityCount: known?.length ?? 0,
        });
        const peopleHashed = await peopleHashing;
        const written = { people: chart.people.length, positions: chart.positions.length };
        const responsibilitiesOf = chart.responsibilitiesOf;
        // Written: of the chart's ~300k objects and the people records (at 100k people) only
        // the employee → position lookup inside responsibilitiesOf is needed from here on.
        chart = null;
        handedOver.people = null;
        const responsibilities = known ?? (await pending);
        if (responsibilities === null) throw new ResponsibilitiesRejected();
        const rows = responsibilitiesOf(responsibilities);
        if (peopleHashed) {
          // Hashed while the COPY waits on the server; a duplicate undoes everything written since the savepoint.
          const [hash] = await Promise.all([
            finishContentHashInSlices(peopleHashed, responsibilities),
            writeResponsibilities(manager, useCopy, snapshot.id, rows),
          ]);
          const pendingDuplicate = duplicateOf(hash);
          if (pendingDuplicate) {
            await manager.query('ROLLBACK TO SAVEPOINT chart_before_responsibilities');
            return duplicate(pendingDuplicate);
          }
          await completeSnapshot(manager, snapshot, { contentHash: hash, responsibilityCount: responsibilities.length });
        } else {
          await writeResponsibilities(manager, useCopy, snapshot.id, rows);
        }
        timings.writeMs = performance.now() - writeStart;
        const storeStart = performance.now();
        for (const upload of input.files ?? []) {
          await manager.getRepository(UploadedFileEntity).insert({
            organizationId: organization.id,
            snapshotId: snapshot.id,
            kind: upload.kind,
            fileName: upload.fileName,
            sha256: await upload.sha256,
            byteSize: upload.byteSize,
            contentEncoding: 'gzip',
            content: await upload.gzipped,
          });
        }
        timings.storeMs = performance.now() - storeStart;
        await input.withinTransaction?.(manager, { id: snapshot.id, version: snapshot.version });
        await this.audit.record(
          caller,
          {
            action: 'import',
            organizationId: organization.id,
            target: `snapshot v${snapshot.version}`,
            details: {
              snapshotId: snapshot.id,
              version: snapshot.version,
              asOf: input.asOf,
              sourceFileName: input.sourceFileName,
              people: written.people,
              positions: written.positions,
              responsibilities: responsibilities.length,
            },
          },
          manager,
        );
        return committing(manager, input, {
          organization: { id: organization.id, name: organization.name },
          snapshot: { id: snapshot.id, version: snapshot.version },
          duplicateOf: null,
          warnings: [],
          timings,
        });
      });
    let outcome: WrittenImport;
    try {
      outcome = await write();
    } catch (error) {
      if (error instanceof ResponsibilitiesRejected) return null;
      throw error;
    }
    if (outcome.snapshot) {
      await analyzeSnapshotTables(this.dataSource);
      // A finding the new chart no longer has closes the action accepting it opened.
      if (outcome.organization.id) await this.actions?.settle(caller, outcome.organization.id);
    }
    return outcome;
  }

  /** COPY FROM STDIN on a PostgreSQL server; PGlite in this process, or INSERTs through its socket. */
  private bulkPath(): BulkPath {
    return this.database.copyIn ?? !this.database.embedded;
  }
}

/** Thrown inside the transaction to roll back a chart whose responsibilities file had errors. */
class ResponsibilitiesRejected extends Error {}

/** The transaction's last step: whoever asked to be told before the commit is told. */
async function committing(manager: EntityManager, input: ImportSettings, written: WrittenImport): Promise<WrittenImport> {
  await input.beforeCommit?.(manager, written);
  return written;
}

/**
 * Fresh planner statistics once a snapshot is in: a bulk load can multiply a table's rows, and
 * until autovacuum gets to it the planner would cost the chart's and the analysis's queries on
 * the old counts. ANALYZE samples a fixed number of rows, so it takes about the same time at any
 * size; it runs after the commit, outside the organization's lock. On a server each table is
 * analysed on its own connection, so the server's cores share the work (the import's own thread
 * is idle by then); the embedded database has one connection and takes them in turn.
 */
async function analyzeSnapshotTables(dataSource: DataSource): Promise<void> {
  // Statistics are the table's, over every tenant, and only its owner may gather them.
  await acrossAllTenants(() => Promise.all(SNAPSHOT_TABLES.map((table) => dataSource.query(`ANALYZE ${table}`))));
}

// Largest first, so the longest ANALYZE starts at once.
const SNAPSHOT_TABLES = ['responsibility', 'position', 'person', 'assignment', 'org_snapshot'] as const;

const gzipAsync = promisify(gzip);

function prepareUpload(kind: PreparedUpload['kind'], file: UploadedFile): PreparedUpload {
  const { sha256, gzipped, byteSize } =
    'data' in file
      ? {
          sha256: webcrypto.subtle.digest('SHA-256', file.data).then((digest) => Buffer.from(digest).toString('hex')),
          gzipped: gzipAsync(file.data, { level: 1 }),
          byteSize: file.data.length,
        }
      : storedFromDisk(file.path);
  // Nobody awaits these when validation fails; keep that from surfacing as an unhandled rejection.
  sha256.catch(() => undefined);
  gzipped.catch(() => undefined);
  return { kind, fileName: file.fileName, byteSize, sha256, gzipped };
}

/** Digest and gzip of a file read as a stream (compressed on the thread pool), so only the gzipped bytes are held. */
function storedFromDisk(path: string): Pick<PreparedUpload, 'sha256' | 'gzipped' | 'byteSize'> {
  const digest = createHash('sha256');
  const chunks: Buffer[] = [];
  const done = pipeline(
    createReadStream(path),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        digest.update(chunk);
        callback(null, chunk);
      },
    }),
    createGzip({ level: 1 }),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return {
    byteSize: statSync(path).size,
    sha256: done.then(() => digest.digest('hex')),
    gzipped: done.then(() => Buffer.concat(chunks)),
  };
}

/** What the files say before anything is written: errors, warnings, counts and tops. */
function outcomeBeforeWrite(
  request: ImportRequest,
  { people, responsibilities }: ParsedFiles,
  optionErrors: ImportIssue[],
  organizationId: string | null,
  parseMs: number,
): ImportOutcome {
  const errors = [...optionErrors, ...people.errors, ...(responsibilities?.errors ?? [])];
  // Positions without responsibilities are unknown to the analysis, not idle: say how many.
  const coverageWarning =
    errors.length === 0
      ? missingResponsibilitiesWarning(
          people.records,
          responsibilities?.records ?? [],
          request.responsibilities?.fileName ?? request.people.fileName,
        )
      : null;
  const warnings = [...people.warnings, ...(responsibilities?.warnings ?? []), ...(coverageWarning ? [coverageWarning] : [])];
  return {
    ok: errors.length === 0,
    dryRun: Boolean(request.dryRun),
    organization: { id: organizationId, name: request.organizationName.trim() },
    snapshot: null,
    duplicateOf: null,
    people: people.records.filter((record) => !record.vacant).length,
    positions: people.records.length,
    responsibilities: responsibilities?.records.length ?? 0,
    errors,
    warnings,
    files: {
      people: fileReport(request.people.fileName, people),
      responsibilities:
        request.responsibilities && responsibilities ? fileReport(request.responsibilities.fileName, responsibilities) : null,
    },
    tops: topsOf(people.records),
    timings: { parseMs, buildMs: 0, writeMs: 0, storeMs: 0 },
  };
}

/** Tops listed in an outcome; a 10k-root forest lists these and counts the rest in the error. */
export const MAX_TOPS_LISTED = 100;

function topsOf(records: readonly PeopleRecord[]): TopPost[] {
  const tops: TopPost[] = [];
  for (const record of records) {
    if (record.managerId !== null) continue;
    tops.push({ row: record.rowNumber, employeeId: record.employeeId, name: record.name, title: record.title });
    if (tops.length === MAX_TOPS_LISTED) break;
  }
  return tops;
}

function fileReport(fileName: string, result: PeopleImport | ResponsibilitiesImport): ImportedFileReport {
  return {
    fileName,
    format: result.format,
    encoding: result.encoding,
    delimiter: result.delimiter ?? null,
    hasHeader: result.hasHeader,
    rowCount: result.rowCount,
    mapping: result.mapping,
  };
}

function unreadFileReport(fileName: string): ImportedFileReport {
  return {
    fileName,
    format: null,
    encoding: null,
    delimiter: null,
    hasHeader: false,
    rowCount: 0,
    mapping: { fields: {}, columns: [], unmappedHeaders: [], managerReference: null },
  };
}

function labelIssues(label: string | null | undefined, fileName: string): ImportIssue[] {
  if (!label?.includes('\u0000')) return [];
  return [
    {
      file: fileName,
      row: null,
      column: null,
      value: label.replaceAll('\u0000', '\u2400'),
      code: 'BAD_OPTION',
      message: 'A snapshot label cannot contain a NUL character (byte 0x00).',
    },
  ];
}

function organizationNameIssues(name: string, fileName: string): ImportIssue[] {
  const trimmed = name.trim();
  const problem = !trimmed
    ? 'An import needs the name of the organization it belongs to.'
    : trimmed.length > MAX_NAME_LENGTH
      ? `An organization name has at most ${MAX_NAME_LENGTH} characters.`
      : trimmed.includes('\u0000')
        ? 'An organization name cannot contain a NUL character (byte 0x00).'
        : null;
  const shown = name.replaceAll('\u0000', '\u2400');
  return problem ? [{ file: fileName, row: null, column: null, value: shown, code: 'BAD_OPTION', message: problem }] : [];
}

function duplicateWarning(fileName: string | null, version: number): ImportIssue {
  return {
    file: fileName ?? '(records)',
    row: null,
    column: null,
    value: null,
    code: 'DUPLICATE_SNAPSHOT',
    message: `This chart is identical to snapshot v${version}; no new snapshot was created.`,
  };
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
