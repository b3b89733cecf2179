import { Transform, type TransformCallback } from 'node:stream';
import { type ReadLimits, count } from './read-limits';
import { ReadError } from './read-error';

/**
 * Looks at the decoded text ahead of the CSV parser and stops a row that is too wide or too long
 * while it is still being read. The parser only hands over complete rows and re-parses an
 * unfinished one with every new chunk, so a single row of a million cells (or megabytes without a
 * line break) would otherwise take minutes before any check could see it. Quote-aware like the
 * parser (a doubled quote toggles twice); a stray quote inside a cell can only make it count fewer
 * delimiters, never more, and the parser's own per-row check stays exact.
 */
export class DelimitedRowGuard extends Transform {
  private readonly delimiterCode: number;
  private inQuotes = false;
  private rowNumber = 1;
  /** Characters before the current chunk, and the offset among them where the current row began. */
  private consumed = 0;
  private rowStart = 0;
  /**
   * Delimiters are only counted once a row is longer than the column limit (a shorter one
   * cannot pass it); until then the row's text from earlier chunks is kept to count from.
   */
  private counting = false;
  private delimiters = 0;
  private rowTail = '';
  private lastWasCarriageReturn = false;

  constructor(
    private readonly fileName: string,
    delimiter: string,
    private readonly limits: Pick<ReadLimits, 'maxColumns' | 'maxRowCharacters'>,
  ) {
    super({ decodeStrings: false, encoding: 'utf8' });
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const problem = this.scan(text);
    if (problem) callback(problem);
    else callback(null, text);
  }

  private scan(chunk: string): ReadError | null {
    const { maxColumns, maxRowCharacters } = this.limits;
    // Offsets below are into `text`: the current row's earlier text (while not counting), then the chunk.
    const text = this.rowTail + chunk;
    const base = this.consumed - this.rowTail.length;
    let rowStart = this.rowStart - base;
    let index = this.rowTail.length;
    this.rowTail = '';
    if (this.lastWasCarriageReturn && chunk.charCodeAt(0) === LINE_FEED) index++; // CRLF split across chunks
    // Where the next quote and line breaks are, each searched again only once passed: a typical
    // row costs a couple of native searches and no look at its characters.
    let nextQuote = -1;
    let nextLineFeed = -1;
    let nextCarriageReturn = -1;
    let problem: ReadError | null = null;
    while (index < text.length && !problem) {
      if (nextQuote < index) nextQuote = indexOrNone(text, '"', index);
      if (this.inQuotes) {
        // Inside quotes only the closing quote matters ("" closes and opens again).
        if (nextQuote === NONE) break;
        this.inQuotes = false;
        index = nextQuote + 1;
        continue;
      }
      if (nextLineFeed < index) nextLineFeed = indexOrNone(text, '\n', index);
      if (nextCarriageReturn < index) nextCarriageReturn = indexOrNone(text, '\r', index);
      const special = Math.min(nextQuote, nextLineFeed, nextCarriageReturn);
      const end = Math.min(special, text.length);
      if (!this.counting && end - rowStart >= maxColumns) {
        this.counting = true;
        this.delimiters = this.delimitersBetween(text, rowStart, index);
      }
      if (this.counting) problem = this.countDelimiters(text, index, end);
      if (problem || special === NONE) break;
      if (text.charCodeAt(special) === QUOTE) {
        this.inQuotes = true;
        index = special + 1;
        continue;
      }
      this.rowNumber++;
      this.counting = false;
      this.delimiters = 0;
      index =
        text.charCodeAt(special) === CARRIAGE_RETURN && text.charCodeAt(special + 1) === LINE_FEED ? special + 2 : special + 1;
      rowStart = index;
    }
    this.lastWasCarriageReturn = !this.inQuotes && chunk.charCodeAt(chunk.length - 1) === CARRIAGE_RETURN;
    this.rowStart = base + rowStart;
    this.consumed += chunk.length;
    if (problem) return problem;
    if (!this.counting && text.length - rowStart >= maxColumns) {
      // Long already (a quoted cell running on): count from here on instead of keeping its text.
      this.counting = true;
      this.delimiters = this.delimitersBetween(text, rowStart, text.length);
    }
    if (!this.counting) this.rowTail = text.slice(Math.min(rowStart, text.length));
    // Checked per chunk: a few kilobytes past the limit make no difference, a per-character check would.
    if (this.consumed - this.rowStart > maxRowCharacters) {
      return new ReadError(
        'ROW_TOO_LONG',
        `${this.fileName}, row ${this.rowNumber}, is longer than ${count(maxRowCharacters)} characters${this.inQuotes ? ' (inside a quoted cell: check for a missing closing quote)' : ''}; no org chart row is, so the file is not read.`,
        { row: this.rowNumber },
      );
    }
    return null;
  }

  /** Delimiters outside quotes in text[from, to), which starts outside quotes (at a row's start). */
  private delimitersBetween(text: string, from: number, to: number): number {
    let quoted = false;
    let found = 0;
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) quoted = !quoted;
      else if (!quoted && code === this.delimiterCode) found++;
    }
    return found;
  }

  private countDelimiters(text: string, from: number, to: number): ReadError | null {
    const { maxColumns } = this.limits;
    const delimiter = String.fromCharCode(this.delimiterCode);
    for (let at = text.indexOf(delimiter, from); at !== -1 && at < to; at = text.indexOf(delimiter, at + 1)) {
      if (++this.delimiters >= maxColumns) {
        return new ReadError(
          'TOO_MANY_COLUMNS',
          `${this.fileName}, row ${this.rowNumber}, has more than ${count(maxColumns)} columns; rolemap reads at most ${count(maxColumns)}. ` +
            'Remove the columns it does not need, or check the delimiter.',
          { row: this.rowNumber, column: `Column ${maxColumns + 1}` },
        );
      }
    }
    return null;
  }
}

const NONE = Number.POSITIVE_INFINITY;

/** `indexOf`, with "not found" as +Infinity so it is never searched for again in this chunk. */
function indexOrNone(text: string, char: string, from: number): number {
  const found = text.indexOf(char, from);
  return found === -1 ? NONE : found;
}
const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
