import { PEOPLE_FIELDS, RESPONSIBILITY_FIELDS } from '@rolemap/domain';
// Inputs the importer combines into a field (first + last name → name, manager e-mail → manager_id).
import { DERIVED_PEOPLE_INPUTS, EXTRA_PEOPLE_INPUTS, IGNORE_TARGET } from '@rolemap/importers/fields';
import type { ColumnMapInput, FileReportFieldsFragment } from '../../../gql/graphql';

export type FileKind = 'people' | 'responsibilities';

/** The map value that tells the importer to leave a column unused. */
export const IGNORE = IGNORE_TARGET;

export const MAPPING_TARGETS: Record<FileKind, readonly string[]> = {
  people: [...PEOPLE_FIELDS, ...DERIVED_PEOPLE_INPUTS, ...EXTRA_PEOPLE_INPUTS],
  responsibilities: RESPONSIBILITY_FIELDS,
};

/** employee_id → "Employee id" */
export function fieldLabel(field: string): string {
  if (field === IGNORE) return 'Ignore this column';
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type MappingRow = {
  /** The column as the file names it ("Column 3" without a header row). */
  header: string;
  /** Detected field, or null when detection found nothing for the column. */
  detected: string | null;
  method: string | null;
  note: string;
  /** More than one source column (e.g. First Name + Last Name): fixed as detected. */
  combined: boolean;
};

export function mappingRows(report: FileReportFieldsFragment): MappingRow[] {
  const mapped: MappingRow[] = report.mapping.map((column) => ({
    header: column.header,
    detected: column.field,
    method: column.method,
    note: column.note,
    combined: column.headers.length > 1,
  }));
  const unmapped: MappingRow[] = report.unmappedHeaders.map((header) => ({
    header,
    detected: null,
    method: null,
    note: 'Not recognised; choose a field or leave it unused.',
    combined: false,
  }));
  return [...mapped, ...unmapped];
}

export type Overrides = Record<string, string>;

/**
 * Every choice the user made, as the API's ImportOptions map. Sent even when the last check
 * agrees with it: that agreement came from sending it (method "explicit").
 */
export function toColumnMap(rows: readonly MappingRow[], overrides: Overrides): ColumnMapInput[] {
  return Object.entries(overrides).flatMap(([header, chosen]) => {
    const row = rows.find((candidate) => candidate.header === header);
    if (chosen === '' && !row?.detected) return [];
    // "Not used" on a detected column means: stop using it.
    return [{ header, field: chosen === '' ? IGNORE : chosen }];
  });
}

/** Fields chosen for more than one column: the import would take only one of them. */
export function duplicateFields(rows: readonly MappingRow[], overrides: Overrides): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const field = overrides[row.header] ?? row.detected ?? '';
    if (field && field !== IGNORE) counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([field]) => field);
}
