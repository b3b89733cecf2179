import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
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

/**
 * `collectorPacing` for work inside a library with no hook between its units (an import: the
 * parse, the chart, the COPY), looked at on a timer while `work` runs. It compares the old
 * generation, where that work's garbage stays until a full collection, not the whole heap: the
 * young generation fills and empties by tens of MB between two looks.
 */
export async function withCollectorPaced<T>(work: () => Promise<T>, { stepMb = 32, intervalMs = 50 } = {}): Promise<T> {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  let mark = oldGenerationUsed();
  const timer = setInterval(() => {
    if (oldGenerationUsed() - mark < stepMb * MB) return;
    collect();
    mark = oldGenerationUsed();
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!YOUNG_SPACES.has(space.space_name)) used += space.space_used_size;
  return used;
}
