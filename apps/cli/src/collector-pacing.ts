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
  const collect = fullCollection();
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
 * young generation fills and empties by tens of MB between two looks. A collection that finds
 * little garbage means the growth was live data (a file being read into memory): the next one
 * then waits for twice the growth, and a fruitful one brings the step back.
 */
export async function withCollectorPaced<T>(work: () => Promise<T>, { stepMb = 16, intervalMs = 50 } = {}): Promise<T> {
  const collect = fullCollection();
  const step = stepMb * MB;
  let threshold = step;
  let mark = oldGenerationUsed();
  const timer = setInterval(() => {
    const used = oldGenerationUsed();
    if (used - mark < threshold) return;
    collect();
    mark = oldGenerationUsed();
    threshold = nextPacingThreshold(threshold, step, used - mark);
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** The growth to wait for after a collection that freed `freed`, given the growth it waited for. */
export function nextPacingThreshold(threshold: number, step: number, freed: number): number {
  return freed < step / 2 ? Math.min(threshold * 2, MAX_STEPS * step) : step;
}

const MAX_STEPS = 8;

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!YOUNG_SPACES.has(space.space_name)) used += space.space_used_size;
  return used;
}

/** V8's full collection, callable without starting Node with --expose-gc. */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
