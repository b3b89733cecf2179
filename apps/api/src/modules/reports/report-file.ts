import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Report, type ReportFormat, writeReport } from '@rolemap/reports';
import type { Response } from 'express';

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
export function writeReportFile(report: Report, format: ReportFormat, signal?: AbortSignal): Promise<ReportFile> {
  return writeDownloadFile(format, (out) => writeReport(report, format, out), signal);
}

/** The same for any writer (the printed org chart): `write` ends `out` when done. */
export async function writeDownloadFile(
  extension: string,
  write: (out: Writable) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<ReportFile> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rolemap-report-'));
  const file = path.join(dir, `report.${extension}`);
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const abort = () => out.destroy(new Error('The download was cancelled before the report was written.'));
    signal?.addEventListener('abort', abort, { once: true });
    try {
      signal?.throwIfAborted();
      await write(out);
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

/** Sends a written file with its length and digest, then removes it; a client that leaves mid-way sees a short body. */
export async function sendReportFile(res: Response, file: ReportFile, contentType: string, fileName: string): Promise<void> {
  try {
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('content-length', String(file.size));
    res.setHeader('content-digest', `sha-256=:${file.sha256}:`);
    res.setHeader('cache-control', 'no-store');
    await pipeline(fs.createReadStream(file.path), res);
  } catch {
    res.destroy();
  } finally {
    await file.remove();
  }
}
