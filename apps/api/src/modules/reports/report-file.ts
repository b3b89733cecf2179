import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Report, type ReportFormat, writeReport } from '@rolemap/reports';

/** A report written out in full, so its length and checksum are known before the first byte is sent. */
export interface ReportFile {
  path: string;
  size: number;
  /** SHA-256 of the bytes, base64, as the Content-Digest header carries it. */
  sha256: string;
  remove(): Promise<void>;
}

/**
 * Writes the report to a private temporary file. A download then goes out with Content-Length
 * and Content-Digest, so a client whose connection is cut (a restart, a proxy) can tell it did
 * not get the whole file, which a streamed response of unknown length cannot promise.
 * `signal` aborts the writing (the client went away) and removes the file.
 */
export async function writeReportFile(report: Report, format: ReportFormat, signal?: AbortSignal): Promise<ReportFile> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rolemap-report-'));
  const file = path.join(dir, `report.${format}`);
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const abort = () => out.destroy(new Error('The download was cancelled before the report was written.'));
    signal?.addEventListener('abort', abort, { once: true });
    try {
      signal?.throwIfAborted();
      await writeReport(report, format, out);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    const hash = createHash('sha256');
    await pipeline(fs.createReadStream(file), hash);
    const { size } = await fs.promises.stat(file);
    return { path: file, size, sha256: hash.digest('base64'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
