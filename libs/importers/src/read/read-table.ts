import type { IssueCollector } from '../issues/issue-collector';
import type { FileFormat, ImportInput, ProgressCallback, TextEncodingName } from '../types';
import { FileAccessError, openByteSource } from './byte-source';
import { detectFormat } from './detect-format';
import { ProgressTracker } from './progress';
import { readDelimited } from './read-delimited';
import { ReadError } from './read-error';
import { ReadBudget, type ReadLimits, readLimits } from './read-limits';
import { readJson } from './read-json';
import { guardAgainstNul } from './nul-guard';
import { readXlsx } from './read-xlsx';
import type { TableSink } from './table';

export interface ReadSummary {
  format: FileFormat;
  encoding: TextEncodingName | null;
  delimiter?: string;
}

export interface ReadTableOptions {
  sheet?: string;
  hasHeader?: boolean;
  streamXlsx?: boolean;
  limits?: Partial<ReadLimits>;
  onProgress?: ProgressCallback;
}

/**
 * Reads any supported upload into `sink`. File-level failures (missing file, unsupported
 * format, broken JSON, unknown sheet, a limit passed) become issues; the result is then null.
 */
export async function readTable(
  input: ImportInput,
  options: ReadTableOptions,
  sink: TableSink,
  issues: IssueCollector,
): Promise<ReadSummary | null> {
  const nul = guardAgainstNul(sink, issues);
  try {
    return await readGuarded(input, options, nul.sink, issues);
  } finally {
    nul.report();
  }
}

async function readGuarded(
  input: ImportInput,
  options: ReadTableOptions,
  sink: TableSink,
  issues: IssueCollector,
): Promise<ReadSummary | null> {
  const limits = readLimits(options.limits);
  try {
    const source = await openByteSource(input);
    if (source.totalBytes === 0) {
      issues.error('EMPTY_FILE', {}, `${input.fileName} is empty.`);
      return null;
    }
    const decision = detectFormat(input.fileName, source.head);
    if ('unsupported' in decision) {
      issues.error('UNSUPPORTED_FORMAT', {}, decision.unsupported);
      return null;
    }
    const progress = new ProgressTracker(source.totalBytes, options.onProgress);
    switch (decision.format) {
      case 'csv': {
        const budget = new ReadBudget(input.fileName, limits);
        const { encoding, delimiter } = await readDelimited(source, sink, issues, progress, budget, options.hasHeader);
        return { format: 'csv', encoding, delimiter };
      }
      case 'xlsx':
        await readXlsx(source, sink, progress, new ReadBudget(input.fileName, limits), options);
        return { format: 'xlsx', encoding: null };
      case 'json': {
        issues.rowLabel = 'item';
        const { encoding } = await readJson(source, sink, issues, progress, new ReadBudget(input.fileName, limits, 'item'));
        return { format: 'json', encoding };
      }
    }
  } catch (error) {
    if (error instanceof ReadError) {
      issues.error(error.code, error.location, error.message);
      return null;
    }
    if (error instanceof FileAccessError) {
      issues.error(error.code, {}, error.message);
      return null;
    }
    issues.error('UNREADABLE_FILE', {}, `${input.fileName} could not be read: ${(error as Error).message}`);
    return null;
  }
}
