import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '@rolemap/domain';
import type { ArchiveColumn } from './organization-tables';

/**
 * An organization archive (`rolemap export-org`): gzip-compressed JSON lines. The first line is
 * the header, then for each table a line naming it and its columns followed by one line per row
 * (an array of each column's PostgreSQL text form, or null), and a last line with the row counts.
 * Text forms are what PostgreSQL itself prints and parses, so every type (timestamps to the
 * microsecond, reals, bytea, JSON, arrays) comes back exactly; the end line makes a cut-short file
 * an error instead of a smaller organization.
 */
export const ARCHIVE_FORMAT = 'rolemap-organization';
export const ARCHIVE_VERSION = 1;

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: string;
  /** Names of the migrations applied where it was exported: the schema its rows fit. */
  migrations: string[];
  organization: { id: string; name: string };
}

export type ArchiveRow = (string | null)[];

interface TableLine {
  table: string;
  columns: ArchiveColumn[];
}
interface EndLine {
  end: true;
  rows: Record<string, number>;
}

export class ArchiveWriter {
  private readonly gzip = createGzip();
  private readonly finished: Promise<void>;
  private readonly counts: Record<string, number> = {};
  private table: string | null = null;

  constructor(destination: Writable) {
    this.gzip.pipe(destination);
    this.finished = new Promise((resolve, reject) => {
      destination.on('finish', resolve);
      destination.on('close', resolve);
      destination.on('error', reject);
      this.gzip.on('error', reject);
    });
    // Awaited in end(); until then a failed destination must not be an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  header(header: ArchiveHeader): Promise<void> {
    return this.line(header);
  }

  startTable(table: string, columns: ArchiveColumn[]): Promise<void> {
    this.table = table;
    this.counts[table] = 0;
    return this.line({ table, columns } satisfies TableLine);
  }

  async row(values: ArchiveRow): Promise<void> {
    if (this.table === null) throw new Error('ArchiveWriter.row before startTable');
    this.counts[this.table] += 1;
    await this.line(values);
  }

  async end(): Promise<Record<string, number>> {
    await this.line({ end: true, rows: this.counts } satisfies EndLine);
    this.gzip.end();
    await this.finished;
    return { ...this.counts };
  }

  private async line(value: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(value)}\n`)) await once(this.gzip, 'drain');
  }
}

/** What the reader yields after the header: a table's start, or a row of the current table. */
export type ArchiveEntry =
  | { kind: 'table'; table: string; columns: ArchiveColumn[]; line: number }
  | { kind: 'row'; table: string; values: ArchiveRow; line: number };

/**
 * Reads an archive line by line, checking its shape as it goes. Errors name the file and the line;
 * the row counts of the end line are checked against what was read, so a file cut short or edited
 * by hand is refused.
 */
export class ArchiveReader {
  constructor(
    private readonly source: Readable,
    private readonly fileName: string,
  ) {}

  async *entries(): AsyncGenerator<ArchiveHeader | ArchiveEntry> {
    const gunzip = createGunzip();
    const failures: Error[] = [];
    gunzip.on('error', (error) => failures.push(error));
    this.source.on('error', (error) => failures.push(error));
    const lines = createInterface({ input: this.source.pipe(gunzip), crlfDelay: Infinity });
    let lineNumber = 0;
    let header: ArchiveHeader | null = null;
    let table: TableLine | null = null;
    const counts: Record<string, number> = {};
    let ended = false;
    try {
      for await (const text of lines) {
        lineNumber += 1;
        if (ended) throw this.error(lineNumber, 'text after the end line');
        const value = this.parse(text, lineNumber);
        if (header === null) {
          header = this.checkHeader(value, lineNumber);
          yield header;
        } else if (Array.isArray(value)) {
          if (table === null) throw this.error(lineNumber, 'a row before any table line');
          if (value.length !== table.columns.length || !value.every((cell) => cell === null || typeof cell === 'string')) {
            throw this.error(lineNumber, `a row of ${table.table} must be ${table.columns.length} strings or nulls`);
          }
          counts[table.table] += 1;
          yield { kind: 'row', table: table.table, values: value as ArchiveRow, line: lineNumber };
        } else if (isTableLine(value)) {
          if (value.table in counts) throw this.error(lineNumber, `table ${value.table} appears twice`);
          table = value;
          counts[value.table] = 0;
          yield { kind: 'table', table: value.table, columns: value.columns, line: lineNumber };
        } else if (isEndLine(value)) {
          for (const [name, expected] of Object.entries(value.rows)) {
            if (counts[name] !== expected) {
              throw this.error(
                lineNumber,
                `the end line counts ${expected} row(s) of ${name}, the file holds ${counts[name] ?? 0}`,
              );
            }
          }
          ended = true;
        } else {
          throw this.error(lineNumber, 'neither a row, a table line nor the end line');
        }
      }
    } catch (error) {
      if (failures.length > 0) throw this.unreadable(failures[0]);
      throw error;
    }
    if (failures.length > 0) throw this.unreadable(failures[0]);
    if (header === null) throw this.error(0, 'the file is empty');
    if (!ended) throw this.error(lineNumber, 'the file ends before its end line (cut short?)');
  }

  private parse(text: string, line: number): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw this.error(line, 'not a JSON line');
    }
  }

  private checkHeader(value: unknown, line: number): ArchiveHeader {
    const header = value as Partial<ArchiveHeader> | null;
    if (header === null || typeof header !== 'object' || header.format !== ARCHIVE_FORMAT) {
      throw this.error(line, `not a rolemap organization archive (made by rolemap export-org)`);
    }
    if (header.version !== ARCHIVE_VERSION) {
      throw this.error(line, `archive version ${String(header.version)}; this rolemap reads version ${ARCHIVE_VERSION}`);
    }
    if (
      !Array.isArray(header.migrations) ||
      typeof header.organization?.id !== 'string' ||
      typeof header.organization?.name !== 'string'
    ) {
      throw this.error(line, 'the header lacks its migrations or organization');
    }
    return header as ArchiveHeader;
  }

  private error(line: number, message: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${this.fileName}: line ${line}: ${message}`);
  }

  private unreadable(cause: Error): DomainError {
    return new DomainError('BAD_USER_INPUT', `${this.fileName}: not a readable gzip archive (${cause.message})`);
  }
}

function isTableLine(value: unknown): value is TableLine {
  const line = value as TableLine;
  return (
    typeof line === 'object' &&
    line !== null &&
    typeof line.table === 'string' &&
    Array.isArray(line.columns) &&
    line.columns.every((column) => typeof column?.name === 'string' && typeof column?.type === 'string')
  );
}

function isEndLine(value: unknown): value is EndLine {
  const line = value as EndLine;
  return typeof line === 'object' && line !== null && line.end === true && typeof line.rows === 'object';
}
