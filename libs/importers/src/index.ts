export { isCalendarDate, parsePeopleFile } from './people/parse-people-file';
export { parseResponsibilitiesFile } from './responsibilities/parse-responsibilities-file';
export {
  type PeopleHashed,
  contentHash,
  contentHashInSlices,
  finishContentHashInSlices,
  hashPeopleInSlices,
} from './hash/content-hash';
export {
  parseMapArgument,
  parseMapArguments,
  MapArgumentError,
  MAPPABLE_TARGETS,
  type MapArgument,
} from './map-argument/parse-map-argument';
export { formatIssue } from './issues/issue-collector';
export type { HintStyle } from './issues/fix-hints';
export { suggestAsOf, type AsOfSuggestion } from './as-of/suggest-as-of';
export { MAX_SHARE_TOTAL_PCT } from './responsibilities/parse-responsibilities-file';
export { PEOPLE_SYNONYMS, RESPONSIBILITY_SYNONYMS } from './detect/synonyms';
export * from './types';
export { ImportParser, DEFAULT_IMPORT_PARSER_OPTIONS, type ImportParserOptions } from './worker/import-parser';
export { parseFiles, type FileStage, type ParseFilesRequest, type ParsedFiles } from './worker/parse-files';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read/read-limits';
export { type PlainTable, type PlainTableOptions, columnNamed, readPlainTable } from './read/read-plain-table';
export { type TableRow } from './read/table';
