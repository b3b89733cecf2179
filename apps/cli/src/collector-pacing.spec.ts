import { collectorPacing } from './collector-pacing';

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
