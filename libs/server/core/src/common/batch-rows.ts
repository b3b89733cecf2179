/** For a DataLoader batch: the row for each key, in key order, null where there is none. */
export function oneByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** For a DataLoader batch: the rows of each key, in key order (row order kept), empty where there are none. */
export function manyByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * Runs before every batch a loader sends; throwing stops the batch before it queries (the API
 * passes the request's deadline check, so a stopped request issues no more SQL).
 */
export type BeforeBatch = () => void;

/** Wraps a DataLoader batch function so `beforeBatch` runs first. */
export function guardedBatch<K, V>(
  beforeBatch: BeforeBatch | undefined,
  load: (keys: readonly K[]) => Promise<V[]>,
): (keys: readonly K[]) => Promise<V[]> {
  if (!beforeBatch) return load;
  return async (keys) => {
    beforeBatch();
    return load(keys);
  };
}
