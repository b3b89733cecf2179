import { isUtf8 } from 'node:buffer';
import type { TextEncodingName } from '../types';
import type { ByteSource } from './byte-source';

/** iconv-lite names for each encoding we report. */
export const ICONV_NAMES: Record<TextEncodingName, string> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'win1252',
};

/**
 * BOM first; then UTF-16 without BOM (every other byte NUL); then UTF-8 if the whole file
 * is valid UTF-8; otherwise Windows-1252, which is what Excel on Windows writes for
 * "CSV" and decodes every byte.
 */
export async function detectEncoding(source: ByteSource): Promise<TextEncodingName> {
  const head = source.head;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  return (await isWholeSourceUtf8(source)) ? 'utf-8' : 'windows-1252';
}

function utf16WithoutBom(head: Buffer): TextEncodingName | null {
  const sample = head.subarray(0, 4096 - (Math.min(head.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.4 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.4 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

/** Checks chunk by chunk, carrying an incomplete trailing character over to the next chunk. */
async function isWholeSourceUtf8(source: ByteSource): Promise<boolean> {
  if (source.head.length === source.totalBytes) return isUtf8(source.head);
  let carry: Buffer = Buffer.alloc(0);
  const stream = source.stream();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeCharacterEnd(bytes);
      if (!isUtf8(bytes.subarray(0, cut))) return false;
      carry = Buffer.from(bytes.subarray(cut));
    }
  } finally {
    stream.destroy();
  }
  return carry.length === 0 || isUtf8(carry);
}

/** Index after the last complete UTF-8 sequence (at most 3 bytes are held back). */
function completeCharacterEnd(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}
