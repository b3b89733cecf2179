import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** Text is handed to the stream in pieces about this big: fewer writes, still little memory. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes text to a Node stream with backpressure: when the stream's buffer is full (a slow
 * disk, a slow HTTP client) it waits for 'drain' instead of queueing the whole report in memory.
 */
export class TextOutput {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingChars === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.out.write(chunk, 'utf8')) await waitForDrain(this.out);
  }

  /** Flushes, ends the stream and resolves once everything has reached it. */
  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }
}

/** Resolves on 'drain'; rejects if the stream fails or closes first, so a dropped client cannot hang the writer. */
export function waitForDrain(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The output stream closed before the report was written.'));
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('The output stream closed before the report was written.'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
