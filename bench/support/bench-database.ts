import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@rolemap/server-core';

export interface BenchDatabase {
  url: string;
  /** Drops the database (unless `keep`) and closes the connection that made it. */
  close(options?: { keep?: boolean }): Promise<void>;
}

/** A new, empty database on the real PostgreSQL server (DATABASE_URL or the local one), named `<prefix>_<time>`. */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    close: async ({ keep = false } = {}) => {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A throwaway database on the real PostgreSQL server (DATABASE_URL or the local one), migrated. */
export async function withBenchDatabase<T>(work: (dataSource: DataSource, url: string) => Promise<T>): Promise<T> {
  const database = await createBenchDatabase('rolemap_bench');
  const dataSource = createDataSource({ url: database.url, embedded: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    return await work(dataSource, database.url);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machineLine(): string {
  const os = require('node:os') as typeof import('node:os');
  return `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}
