import type { MessagePort } from 'node:worker_threads';
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

/** Rows per message: small enough that taking one in never stops the receiving thread for long. */
const BATCH_ROWS = 5_000;

/** The worker-thread side of ImportParser (run by piscina). */
export default async function parseTask({ request, port }: ParseTask): Promise<ParseTaskSummary> {
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
