import { randomFillSync } from 'node:crypto';

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp followed by a counter and random bits.
 * Ids made in one import are ascending, so B-tree primary keys grow at the right edge instead
 * of splitting pages all over the index (bulk imports write several hundred thousand rows).
 */
export function createTimeOrderedIdFactory(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  const random = Buffer.alloc(8);
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
      if (counter > 0xfff) {
        // 4,096 ids in one millisecond: borrow the next millisecond to stay ascending.
        ms = ++lastMs;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMs = ms;
    randomFillSync(random);
    const time = ms.toString(16).padStart(12, '0');
    const version = (0x7000 | counter).toString(16);
    const variant = ((random[0] & 0x3f) | 0x80).toString(16).padStart(2, '0') + random[1].toString(16).padStart(2, '0');
    const tail = random.subarray(2, 8).toString('hex');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-${version}-${variant}-${tail}`;
  };
}
