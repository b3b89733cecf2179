/** A download that did not arrive whole, or that the server refused; `message` is for the user. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** What the fetch API gives; a narrow shape so tests can hand in their own. */
export type DownloadResponse = {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } } | null;
  text(): Promise<string>;
};

export type VerifiedDownload = { blob: Blob; fileName: string | null; bytes: number };

/** The server put the report on the queue (202): follow the job, then download its file. */
export class ReportQueued extends Error {
  constructor(readonly jobId: string) {
    super(`The report is being made in the background (job ${jobId})`);
    this.name = 'ReportQueued';
  }
}

type Options = {
  fetchImpl?: (url: string) => Promise<DownloadResponse>;
  /** SHA-256 as base64; null when the browser has no Web Crypto here (not a secure context). */
  sha256?: (bytes: Uint8Array) => Promise<string | null>;
  /** What is downloaded, for the messages: "report" unless said (e.g. "template"). */
  what?: string;
};

/**
 * Fetches a report and hands it over only when it is whole: as long as Content-Length says and,
 * where the browser can compute it, with the SHA-256 Content-Digest names. A connection cut by a
 * restart therefore fails with a clear message instead of saving a short file that looks fine.
 */
export async function fetchVerifiedDownload(url: string, options: Options = {}): Promise<VerifiedDownload> {
  const fetchImpl = options.fetchImpl ?? ((target: string) => fetch(target) as Promise<DownloadResponse>);
  const sha256 = options.sha256 ?? webCryptoSha256;
  const what = options.what ?? 'report';
  let response: DownloadResponse;
  try {
    response = await fetchImpl(url);
  } catch {
    throw new DownloadError('The server could not be reached. Check that rolemap is running and try again.');
  }
  if (!response.ok) throw new DownloadError(await refusal(response, what));
  if (response.status === 202) throw new ReportQueued(await queuedJobId(response));
  const expected = Number(response.headers.get('content-length'));
  if (!Number.isInteger(expected) || expected < 0 || response.headers.get('content-length') === null) {
    throw new DownloadError(`The server did not say how large the ${what} is, so it cannot be checked. Try again.`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) {
        chunks.push(value);
        received += value.length;
      }
    }
  } catch {
    throw new DownloadError(cutMessage(received, expected));
  }
  if (received !== expected) throw new DownloadError(cutMessage(received, expected));
  const bytes = concat(chunks, received);
  const announced = /sha-256=:([A-Za-z0-9+/=]+):/.exec(response.headers.get('content-digest') ?? '')?.[1];
  if (announced) {
    const actual = await sha256(bytes);
    if (actual !== null && actual !== announced) {
      throw new DownloadError(`The ${what} arrived damaged (its checksum does not match). Download it again.`);
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob([bytes], { type }),
    fileName: fileNameOf(response.headers.get('content-disposition')),
    bytes: received,
  };
}

/** `attachment; filename="northwind-v3-role.pdf"` → northwind-v3-role.pdf */
export function fileNameOf(contentDisposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1] ?? null;
}

function cutMessage(received: number, expected: number): string {
  return `The download was cut off after ${formatBytes(received)} of ${formatBytes(expected)} (the server may have restarted). Nothing was saved; try again.`;
}

async function queuedJobId(response: DownloadResponse): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const id = (JSON.parse(text) as { job?: { id?: unknown } }).job?.id;
    if (typeof id === 'string' && id) return id;
  } catch {
    // not JSON: fall through
  }
  throw new DownloadError('The server queued the report but did not say as which job. Try again.');
}

async function refusal(response: DownloadResponse, what: string): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string' && message) return `The ${what} could not be made: ${message}`;
  } catch {
    // not JSON: fall through
  }
  return `The ${what} could not be made (the server answered ${response.status}).`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function webCryptoSha256(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
