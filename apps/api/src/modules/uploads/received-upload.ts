/**
 * A file part of a GraphQL multipart request, read to its end before the operation runs. Over
 * the size limit its bytes are dropped as they arrive (but still counted), so the resolver can
 * say exactly how large it was and nothing of a cut-off file is ever parsed.
 */
export class ReceivedUpload {
  constructor(
    /** The client's file name, reduced to a safe base name. */
    readonly fileName: string,
    /** Every byte the client sent for this part, also when over the limit. */
    readonly byteSize: number,
    /** The content; null when the file was over `limitBytes`. */
    readonly data: Buffer | null,
    readonly limitBytes: number,
  ) {}

  get tooLarge(): boolean {
    return this.data === null;
  }
}

/** "60.0 MB" (MB = 1,048,576 bytes, as the limit is configured). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}

/** "50 MB", or "0.5 MB" for a limit that is not a whole number of megabytes. */
export function formatLimit(bytes: number): string {
  const megabytes = bytes / MEGABYTE;
  return `${Number.isInteger(megabytes) ? megabytes : Number(megabytes.toFixed(3))} MB`;
}

export const MEGABYTE = 1024 * 1024;

/**
 * The name as the user knows it, without any folder part a client may send, control
 * characters (a NUL would not even fit in a text column) or endless length.
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 255) || 'upload';
}
