import fs from 'node:fs/promises';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import { type BackgroundJobEntity, type Caller, OrganizationsService } from '@rolemap/server-core';
import { JobQueue, type JobOutcome, type JobRun } from '@rolemap/server-jobs';
import { ImportService } from './import.service';
import type { ImportOutcome, ImportRequest, UploadedFile } from './import.types';

/** What an import job is asked to do: the import's options (the files are the job's inputs). */
interface ImportJobParams {
  organizationName: string;
  peopleMap?: Record<string, string>;
  responsibilitiesMap?: Record<string, string>;
  sheet?: string;
  hasHeader?: boolean;
  allowMultipleRoots?: boolean;
  asOf: string;
  label: string | null;
  allowDuplicate?: boolean;
}

/** Either the import's outcome (it ran in the request) or the job that will run it. */
export type CommittedImport = { outcome: ImportOutcome; job: null } | { outcome: null; job: BackgroundJobEntity };

/** Share of the progress bar for reading the files; writing the snapshot is the rest. */
const READING_SHARE = 0.9;

/**
 * Imports that go through the queue: large uploads become IMPORT jobs that any replica runs
 * with the same ImportService, and whose transaction also marks the job done.
 */
@Injectable()
export class ImportJobs implements OnModuleInit {
  constructor(
    private readonly imports: ImportService,
    private readonly queue: JobQueue,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.queue.register('IMPORT', (run) => this.run(run));
  }

  /**
   * Imports now, or queues the import when its files are large (the one threshold is
   * JobQueue.runsInBackground). Previews, refused uploads and dry runs always answer at once.
   */
  async commit(caller: Caller, request: ImportRequest): Promise<CommittedImport> {
    const bytes = (await sizeOf(request.people)) + (request.responsibilities ? await sizeOf(request.responsibilities) : 0);
    const queued = !request.dryRun && !request.uploadErrors?.length && this.queue.runsInBackground({ kind: 'IMPORT', bytes });
    if (!queued) return { outcome: await this.imports.importFiles(caller, request), job: null };
    return { outcome: null, job: await this.enqueue(caller, request) };
  }

  /** Queues the import whatever its size (`rolemap import --no-wait`). */
  async enqueue(caller: Caller, request: ImportRequest): Promise<BackgroundJobEntity> {
    if (request.dryRun) throw new DomainError('BAD_USER_INPUT', 'A dry run answers at once; it cannot be queued');
    const organizationName = request.organizationName.trim();
    const existing = organizationName ? await this.organizations.findByName(caller, organizationName) : null;
    const params: ImportJobParams = {
      organizationName: request.organizationName,
      peopleMap: request.peopleMap,
      responsibilitiesMap: request.responsibilitiesMap,
      sheet: request.sheet,
      hasHeader: request.hasHeader,
      allowMultipleRoots: request.allowMultipleRoots,
      // Fixed now: "today" is the day it was asked for, not the day a worker gets to it.
      asOf: request.asOf ?? new Date().toISOString().slice(0, 10),
      label: request.label ?? null,
      allowDuplicate: request.allowDuplicate,
    };
    const inputs = [{ name: 'people', fileName: request.people.fileName, content: await bytesOf(request.people) }];
    if (request.responsibilities) {
      inputs.push({
        name: 'responsibilities',
        fileName: request.responsibilities.fileName,
        content: await bytesOf(request.responsibilities),
      });
    }
    return this.queue.enqueue(caller, {
      kind: 'IMPORT',
      organizationId: existing?.id ?? null,
      params: params as unknown as Record<string, unknown>,
      inputs,
    });
  }

  private async run(run: JobRun): Promise<JobOutcome> {
    const params = run.params as unknown as ImportJobParams;
    const people = run.inputs.get('people');
    if (!people) throw new DomainError('NOT_FOUND', `Import job ${run.id} has no people file (it finished before?)`);
    const responsibilities = run.inputs.get('responsibilities') ?? null;
    const read = { people: 0, responsibilities: 0 };
    const total = people.content.length + (responsibilities?.content.length ?? 0) || 1;
    run.progress(0, `Reading ${people.fileName}`);
    const outcome = await this.imports.importFiles(run.caller, {
      organizationName: params.organizationName,
      people: { fileName: people.fileName, data: people.content },
      responsibilities: responsibilities ? { fileName: responsibilities.fileName, data: responsibilities.content } : null,
      peopleMap: params.peopleMap,
      responsibilitiesMap: params.responsibilitiesMap,
      sheet: params.sheet,
      hasHeader: params.hasHeader,
      allowMultipleRoots: params.allowMultipleRoots,
      asOf: params.asOf,
      label: params.label,
      allowDuplicate: params.allowDuplicate,
      onProgress: (stage, progress) => {
        read[stage] = progress.bytesRead;
        const done = (read.people + read.responsibilities) / total;
        const file = stage === 'people' ? people.fileName : responsibilities?.fileName;
        run.progress(done * READING_SHARE, done >= 1 ? 'Writing the snapshot' : `Reading ${file}`);
      },
      // Done in the same transaction as the snapshot: a retry after a crash finds it done.
      beforeCommit: (manager, written) => run.complete(manager, jobOutcomeOf(written)),
    });
    return jobOutcomeOf(outcome);
  }
}

function jobOutcomeOf(outcome: ImportOutcome): JobOutcome {
  return { result: { import: outcome }, organizationId: outcome.organization.id };
}

/** The import outcome a finished IMPORT job holds. */
export function importOutcomeOfJob(job: Pick<BackgroundJobEntity, 'kind' | 'result'>): ImportOutcome | null {
  if (job.kind !== 'IMPORT' || !job.result) return null;
  return (job.result.import as ImportOutcome | undefined) ?? null;
}

async function sizeOf(file: UploadedFile): Promise<number> {
  return 'data' in file ? file.data.length : (await fs.stat(file.path)).size;
}

async function bytesOf(file: UploadedFile): Promise<Buffer> {
  return 'data' in file ? file.data : fs.readFile(file.path);
}
