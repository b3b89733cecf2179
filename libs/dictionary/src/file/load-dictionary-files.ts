import type { ImportInput } from '@rolemap/importers';
import type { DictionaryEntry } from '../dictionary-entry';
import type { DictionaryFileFormat } from './dictionary-formats';
import type { DictionaryFile, ReadDictionaryOptions } from './read-dictionary-file';

// The readers and writers load the spreadsheet and report libraries: loaded on first use, so the
// server core (and every CLI command that boots it, such as `rolemap analyze`) starts without them.

/** Reads a dictionary file (CSV or XLSX) into checked rows; see read-dictionary-file.ts. */
export async function readDictionaryFile(input: ImportInput, options: ReadDictionaryOptions = {}): Promise<DictionaryFile> {
  return (await import('./read-dictionary-file')).readDictionaryFile(input, options);
}

/** Writes a dictionary as CSV or XLSX; see write-dictionary-file.ts. */
export async function writeDictionaryFile(entries: readonly DictionaryEntry[], format: DictionaryFileFormat): Promise<Buffer> {
  return (await import('./write-dictionary-file')).writeDictionaryFile(entries, format);
}
