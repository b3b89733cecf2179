// Helpers for tests that feed the importers files (jest only; never in a build).
export { csvWithNul, csvWithOneWideRow, xlsxRepeatingSheet, xlsxWithValueInColumnXfd } from './hostile-files';
export { codes, issueWith, upload } from './upload';
