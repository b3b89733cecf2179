import type { IssueCollector } from '../issues/issue-collector';
import type { FileFormat, ImportInput, ProgressCallback, TextEncodingName } from '../types';
import { FileAccessError, openByteSource } from './byte-source';
import { detectFormat } from './detect-format';
import { ProgressTracker } from './progress';
import { readDelimited } from './read-delimited';
import { ReadError } from './read-error';
import { readJson } from './read-json';
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
  maxRows?: number;
  onProgress?: ProgressCallback;
}

/**
 * Reads any supported upload into `sink`. File-level failures (missing file, unsupported
 * format, broken JSON, unknown sheet) become issues; the result is then null.
 */
export async function readTable(
  input: ImportInput,
  options: ReadTableOptions,
  sink: TableSink,
  issues: IssueCollector,
): Promise<ReadSummary | null> {
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
        const { encoding, delimiter } = await readDelimited(source, sink, issues, progress, options.hasHeader);
        return { format: 'csv', encoding, delimiter };
      }
      case 'xlsx':
        await readXlsx(source, sink, progress, options);
        return { format: 'xlsx', encoding: null };
      case 'json': {
        issues.rowLabel = 'item';
        const { encoding } = await readJson(source, sink, issues, progress);
        return { format: 'json', encoding };
      }
    }
  } catch (error) {
    if (error instanceof FileAccessError || error instanceof ReadError) {
      issues.error(error.code, {}, error.message);
      return null;
    }
    issues.error('UNREADABLE_FILE', {}, `${input.fileName} could not be read: ${(error as Error).message}`);
    return null;
  }
}
