import type { Readable } from 'node:stream';

/** The parts of a pdfkit reference (an indirect object) that the byte handling below touches. */
interface StreamedReference {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/** The parts of a pdfkit document that the byte handling below touches. */
interface ByteWritingDocument {
  page: { content: StreamedReference } | null;
  _offset: number;
  _write(data: string | Uint8Array): void;
  on(event: 'pageAdded', listener: () => void): unknown;
  push(chunk: Uint8Array | null): boolean;
}

/** Output chunks smaller than this are gathered into one before they reach the stream. */
const OUTPUT_CHUNK_BYTES = 64 * 1024;

/**
 * pdfkit 0.20 turns every line it writes (each operator of a page's content, each line of an
 * object's dictionary) into a Uint8Array of its own, byte by byte in JavaScript, and pushes each
 * line of the file as a chunk of its own to the output stream, which makes a Buffer of it again:
 * about 2 million small arrays for a 10,000-role report, a sixth of the final pass with the
 * collector's share. Here the same bytes are made natively (latin1 keeps each character's low
 * byte, as pdfkit's conversion does):
 *
 * - a page's content operators are kept as strings and encoded once, when the page is written;
 * - the document's own lines go out in chunks of about 64 KB (the byte offsets the cross-reference
 *   table needs are still counted as each line is written).
 *
 * The file is the same byte for byte.
 */
export function writeBytesNatively(doc: object): void {
  const document = doc as ByteWritingDocument;
  gatherOutput(document);
  document.on('pageAdded', () => {
    if (document.page) keepContentAsText(document.page.content);
  });
}

function gatherOutput(document: ByteWritingDocument): void {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const push = document.push.bind(document) as (chunk: Uint8Array | null) => boolean;
  const flush = () => {
    if (pending.length === 0) return;
    push(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  document._write = (data) => {
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    document._offset += bytes.length;
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= OUTPUT_CHUNK_BYTES) flush();
  };
  // The end of the file (pdfkit pushes null after the cross-reference table and trailer).
  document.push = (chunk) => {
    flush();
    return push(chunk);
  };
  // Drawing waits for the output between units (see keepUpWith): what is gathered goes out then too.
  (document as unknown as { flushGathered: () => void }).flushGathered = flush;
}

/** A page's content operators as strings, encoded in one go when the page is written. */
function keepContentAsText(content: StreamedReference): void {
  let lines: string[] = [];
  const write = content.write.bind(content);
  const encodeLines = () => {
    if (lines.length === 0) return;
    content.buffer.push(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    lines = [];
  };
  content.write = (chunk) => {
    if (typeof chunk !== 'string') {
      encodeLines();
      write(chunk);
      return;
    }
    // What pdfkit's own write records, for a string of latin1 characters plus its newline.
    lines.push(chunk);
    const bytes = chunk.length + 1;
    content.uncompressedLength += bytes;
    content.data.Length = (content.data.Length ?? 0) + bytes;
    if (content.compress) content.data.Filter = 'FlateDecode';
  };
  const end = content.end.bind(content);
  content.end = (chunk) => {
    if (chunk !== undefined) content.write(chunk);
    encodeLines();
    end();
  };
}

/** Sends on what writeBytesNatively has gathered so far. */
export function flushGatheredOutput(doc: Readable): void {
  (doc as unknown as { flushGathered?: () => void }).flushGathered?.();
}
