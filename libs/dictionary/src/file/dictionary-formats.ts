// The file formats a dictionary is read from and written to, apart from the writers themselves
// (which load the spreadsheet library), so naming a format costs nothing.
export const DICTIONARY_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type DictionaryFileFormat = (typeof DICTIONARY_FILE_FORMATS)[number];

export const DICTIONARY_CONTENT_TYPES: Record<DictionaryFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
