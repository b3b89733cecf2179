import type { IssueCollector } from '../issues/issue-collector';
import type { TableInfo } from './table';

/**
 * Tells the user about the table's shape: rows skipped above the header, no header at
 * all (so columns must be mapped by position), no data. False when there is nothing to import.
 */
export function reportTableShape(table: TableInfo, rowCount: number, issues: IssueCollector): boolean {
  if (table.skippedRowNumbers.length > 0) {
    issues.warning(
      'ROWS_ABOVE_HEADER',
      { row: table.skippedRowNumbers[0] },
      `Skipped ${issues.atRows(table.skippedRowNumbers)} above the header row ${table.headerRowNumber}.`,
    );
  }
  if (!table.hasHeader && table.headers.length > 0) {
    issues.warning(
      'NO_HEADER',
      { row: 1 },
      `The file has no header row (the first row is data); its columns are named "Column 1" to "Column ${table.headers.length}". ${issues.hints === 'web' ? 'Choose the field of each column in the column mapping, then check again.' : 'Map them by position, e.g. --map "1=employee_id".'}`,
    );
  }
  if (rowCount === 0) {
    issues.error(
      'EMPTY_FILE',
      {},
      table.headers.length > 0 ? 'The file has a header but no data rows.' : 'The file has no data.',
    );
    return false;
  }
  return true;
}
