import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import type { ImportInput } from '../types';

/** Bytes read per step; also the sniffing window for encoding and delimiter. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * Uniform access to an upload held in memory or on disk, so large files on disk are
 * streamed instead of being loaded whole.
 */
export interface ByteSource {
  fileName: string;
  totalBytes: number;
  /** The first `CHUNK_BYTES` bytes (fewer for small files). */
  head: Buffer;
  /** Fresh stream of the whole content, chunk by chunk. */
  stream(): Readable;
  /** The whole content; only for formats that cannot be streamed (XLSX, JSON). */
  readAll(): Promise<Buffer>;
}

export class FileAccessError extends Error {
  constructor(
    readonly code: 'FILE_NOT_FOUND' | 'FILE_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'FileAccessError';
  }
}

export async function openByteSource(input: ImportInput): Promise<ByteSource> {
  if ('data' in input) return bufferSource(input.fileName, input.data);
  const filePath = input.path;
  let size: number;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) throw new FileAccessError('FILE_UNREADABLE', `${filePath} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileAccessError('FILE_NOT_FOUND', `File not found: ${filePath}.`);
    throw new FileAccessError('FILE_UNREADABLE', `Cannot read ${filePath}: ${(error as Error).message}.`);
  }
  const head = await readHead(filePath, Math.min(size, CHUNK_BYTES));
  return {
    fileName: input.fileName,
    totalBytes: size,
    head,
    stream: () => createReadStream(filePath, { highWaterMark: CHUNK_BYTES }),
    readAll: () => fs.readFile(filePath),
  };
}

function bufferSource(fileName: string, data: Buffer): ByteSource {
  return {
    fileName,
    totalBytes: data.length,
    head: data.subarray(0, CHUNK_BYTES),
    // Slices share memory with `data`, so streaming a buffer copies nothing.
    stream: () => Readable.from(chunksOf(data), { objectMode: false }),
    readAll: async () => data,
  };
}

function* chunksOf(data: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
    yield data.subarray(offset, offset + CHUNK_BYTES);
  }
}

async function readHead(filePath: string, length: number): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
