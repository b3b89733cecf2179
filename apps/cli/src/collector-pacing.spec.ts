import { collectorPacing, nextPacingThreshold, withCollectorPaced } from './collector-pacing';

const MB = 2 ** 20;

describe('collectorPacing', () => {
  it('collects once the heap has grown by the step since the last time, and not before', () => {
    const pace = collectorPacing({ stepMb: 8, every: 1 });
    // Garbage below the step: left to the collector's own pacing.
    let garbage: unknown[] | null = Array.from({ length: 2_000 }, () => new Array(100).fill(Math.random()));
    garbage = null;
    const before = process.memoryUsage().heapUsed;
    pace();
    expect(process.memoryUsage().heapUsed).toBeGreaterThanOrEqual(before - MB);

    // Well over the step, nothing of it reachable: a full collection takes it back.
    garbage = Array.from({ length: 40_000 }, () => new Array(100).fill(Math.random()));
    garbage = null;
    const grown = process.memoryUsage().heapUsed;
    pace();
    expect(grown - process.memoryUsage().heapUsed).toBeGreaterThan(16 * MB);
    expect(garbage).toBeNull();
  });

  it('looks at the heap only every few units', () => {
    const pace = collectorPacing({ stepMb: 1, every: 3 });
    let garbage: unknown[] | null = Array.from({ length: 40_000 }, () => new Array(100).fill(Math.random()));
    garbage = null;
    const grown = process.memoryUsage().heapUsed;
    pace();
    pace();
    expect(grown - process.memoryUsage().heapUsed).toBeLessThan(16 * MB);
    pace();
    expect(grown - process.memoryUsage().heapUsed).toBeGreaterThan(16 * MB);
    expect(garbage).toBeNull();
  });
});

describe('withCollectorPaced', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

  it('collects fully while the work runs once the old generation has grown by the step', async () => {
    const freed = await withCollectorPaced(
      async () => {
        // Arrays of 1 MB go straight to the old generation (its large-object space).
        let garbage: number[][] | null = Array.from({ length: 20 }, () => new Array(131_072).fill(1.5));
        const grown = process.memoryUsage().heapUsed;
        garbage = null;
        for (let turn = 0; turn < 10; turn++) await tick();
        return grown - process.memoryUsage().heapUsed + (garbage === null ? 0 : 1);
      },
      { stepMb: 8, intervalMs: 10 },
    );
    expect(freed).toBeGreaterThan(16 * MB);
  });

  it('gives the work its result and stops looking when it ends', async () => {
    const started = jest.spyOn(global, 'setInterval');
    const stopped = jest.spyOn(global, 'clearInterval');
    await expect(withCollectorPaced(async () => 'done', { intervalMs: 10 })).resolves.toBe('done');
    await expect(withCollectorPaced(() => Promise.reject(new Error('failed')), { intervalMs: 10 })).rejects.toThrow('failed');
    expect(started).toHaveBeenCalledTimes(2);
    expect(stopped.mock.calls.map(([timer]) => timer)).toEqual(started.mock.results.map(({ value }) => value));
    started.mockRestore();
    stopped.mockRestore();
  });
});

describe('nextPacingThreshold', () => {
  it('doubles the wait after a collection that freed under half a step, up to eight steps, and resets after a fruitful one', () => {
    expect(nextPacingThreshold(16, 16, 3)).toBe(32);
    expect(nextPacingThreshold(32, 16, 7)).toBe(64);
    expect(nextPacingThreshold(128, 16, 0)).toBe(128);
    expect(nextPacingThreshold(64, 16, 8)).toBe(16);
    expect(nextPacingThreshold(16, 16, 40)).toBe(16);
  });
});
