import { deflate } from 'node:zlib';

/** The parts of a pdfkit reference (an indirect object) that the byte handling below touches. */
interface StreamedReference {
  id: number;
  offset?: number;
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
  finalize(): void;
}

/** The parts of a pdfkit document that the byte handling below touches. */
interface ByteWritingDocument {
  page: { content: StreamedReference } | null;
  _offset: number;
  _offsets: Array<number | null>;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: StreamedReference): void;
  on(event: 'pageAdded', listener: () => void): unknown;
  push(chunk: Uint8Array | null): boolean;
}

/** Output chunks smaller than this are gathered into one before they reach the stream. */
const OUTPUT_CHUNK_BYTES = 64 * 1024;
/** Page contents compressed off the drawing thread at once (see settle). */
const MAX_COMPRESSING = 12;

/** A page content object still being compressed: its place in the output, and the objects written after it. */
interface Compressing {
  bytes: Uint8Array | null;
  error?: Error;
  done: Promise<void>;
  /** Indexes (in the cross-reference table) of the objects written after it so far. */
  later: number[];
}

/**
 * How the bytes of a pdfkit 0.20 document are made and sent, with the same file as a result.
 *
 * pdfkit turns every line it writes (each operator of a page's content, each line of an
 * object's dictionary) into a Uint8Array of its own, byte by byte in JavaScript, and pushes each
 * line of the file as a chunk of its own to the output stream, which makes a Buffer of it again:
 * about 2 million small arrays for a 10,000-role report, a sixth of the final pass with the
 * collector's share. Here the same bytes are made natively (latin1 keeps each character's low
 * byte, as pdfkit's conversion does): a page's content operators are kept as strings and encoded
 * once, when the page is written, and the file goes out in chunks of about 64 KB.
 *
 * With `compressOffThread`, a page's content is compressed on libuv's thread pool (the same
 * zlib deflate, with the same settings, as pdfkit's deflateSync) while the next pages are drawn,
 * instead of on the drawing thread: a tenth of the final pass on a second core. The object's
 * bytes keep their place in the file, what pdfkit writes after it waits behind it, and the
 * cross-reference offsets of those objects are moved on by its size once it is known. Drawing
 * must call `settle` between units (it lets the compressed pages out) and `finish` before
 * `doc.end()`.
 */
export class PdfByteWriter {
  private queue: Array<Uint8Array | Compressing> = [];
  private queuedBytes = 0;
  private readonly compressing: Compressing[] = [];
  private offThread: boolean;
  private readonly push: (chunk: Uint8Array | null) => boolean;

  constructor(
    private readonly doc: ByteWritingDocument,
    options: { compressOffThread: boolean },
  ) {
    this.offThread = options.compressOffThread;
    this.push = doc.push.bind(doc) as (chunk: Uint8Array | null) => boolean;
    doc._write = (data) => {
      const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
      doc._offset += bytes.length;
      this.enqueue(bytes);
    };
    // pdfkit pushes null after the cross-reference table and trailer: the end of the file.
    doc.push = (chunk) => {
      this.flush();
      return this.push(chunk);
    };
    const refEnd = doc._refEnd.bind(doc);
    doc._refEnd = (ref) => {
      refEnd(ref);
      for (const pending of this.compressing) pending.later.push(ref.id - 1);
    };
    doc.on('pageAdded', () => {
      if (doc.page) this.keepContentAsText(doc.page.content);
    });
  }

  /** Between units: sends what is ready, and waits while too many pages are still being compressed. */
  async settle(): Promise<void> {
    // Compressed pages are handed back when the event loop turns, which awaiting the output
    // rarely lets it do: past half the limit it is given a turn, so that pages seldom have to
    // be compressed on the drawing thread for want of room.
    if (this.compressing.length >= MAX_COMPRESSING / 2) await new Promise((resolve) => setImmediate(resolve));
    while (this.compressing.length >= MAX_COMPRESSING) await this.waitForOldest();
    this.flush();
  }

  /** Before `doc.end()`: waits for every page being compressed; what is left is compressed as pdfkit does. */
  async finish(): Promise<void> {
    this.offThread = false;
    while (this.compressing.length > 0) await this.waitForOldest();
    this.flush();
  }

  private async waitForOldest(): Promise<void> {
    const oldest = this.compressing[0];
    await oldest.done;
    if (oldest.error) throw oldest.error;
  }

  private enqueue(item: Uint8Array | Compressing): void {
    this.queue.push(item);
    if (item instanceof Uint8Array) this.queuedBytes += item.length;
    if (this.queuedBytes >= OUTPUT_CHUNK_BYTES) this.flush();
  }

  /** Sends the queued bytes up to the first page still being compressed. */
  private flush(): void {
    const ready: Uint8Array[] = [];
    let bytes = 0;
    let next = 0;
    for (; next < this.queue.length; next++) {
      const item = this.queue[next];
      const chunk = item instanceof Uint8Array ? item : item.bytes;
      if (!chunk) break;
      ready.push(chunk);
      bytes += chunk.length;
    }
    if (next === 0) return;
    this.queue = next === this.queue.length ? [] : this.queue.slice(next);
    this.queuedBytes = 0;
    for (const item of this.queue) if (item instanceof Uint8Array) this.queuedBytes += item.length;
    this.push(ready.length === 1 ? ready[0] : Buffer.concat(ready, bytes));
  }

  /** A page's content operators as strings, encoded in one go when the page is written. */
  private keepContentAsText(content: StreamedReference): void {
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
      // Past MAX_COMPRESSING pages in flight (the contents pages come many at once, before any
      // role ends) a page is compressed here instead: each deflate holds ~270 KB until it is done.
      if (this.offThread && content.compress && content.buffer.length > 0 && this.compressing.length < MAX_COMPRESSING)
        this.compressOffThread(content);
      else end();
    };
  }

  /**
   * What pdfkit's finalize does for a compressed stream, with the compression on the thread pool:
   * the object's offset is taken now, its bytes (dictionary with the compressed length, stream)
   * are made by pdfkit's own finalize once the compressed data is there.
   */
  private compressOffThread(content: StreamedReference): void {
    const { doc } = this;
    const raw = content.buffer.length === 1 ? content.buffer[0] : Buffer.concat(content.buffer);
    content.offset = doc._offset;
    doc._refEnd(content);
    let resolve: () => void = () => undefined;
    const pending: Compressing = { bytes: null, done: new Promise<void>((r) => (resolve = r)), later: [] };
    this.compressing.push(pending);
    this.enqueue(pending);
    deflate(raw, (error, compressed) => {
      if (error) {
        pending.error = error;
        resolve();
        return;
      }
      pending.bytes = this.objectBytes(content, compressed);
      // Everything written since was counted from where this object started.
      const size = pending.bytes.length;
      for (const index of pending.later) (doc._offsets[index] as number) += size;
      doc._offset += size;
      this.compressing.splice(this.compressing.indexOf(pending), 1);
      resolve();
    });
  }

  /** The object's bytes as pdfkit's finalize writes them, given its compressed stream. */
  private objectBytes(content: StreamedReference, compressed: Uint8Array): Uint8Array {
    const { doc } = this;
    const chunks: Uint8Array[] = [];
    const write = doc._write;
    const refEnd = doc._refEnd;
    const offset = doc._offset;
    doc._write = (data) => chunks.push(typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data);
    doc._refEnd = () => undefined;
    try {
      content.buffer = [compressed];
      content.compress = false; // compressed already: finalize writes it as it is, Filter already set
      content.finalize();
    } finally {
      doc._write = write;
      doc._refEnd = refEnd;
      doc._offset = offset;
    }
    return Buffer.concat(chunks);
  }
}
