import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@rolemap/server-core';

/** A throwaway database on the real PostgreSQL server (DATABASE_URL or the local one), migrated. */
export async function withBenchDatabase<T>(work: (dataSource: DataSource, url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `rolemap_bench_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), embedded: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    return await work(dataSource, url.toString());
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
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
