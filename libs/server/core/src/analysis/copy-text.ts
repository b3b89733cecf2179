import { isAscii } from 'node:buffer';

/**
 * How a column's text becomes its value: as read (null); the previous row's string when the text
 * is the same (SAME_AS_ROW_BEFORE); or that, else one string per distinct value from the pool
 * given. Titles, departments, levels and the like repeat across the chart: pooled, lookups keyed
 * by them (titles, in the rules) compare the same string, and the heap holds a few thousand
 * strings instead of a million.
 */
export type ColumnSharing = null | typeof SAME_AS_ROW_BEFORE | Map<string, string>;
export const SAME_AS_ROW_BEFORE = true;

/** A pool stops growing here (free-text columns, such as descriptions, may barely repeat): later new values are kept as read. */
const POOL_LIMIT = 20_000;

function pooled(pool: Map<string, string>, value: string): string {
  const known = pool.get(value);
  if (known !== undefined) return known;
  if (pool.size < POOL_LIMIT) pool.set(value, value);
  return value;
}

/** Twice V8's largest young-generation object (128 KiB): a block stays above it after leaving a part row for the next. */
const TEXT_BLOCK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/**
 * Hands the text of a `COPY … TO STDOUT` stream to `onBlock` in blocks of whole lines. The fields
 * are slices of the decoded text, so the text lives as long as the snapshot. Read in blocks of at
 * least TEXT_BLOCK_BYTES, each is decoded into a string of V8's large-object space, which the
 * young-generation collector promotes without copying; the network's 64 KB chunks made strings it
 * copied twice, over 100 MB of them at 100k people. A block ends at its last newline (a byte no
 * UTF-8 sequence contains), so each decodes whole lines on its own; no text is carried from block
 * to block.
 */
export async function copyTextBlocks(stream: AsyncIterable<unknown>, onBlock: (block: Buffer) => void): Promise<void> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    pending.push(chunk as Buffer);
    pendingBytes += (chunk as Buffer).length;
    if (pendingBytes < TEXT_BLOCK_BYTES) continue;
    const block = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    const cut = block.lastIndexOf(NEWLINE) + 1;
    pending.length = 0;
    pendingBytes = 0;
    if (cut === 0) {
      // A single row longer than a block: wait for its end.
      pending.push(block);
      pendingBytes = block.length;
      continue;
    }
    onBlock(block.subarray(0, cut));
    if (cut < block.length) {
      pending.push(block.subarray(cut));
      pendingBytes = block.length - cut;
    }
  }
  const last = Buffer.concat(pending, pendingBytes);
  if (last.length > 0 && last[last.length - 1] !== NEWLINE) throw new Error('COPY output ended inside a row');
  if (last.length > 0) onBlock(last);
}

/**
 * A reader of one `COPY … TO STDOUT` result in text format, fed whole lines a block at a time:
 * hands each row's fields to `onRow` (null for SQL NULL; dates come as YYYY-MM-DD, booleans as
 * t/f), each column as `sharing` says. The fields array is reused from row to row.
 */
export function copyTextReader(
  onRow: (fields: (string | null)[]) => void,
  sharing: readonly ColumnSharing[] = [],
): (block: Buffer) => void {
  const fields: (string | null)[] = [];
  const notAscii = /[\u0080-\u00ff]/g;
  return (bytes) => {
    // Copied as Latin-1, byte for byte: a line of ASCII only (most are) reads the same. The few
    // with other characters are decoded again on their own as UTF-8 (a line ends at a newline, a
    // byte no UTF-8 sequence contains). Decoding the block as UTF-8 took three times as long, and
    // one curly apostrophe made the whole block a two-byte string.
    const text = bytes.toString('latin1');
    const beyondAscii = isAscii(bytes) ? null : notAscii;
    let nextBeyondAscii = beyondAscii ? nextMatch(beyondAscii, text, 0) : -1;
    const escapes = { next: text.indexOf('\\') };
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      if (nextBeyondAscii !== -1 && nextBeyondAscii < end) {
        const line = bytes.toString('utf8', start, end);
        readLine(line, 0, line.length, fields, sharing, { next: line.indexOf('\\') });
        nextBeyondAscii = nextMatch(beyondAscii as RegExp, text, end + 1);
      } else readLine(text, start, end, fields, sharing, escapes);
      onRow(fields);
      start = end + 1;
    }
  };
}

/** Where `pattern` (global) next matches in `text` from `from`, or -1. */
function nextMatch(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : -1;
}

/**
 * Splits one line of COPY text format into `fields`, undoing its backslash escapes, each column
 * as `sharing` says. `fields` holds the previous line's values on entry: a shared column whose
 * text equals the previous value keeps that string (compared in place, nothing allocated).
 * `escapes.next` is where the next backslash in `text` is (-1: none), at or before the line: it
 * only moves forward, so the text is searched for them once, and a field with none (most) is
 * its text as it stands.
 */
function readLine(
  text: string,
  start: number,
  end: number,
  fields: (string | null)[],
  sharing: readonly ColumnSharing[],
  escapes: { next: number },
): void {
  let column = 0;
  let from = start;
  while (true) {
    const tab = text.indexOf('\t', from);
    const to = tab === -1 || tab > end ? end : tab;
    if (escapes.next !== -1 && escapes.next < from) escapes.next = text.indexOf('\\', from);
    // Without a backslash the field is its text (a NULL, \N, has one).
    const plain = escapes.next === -1 || escapes.next >= to;
    const shared = column < sharing.length ? sharing[column] : null;
    const previous = shared && column < fields.length ? fields[column] : null;
    const repeated = plain && previous !== null && previous.length === to - from && text.startsWith(previous, from);
    if (!repeated) {
      const field = text.slice(from, to);
      const value = plain ? field : field === '\\N' ? null : unescapeCopyText(field);
      fields[column] = value === null || shared === null || shared === SAME_AS_ROW_BEFORE ? value : pooled(shared, value);
    }
    column++;
    if (to === end) break;
    from = to + 1;
  }
  fields.length = column;
}

const COPY_ESCAPE = /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g;
const COPY_CHARACTERS: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function unescapeCopyText(field: string): string {
  return field.replace(COPY_ESCAPE, (_match, octal?: string, hex?: string, char?: string) => {
    if (octal !== undefined) return String.fromCharCode(parseInt(octal, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return COPY_CHARACTERS[char as string] ?? (char as string);
  });
}
