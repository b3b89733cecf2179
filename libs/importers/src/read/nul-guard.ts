import type { IssueCollector } from '../issues/issue-collector';
import { capitalise } from './read-delimited';
import type { TableSink } from './table';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a table would surface as a raw
 * database error at commit. Refused while reading instead, with the first row and column that
 * has one and how many more cells do.
 */
export function guardAgainstNul(sink: TableSink, issues: IssueCollector): { sink: TableSink; report(): void } {
  let headers: readonly string[] = [];
  let first: { row: number | null; column: string; value: string } | null = null;
  let more = 0;
  const note = (row: number | null, column: string, value: string) => {
    if (first) more++;
    else first = { row, column, value: value.replaceAll('\u0000', '\u2400') };
  };
  return {
    sink: {
      begin(info) {
        headers = info.headers;
        info.headers.forEach((header, index) => {
          if (header.includes('\u0000')) note(info.headerRowNumber, `Column ${index + 1}`, header);
        });
        sink.begin(info);
      },
      row(row) {
        const cells = row.cells;
        for (let index = 0; index < cells.length; index++) {
          if (cells[index].includes('\u0000')) note(row.rowNumber, headers[index] ?? `Column ${index + 1}`, cells[index]);
        }
        sink.row(row);
      },
    },
    report() {
      if (!first) return;
      const where = first.row === null ? 'The header' : capitalise(issues.at(first.row));
      const others = more > 0 ? ` ${more.toLocaleString('en')} more cell${more === 1 ? '' : 's'} have one too.` : '';
      issues.error(
        'NUL_CHARACTER',
        { row: first.row, column: first.column, value: first.value },
        `${where}, column "${first.column}", contains a NUL character (byte 0x00), which cannot be stored; remove it (shown as ␀).${others} ` +
          'Files exported as UTF-16 without a byte-order mark, or from a binary format, often carry them.',
      );
    },
  };
}
