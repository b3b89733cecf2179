/**
 * Formula injection: a spreadsheet treats a cell starting with = + - @ (or a tab / carriage
 * return that it strips first) as a formula, so text from an HR file such as
 * `=HYPERLINK("http://evil","click")` would run when the export is opened. Such text gets a
 * leading apostrophe, which spreadsheets show as plain text (OWASP's advice).
 *
 * Genuine numbers stay numbers: a number value is returned untouched, and text that is just a
 * number literal ("-12", "+3.5") is left alone too, since it cannot call anything.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NUMBER_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function spreadsheetSafe<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value;
  if (!FORMULA_TRIGGERS.has(value[0])) return value;
  if (NUMBER_LITERAL.test(value)) return value;
  return `'${value}`;
}
