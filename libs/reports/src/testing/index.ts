// Helpers for tests that check written reports (jest only; never in a build).
export { type PdfText, readPdf } from './read-pdf';
