import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 2 ** 20;

/**
 * For a long batch write whose live data stays small (a large PDF). With no heap limit, V8 lets
 * the heap grow to about three times what is live before it collects fully, so the process's peak
 * memory follows the collector's pacing rather than the work. The returned function, called
 * between units of work, collects fully once the heap has grown by `stepMb` since the last time.
 * A heap limit would do the same but fail a report whose live data is larger.
 */
export function collectorPacing({ stepMb = 96, every = 20 } = {}): () => void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  let mark = process.memoryUsage().heapUsed;
  let calls = 0;
  return () => {
    // Reading the heap's size is not free: every `every` units is often enough.
    if (++calls % every !== 0 || process.memoryUsage().heapUsed - mark < stepMb * MB) return;
    collect();
    mark = process.memoryUsage().heapUsed;
  };
}
