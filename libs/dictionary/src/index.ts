// The activity dictionary without storage: its tree and rules, files in and out, and the
// starter dictionary every organization begins from. Plain TypeScript.
export {
  DICTIONARY_KINDS,
  DICTIONARY_LIMITS,
  type DictionaryEntry,
  type DictionaryKind,
  LEVEL_SOURCES,
  type LevelSource,
  kindAtDepth,
} from './dictionary-entry';
export {
  type BuildDictionaryOptions,
  type BuiltDictionary,
  DICTIONARY_FIELDS,
  type DictionaryField,
  type DictionaryRow,
  activityText,
  buildDictionary,
} from './validate/build-dictionary';
export { DICTIONARY_CONTENT_TYPES, DICTIONARY_FILE_FORMATS, type DictionaryFileFormat } from './file/dictionary-formats';
export type { DictionaryFile, ReadDictionaryOptions } from './file/read-dictionary-file';
export { readDictionaryFile, writeDictionaryFile } from './file/load-dictionary-files';
export { starterDictionary } from './starter/starter-dictionary';
