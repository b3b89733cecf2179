import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Piscina from 'piscina';
import type { ImportIssue, PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import type { ImportProgress, PeopleImport, ResponsibilitiesImport } from '../types';
import { type FileStage, type ParseFilesRequest, type ParsedFiles, RECORD_FIELDS, fromColumns } from './parse-files';
import type { ParseMessage, ParseTask, ParseTaskSummary } from './parse-files.worker';

export interface ImportParserOptions {
  /** Longest one import's files may take to read, waiting for a free worker included. */
  timeoutMs?: number;
  /** Heap of each worker thread (V8's old generation), in MB. */
  maxMemoryMb?: number;
  /** Imports read at the same time; the next ones wait their turn. */
  maxThreads?: number;
  /** Imports waiting for a worker; past this one is refused as "busy". */
  maxQueue?: number;
  /** Idle workers exit after this long. */
  idleTimeoutMs?: number;
}

export const DEFAULT_IMPORT_PARSER_OPTIONS: Required<ImportParserOptions> = {
  timeoutMs: 120_000,
  // Reading 100k people + 320k responsibilities (36 MB of CSV) peaks near 400 MB of heap.
  maxMemoryMb: 1536,
  maxThreads: 2,
  maxQueue: 16,
  // Warm across a session of uploads (check, fix the mapping, commit); starting one takes about half a second.
  idleTimeoutMs: 5 * 60_000,
};

/**
 * Reads uploads on worker threads, so no file, however it was built, can hold up the thread that
 * answers everyone else: each import runs in a worker with a heap limit and a deadline, and a
 * worker past either is stopped and replaced while the import gets an error naming the file.
 * Records come back in batches, so taking them in never stops the receiving thread for long.
 */
export class ImportParser {
  private readonly options: Required<ImportParserOptions>;
  private pool: Piscina | null = null;

  constructor(options: ImportParserOptions = {}) {
    this.options = { ...DEFAULT_IMPORT_PARSER_OPTIONS, ...withoutUndefined(options) };
  }

  async parse(
    request: ParseFilesRequest,
    onProgress?: (stage: FileStage, progress: ImportProgress) => void,
  ): Promise<ParsedFiles> {
    const pool = this.workers();
    const { port1, port2 } = new MessageChannel();
    const people: PeopleRecord[] = [];
    const responsibilities: ResponsibilityRecord[] = [];
    let stage: FileStage = 'people';
    let received = 0;
    let expected = Number.POSITIVE_INFINITY;
    let allReceived = () => undefined as void;
    const everyBatch = new Promise<void>((resolve) => (allReceived = resolve));
    // From submission: a pool that cannot start a worker must not leave an import waiting forever.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    let started = false;
    let closed = false;
    port1.on('message', (message: ParseMessage) => {
      if (message.type === 'started') {
        started = true;
      } else if (message.type === 'progress') {
        stage = message.stage;
        onProgress?.(message.stage, message.progress);
      } else {
        if (message.stage === 'people') fromColumns(message.batch, RECORD_FIELDS.people, people);
        else fromColumns(message.batch, RECORD_FIELDS.responsibilities, responsibilities);
        if (++received >= expected) allReceived();
        // Asked for the next batch only after whatever else is waiting on this thread has run.
        setImmediate(() => {
          if (!closed) port1.postMessage('next');
        });
      }
    });
    try {
      const task: ParseTask = { request, port: port2 };
      const summary: ParseTaskSummary = await pool.run(task, { transferList: [port2], signal: deadline.signal });
      expected = summary.batches;
      if (received >= expected) allReceived();
      await everyBatch;
      return {
        people: { ...summary.people, records: people },
        responsibilities: summary.responsibilities && { ...summary.responsibilities, records: responsibilities },
      };
    } catch (error) {
      const timedOut = deadline.signal.aborted ? (started ? 'reading' : 'waiting') : null;
      const failure = this.describeFailure(error as Error, request, stage, timedOut);
      if (!failure) throw error;
      return failedParse(request, stage, failure);
    } finally {
      clearTimeout(timer);
      closed = true;
      port1.close();
    }
  }

  /** Stops the workers; a later parse starts new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private workers(): Piscina {
    if (this.pool) return this.pool;
    const { maxThreads, maxQueue, idleTimeoutMs, maxMemoryMb } = this.options;
    this.pool = new Piscina({
      ...workerScript(),
      minThreads: 0,
      maxThreads,
      maxQueue,
      idleTimeout: idleTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    });
    // A worker failing outside a task (while starting, say) has no import to report to. Piscina
    // then starts no more workers, so the pool is replaced: its waiting imports fail, later ones
    // get a new pool. The listener also keeps the 'error' event from ending the process.
    const pool = this.pool;
    pool.on('error', (error: Error) => {
      console.error(`rolemap: an import worker failed: ${error.message}`);
      if (this.pool === pool) this.pool = null;
      pool.destroy().catch(() => undefined);
    });
    return pool;
  }

  private describeFailure(
    error: Error,
    request: ParseFilesRequest,
    stage: FileStage,
    timedOut: 'waiting' | 'reading' | null,
  ): Omit<ImportIssue, 'file'> | null {
    const fileName = (stage === 'responsibilities' ? (request.responsibilities ?? request.people) : request.people).fileName;
    const advice = 'split it into smaller files, or export only the columns rolemap reads as CSV.';
    if (timedOut === 'waiting') {
      return {
        row: null,
        column: null,
        value: null,
        code: 'SERVER_BUSY',
        message: `No import worker was free to read ${fileName} within ${Math.round(this.options.timeoutMs / 1000)} s; upload it again in a minute.`,
      };
    }
    if (timedOut === 'reading') {
      return {
        row: null,
        column: null,
        value: null,
        code: 'READ_TIMEOUT',
        message: `${fileName} took longer than ${Math.round(this.options.timeoutMs / 1000)} s to read, so reading it was stopped; ${advice}`,
      };
    }
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return {
        row: null,
        column: null,
        value: null,
        code: 'READ_OUT_OF_MEMORY',
        message: `Reading ${fileName} needed more than the ${this.options.maxMemoryMb} MB of memory an import may use, so it was stopped; ${advice}`,
      };
    }
    if (/queue is at limit/i.test(error.message)) {
      return {
        row: null,
        column: null,
        value: null,
        code: 'SERVER_BUSY',
        message: `${this.options.maxQueue} imports are already waiting to be read; upload ${fileName} again in a minute.`,
      };
    }
    return null;
  }
}

/**
 * The worker's entry point beside this file: compiled JavaScript in a build, TypeScript in a
 * source checkout (jest, swc-node), where the worker compiles it with swc-node as well.
 */
function workerScript(): { filename: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  const extension = path.extname(__filename);
  const filename = path.join(__dirname, `parse-files.worker${extension}`);
  if (extension !== '.ts') return { filename };
  const register = require.resolve('@swc-node/register');
  const execArgv = process.execArgv.some((argument) => argument.includes('@swc-node/register'))
    ? process.execArgv
    : [...process.execArgv, '--require', register];
  // The workspace tsconfig (path aliases); this file sits at libs/importers/src/worker/.
  const project = process.env.SWC_NODE_PROJECT ?? path.resolve(__dirname, '../../../../tsconfig.json');
  return { filename, execArgv, env: { ...process.env, SWC_NODE_PROJECT: project } };
}

function failedParse(request: ParseFilesRequest, stage: FileStage, failure: Omit<ImportIssue, 'file'>): ParsedFiles {
  const unread = (fileName: string, failed: boolean): PeopleImport & ResponsibilitiesImport => ({
    records: [],
    errors: failed ? [{ file: fileName, ...failure }] : [],
    warnings: [],
    mapping: { fields: {}, columns: [], unmappedHeaders: [], managerReference: null },
    format: null,
    encoding: null,
    hasHeader: false,
    rowCount: 0,
  });
  return {
    people: unread(request.people.fileName, stage === 'people'),
    responsibilities: request.responsibilities ? unread(request.responsibilities.fileName, stage === 'responsibilities') : null,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
