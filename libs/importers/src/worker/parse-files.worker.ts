import type { MessagePort } from 'node:worker_threads';
import { readResponsibilities } from '../responsibilities/parse-responsibilities-file';
import { type CompactResponsibilities, CompactRows, transferablesOf } from './compact-responsibilities';
import type { ImportInput, ImportProgress, PeopleImport, ResponsibilitiesImport } from '../types';
import { type FileStage, type ParseFilesRequest, RECORD_FIELDS, type RecordColumns, parseFiles, toColumns } from './parse-files';

export interface ParseTask {
  request: ParseFilesRequest;
  /** Progress and record batches go here, so the receiving thread takes them a batch at a time. */
  port: MessagePort;
}

/** What the task returns once every batch has been posted: the results without their records. */
export interface ParseTaskSummary {
  people: Omit<PeopleImport, 'records'>;
  responsibilities: Omit<ResponsibilitiesImport, 'records'> | null;
  batches: number;
}

export type ParseMessage =
  | { type: 'started' }
  | { type: 'progress'; stage: FileStage; progress: ImportProgress }
  | { type: 'records'; stage: FileStage; batch: RecordColumns };

/**
 * The responsibilities file alone, read while the importing thread reads the people file
 * (`ImportParser.parseAlongside`). The people's employee ids are posted on the port once known
 * (`KnownEmployeeIds`); the result comes back on it as one message of compact columns.
 */
export interface ResponsibilitiesTask {
  responsibilities: ImportInput;
  options?: ParseFilesRequest['responsibilitiesOptions'];
  port: MessagePort;
}

export interface KnownEmployeeIds {
  employeeIds: string[];
}

export type ResponsibilitiesMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'read'; result: Omit<ResponsibilitiesImport, 'records'>; records: CompactResponsibilities };

/** Rows per message: small enough that taking one in never stops the receiving thread for long. */
const BATCH_ROWS = 5_000;

/** The worker-thread side of ImportParser (run by piscina). */
export default async function parseTask(task: ParseTask | ResponsibilitiesTask): Promise<ParseTaskSummary | void> {
  return 'request' in task ? parseImport(task) : readResponsibilitiesTask(task);
}

async function parseImport({ request, port }: ParseTask): Promise<ParseTaskSummary> {
  const post = (message: ParseMessage) => port.postMessage(message);
  post({ type: 'started' });
  const parsed = await parseFiles(
    {
      ...request,
      people: asBuffer(request.people),
      responsibilities: request.responsibilities && asBuffer(request.responsibilities),
    },
    (stage, progress) => post({ type: 'progress', stage, progress }),
  );
  // One batch at a time, each sent once the last was taken in: a port hands every message
  // waiting on it over in one go, which would stop the receiving thread for all of them.
  const waiting: (() => void)[] = [];
  port.on('message', () => waiting.shift()?.());
  let batches = 0;
  try {
    for (const stage of ['people', 'responsibilities'] as const) {
      const records: readonly object[] = parsed[stage]?.records ?? [];
      for (let start = 0; start < records.length; start += BATCH_ROWS) {
        const taken = new Promise<void>((resolve) => waiting.push(resolve));
        post({ type: 'records', stage, batch: toColumns(records.slice(start, start + BATCH_ROWS), RECORD_FIELDS[stage]) });
        batches++;
        await taken;
      }
    }
  } finally {
    port.removeAllListeners('message');
  }
  return {
    people: withoutRecords(parsed.people),
    responsibilities: parsed.responsibilities && withoutRecords(parsed.responsibilities),
    batches,
  };
}

async function readResponsibilitiesTask({ responsibilities, options, port }: ResponsibilitiesTask): Promise<void> {
  const post = (message: ResponsibilitiesMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const known = new Promise<ReadonlySet<string>>((resolve) =>
    port.once('message', (message: KnownEmployeeIds) => resolve(new Set(message.employeeIds))),
  );
  try {
    const parsed = await readResponsibilities(
      asBuffer(responsibilities),
      { ...options, knownEmployeeIds: known, onProgress: (progress) => post({ type: 'progress', progress }) },
      new CompactRows(),
    );
    post({ type: 'read', result: withoutRecords(parsed), records: parsed.records }, transferablesOf(parsed.records));
  } finally {
    port.removeAllListeners('message');
  }
}

function withoutRecords<T extends { records: unknown }>(result: T): Omit<T, 'records'> {
  const { records: _records, ...rest } = result;
  void _records;
  return rest;
}

/** A Buffer arrives as a plain Uint8Array after the structured clone. */
function asBuffer(input: ImportInput): ImportInput {
  if (!('data' in input) || Buffer.isBuffer(input.data)) return input;
  const bytes = input.data as Uint8Array;
  return { fileName: input.fileName, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
