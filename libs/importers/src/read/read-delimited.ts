import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Readable } from 'node:stream';
import type { IssueCollector } from '../issues/issue-collector';
import type { TextEncodingName } from '../types';
import type { ByteSource } from './byte-source';
import { DelimitedRowGuard } from './delimited-row-guard';
import { detectDelimiter } from './detect-delimiter';
import { ICONV_NAMES, detectEncoding } from './detect-encoding';
import type { ProgressTracker } from './progress';
import type { ReadBudget } from './read-limits';
import { TableAssembler, type TableSink } from './table';

export interface DelimitedReadResult {
  encoding: TextEncodingName;
  delimiter: string;
}

/**
 * Streams a CSV/TSV/pipe file: bytes → decoder (handles characters split across chunks)
 * → papaparse, one row at a time. Row numbers count every record, blank ones included,
 * as a spreadsheet shows them; quoted newlines stay inside their row.
 */
export async function readDelimited(
  source: ByteSource,
  sink: TableSink,
  issues: IssueCollector,
  progress: ProgressTracker,
  budget: ReadBudget,
  forcedHasHeader?: boolean,
): Promise<DelimitedReadResult> {
  const encoding = await detectEncoding(source);
  const iconvName = ICONV_NAMES[encoding];
  const delimiter = detectDelimiter(iconv.decode(source.head, iconvName), source.fileName);
  const assembler = new TableAssembler(sink, forcedHasHeader);

  const bytes = source.stream();
  bytes.on('data', (chunk: Buffer) => progress.addBytes(chunk.length));
  const decoded = bytes.pipe(iconv.decodeStream(iconvName)) as unknown as Readable;
  const text = decoded.pipe(new DelimitedRowGuard(source.fileName, delimiter, budget.limits));

  let rowNumber = 0;
  await new Promise<void>((resolve, reject) => {
    const stop = (error: Error) => {
      bytes.destroy();
      reject(error);
    };
    bytes.on('error', stop);
    decoded.on('error', stop);
    text.on('error', stop);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        rowNumber++;
        try {
          budget.admit(rowNumber, result.data.length);
        } catch (error) {
          stop(error as Error); // before abort(), which calls complete() at once
          parser.abort();
          return;
        }
        progress.addRow();
        for (const error of result.errors) {
          issues.error(
            'MALFORMED_ROW',
            { row: rowNumber },
            `${capitalise(issues.at(rowNumber))}: ${error.message} (${error.code}); check the quotes on this row.`,
          );
        }
        assembler.push(rowNumber, result.data);
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  assembler.finish();
  progress.finish();
  return { encoding, delimiter };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
