import { parseValueLevel, type ResponsibilityField, type ResponsibilityRecord } from '@rolemap/domain';
import { detectColumns } from '../detect/detect-columns';
import { RESPONSIBILITY_SYNONYMS } from '../detect/synonyms';
import { IssueCollector } from '../issues/issue-collector';
import { readTable } from '../read/read-table';
import { reportTableShape } from '../read/table-shape';
import { describeOtherFile } from './describe-other-file';
import type { TableInfo, TableSink } from '../read/table';
import type { DetectedMapping, FieldMapping, ImportInput, ResponsibilitiesImport, ResponsibilitiesImportOptions } from '../types';
import { ColumnSlots, RowCells } from '../validate/column-slots';
import { StringPool } from '../validate/string-pool';
import { capital } from '../validate/people-rows';
import { isNotGiven } from '../values/markers';
import { parsePercentOrNumber } from '../values/parse-number';
import { decideDateOrder, parseDate } from '../values/parse-date';

type Mapping = DetectedMapping<ResponsibilityField, ResponsibilityField>;

const REQUIRED_COLUMNS: ResponsibilityField[] = ['employee_id', 'responsibility', 'share'];
/** Rounding slack when shares such as 33.33 + 33.33 + 33.34 are added up. */
const SHARE_TOLERANCE = 0.01;
/**
 * Above 100% a person is overbooked (real surveys often are, a little): a warning. Above this
 * the shares cannot be hours of one working week and the file is wrong: an error.
 */
export const MAX_SHARE_TOTAL_PCT = 150;
/** Rows validated between two turns of the event loop (about 25 ms of work). */
const ROWS_PER_TURN = 8_192;

/**
 * Reads and validates a responsibilities file (employee_id, responsibility, description,
 * value_level, share, since). Employees must exist in the people file (`knownEmployeeIds`)
 * and one person's shares should not exceed 100% (a warning) and must not exceed
 * MAX_SHARE_TOTAL_PCT (an error).
 */
export async function parseResponsibilitiesFile(
  input: ImportInput,
  options: ResponsibilitiesImportOptions,
  strings: StringPool = new StringPool(),
): Promise<ResponsibilitiesImport> {
  const issues = new IssueCollector(input.fileName, options.hints);
  let table = null as TableInfo | null;
  let mapping = null as Mapping | null;
  let slots = null as ColumnSlots<ResponsibilityField> | null;
  const rowNumbers: number[] = [];
  let cells = null as RowCells | null;
  const sink: TableSink = {
    begin(info) {
      table = info;
      const { columns, unmappedHeaders } = detectColumns(info.headers, RESPONSIBILITY_SYNONYMS, options.map, issues);
      const fields: Mapping['fields'] = {};
      const columnOf: Partial<Record<ResponsibilityField, number>> = {};
      for (const column of columns) {
        columnOf[column.target] = column.columnIndex;
        fields[column.target] = {
          field: column.target,
          header: column.header,
          headers: [column.header],
          method: column.method,
          note: column.note,
        } as FieldMapping<ResponsibilityField>;
      }
      mapping = { fields, columns, unmappedHeaders, managerReference: null };
      slots = new ColumnSlots(columnOf, strings);
      cells = new RowCells(slots.width);
    },
    row(row) {
      rowNumbers.push(row.rowNumber);
      (slots as ColumnSlots<ResponsibilityField>).extractInto(row.cells, cells as RowCells);
    },
  };
  const summary = await readTable(input, options, sink, issues);
  const result = (records: ResponsibilityRecord[]): ResponsibilitiesImport => ({
    records,
    errors: issues.errors,
    warnings: issues.warnings,
    mapping: mapping ?? { fields: {}, columns: [], unmappedHeaders: [], managerReference: null },
    format: summary?.format ?? null,
    encoding: summary?.encoding ?? null,
    ...(summary?.delimiter !== undefined ? { delimiter: summary.delimiter } : {}),
    hasHeader: table?.hasHeader ?? false,
    rowCount: rowNumbers.length,
  });
  if (!summary || !table || !mapping || !slots || !cells) return result([]);
  const columns: ColumnSlots<ResponsibilityField> = slots;
  const rows: RowCells = cells;
  const fields = (mapping as Mapping).fields;
  if (!reportTableShape(table, rowNumbers.length, issues)) return result([]);

  const missing = REQUIRED_COLUMNS.filter((field) => !fields[field]);
  const otherKind = !fields.responsibility && !fields.share ? describeOtherFile(table.headers, issues.hints) : null;
  if (otherKind) {
    issues.error('NOT_RESPONSIBILITIES', {}, otherKind);
    return result([]);
  }
  for (const field of missing) {
    issues.error(
      'MISSING_COLUMN',
      {},
      `No ${field} column was found among ${(table as TableInfo).headers.map((header) => `"${header}"`).join(', ')}; ${issues.mapColumn(field)}.`,
    );
  }
  if (missing.length > 0) return result([]);

  const header = (field: ResponsibilityField) => fields[field]?.header ?? field;
  const sinceOrder = options.dateOrder ?? decideDateOrder(rows.values(columns.slot('since')));
  const employeeSlot = columns.slot('employee_id');
  const responsibilitySlot = columns.slot('responsibility');
  const levelSlot = columns.slot('value_level');
  const shareSlot = columns.slot('share');
  const sinceSlot = columns.slot('since');
  const descriptionSlot = columns.slot('description');
  const records: ResponsibilityRecord[] = [];
  for (let index = 0; index < rowNumbers.length; index++) {
    const row = rowNumbers[index];
    const cell = (slot: number) => rows.get(index, slot);
    // Each row is read once: the rows behind are garbage as the records are built.
    rows.releaseBefore(index);
    // A turn for the event loop now and then: a COPY under way (the chart's) goes on meanwhile,
    // and a collector paced on a timer can take back the rows released above.
    if (index > 0 && index % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    // Built only when a message needs it: most rows are valid.
    const where = () => capital(issues.at(row));
    const employeeId = cell(employeeSlot);
    const responsibility = cell(responsibilitySlot);
    let valid = true;
    if (employeeId === '') {
      issues.error('REQUIRED', { row, column: header('employee_id'), value: '' }, `${where()} has no employee id.`);
      valid = false;
    } else if (!options.knownEmployeeIds.has(employeeId)) {
      issues.error(
        'UNKNOWN_EMPLOYEE',
        { row, column: header('employee_id'), value: employeeId },
        `${where()}: employee "${employeeId}" is not in the people file.`,
      );
      valid = false;
    }
    if (responsibility === '') {
      issues.error('REQUIRED', { row, column: header('responsibility'), value: '' }, `${where()} has no responsibility.`);
      valid = false;
    }

    const levelText = cell(levelSlot);
    const valueLevel = levelText === '' ? null : (parseValueLevel(levelText) ?? null);
    if (levelText !== '' && valueLevel === null) {
      issues.error(
        'BAD_VALUE_LEVEL',
        { row, column: header('value_level'), value: levelText },
        `${where()}: value level "${levelText}" is not one of implementation, unification, communication, leadership (or 1-4); leave it empty to classify it from the text.`,
      );
      valid = false;
    }

    const shareText = cell(shareSlot);
    const share = parsePercentOrNumber(shareText);
    if (shareText === '') {
      issues.error(
        'REQUIRED',
        { row, column: header('share'), value: '' },
        `${where()} has no share of time; give a percentage such as 25 or 25%.`,
      );
      valid = false;
    } else if (share === null || share.value < 0 || share.value > 100) {
      issues.error(
        'BAD_NUMBER',
        { row, column: header('share'), value: shareText },
        `${where()}: share "${shareText}" must be a percentage from 0 to 100.`,
      );
      valid = false;
    }

    const sinceText = cell(sinceSlot);
    let since: string | null = null;
    if (!isNotGiven(sinceText)) {
      const reading = parseDate(sinceText, sinceOrder);
      if ('iso' in reading) since = columns.intern(reading.iso);
      else {
        issues.error('BAD_DATE', { row, column: header('since'), value: sinceText }, `${where()}: ${reading.error}`);
        valid = false;
      }
    }
    if (!valid || share === null) continue;
    const description = cell(descriptionSlot);
    records.push({
      rowNumber: row,
      employeeId,
      responsibility,
      description: description === '' ? null : description,
      valueLevel,
      sharePct: share.value,
      since,
    });
  }

  checkSharesPerPerson(records, issues, header('share'));
  return result(records);
}

function checkSharesPerPerson(records: ResponsibilityRecord[], issues: IssueCollector, shareHeader: string): void {
  // Totals first, rows only for the few people over 100%: a list of records per person would
  // be 100k arrays at the very end of a 100k-person parse, its peak of memory.
  const totals = new Map<string, number>();
  for (const record of records) totals.set(record.employeeId, (totals.get(record.employeeId) ?? 0) + record.sharePct);
  const rowsOver = new Map<string, number[]>();
  for (const [employeeId, sum] of totals) if (roundedTotal(sum) > 100 + SHARE_TOLERANCE) rowsOver.set(employeeId, []);
  if (rowsOver.size === 0) return;
  for (const record of records) rowsOver.get(record.employeeId)?.push(record.rowNumber);
  for (const [employeeId, rows] of rowsOver) {
    const total = roundedTotal(totals.get(employeeId) as number);
    const location = { row: rows[0], column: shareHeader, value: String(total), rows };
    if (total > MAX_SHARE_TOTAL_PCT + SHARE_TOLERANCE) {
      issues.error(
        'SHARE_OVER_LIMIT',
        location,
        `Shares of time for employee "${employeeId}" add up to ${total}% on ${issues.atRows(rows)}; above ${MAX_SHARE_TOTAL_PCT}% they cannot be one person's week. Correct the shares.`,
      );
    } else {
      issues.warning(
        'SHARE_OVER_100',
        location,
        `Shares of time for employee "${employeeId}" add up to ${total}% on ${issues.atRows(rows)}: this person is booked for more than their time.`,
      );
    }
  }
}

function roundedTotal(sum: number): number {
  return Math.round(sum * 100) / 100;
}
