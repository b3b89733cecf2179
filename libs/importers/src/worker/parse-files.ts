import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import { parsePeopleFile } from '../people/parse-people-file';
import { parseResponsibilitiesFile } from '../responsibilities/parse-responsibilities-file';
import { StringPool } from '../validate/string-pool';
import type {
  ImportInput,
  ImportProgress,
  PeopleImport,
  PeopleImportOptions,
  ResponsibilitiesImport,
  ResponsibilitiesImportOptions,
} from '../types';

export type FileStage = 'people' | 'responsibilities';

/** Everything needed to read one import's files; plain data, so it can cross to a worker thread. */
export interface ParseFilesRequest {
  people: ImportInput;
  responsibilities: ImportInput | null;
  peopleOptions?: Omit<PeopleImportOptions, 'onProgress'>;
  responsibilitiesOptions?: Omit<ResponsibilitiesImportOptions, 'onProgress' | 'knownEmployeeIds'>;
}

export interface ParsedFiles {
  people: PeopleImport;
  responsibilities: ResponsibilitiesImport | null;
}

/**
 * Reads and validates an import's files on the current thread: the people file, then the
 * responsibilities file against the people's ids. `onPeopleRead` hears of the people before the
 * responsibilities file is read, so a caller can start on them (write the chart) meanwhile.
 */
export async function parseFiles(
  request: ParseFilesRequest,
  onProgress?: (stage: FileStage, progress: ImportProgress) => void,
  onPeopleRead?: (people: PeopleImport) => void,
): Promise<ParsedFiles> {
  // One pool for both files: the responsibilities' employee ids become the people's own strings.
  const strings = new StringPool();
  const people = await parsePeopleFile(
    request.people,
    { ...request.peopleOptions, onProgress: onProgress && ((progress) => onProgress('people', progress)) },
    strings,
  );
  onPeopleRead?.(people);
  const responsibilities = request.responsibilities
    ? await parseResponsibilitiesFile(
        request.responsibilities,
        {
          ...request.responsibilitiesOptions,
          knownEmployeeIds: new Set(people.records.map((record) => record.employeeId)),
          onProgress: onProgress && ((progress) => onProgress('responsibilities', progress)),
        },
        strings,
      )
    : null;
  return { people, responsibilities };
}

/**
 * Records cross between threads as columns: the structured clone of 400k objects costs seconds
 * on the receiving thread, the same values as a few arrays a fraction of that.
 */
export interface RecordColumns {
  length: number;
  columns: Record<string, unknown[]>;
}

/** Every field, listed so a field added to the record type cannot be left out of the transfer. */
const PEOPLE_FIELDS: Record<keyof PeopleRecord, true> = {
  rowNumber: true,
  employeeId: true,
  name: true,
  title: true,
  managerId: true,
  department: true,
  location: true,
  email: true,
  hireDate: true,
  roleStartDate: true,
  previousTitle: true,
  lastPromotionDate: true,
  performanceRating: true,
  fte: true,
  grade: true,
  dottedLineManagerIds: true,
  vacant: true,
};
const RESPONSIBILITY_FIELDS: Record<keyof ResponsibilityRecord, true> = {
  rowNumber: true,
  employeeId: true,
  responsibility: true,
  description: true,
  valueLevel: true,
  sharePct: true,
  since: true,
};
export const RECORD_FIELDS = {
  people: Object.keys(PEOPLE_FIELDS),
  responsibilities: Object.keys(RESPONSIBILITY_FIELDS),
} as const;

export function toColumns<T extends object>(records: readonly T[], fields: readonly string[]): RecordColumns {
  const columns: Record<string, unknown[]> = {};
  for (const field of fields) columns[field] = records.map((record) => (record as Record<string, unknown>)[field]);
  return { length: records.length, columns };
}

export function fromColumns<T>(batch: RecordColumns, fields: readonly string[], into: T[]): void {
  const columns = fields.map((field) => batch.columns[field]);
  for (let index = 0; index < batch.length; index++) {
    const record: Record<string, unknown> = {};
    for (let field = 0; field < fields.length; field++) record[fields[field]] = columns[field][index];
    into.push(record as T);
  }
}
