import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { InProcessCopy } from './data-source';

/**
 * The embedded database: PGlite persisted to a folder, served on loopback through the
 * PostgreSQL wire protocol so TypeORM's ordinary `pg` driver is the only code path.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  copyIn: InProcessCopy;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another rolemap process (pid ${pid}). ` +
        'Stop that process (e.g. the running `npm start`) first, or point DATABASE_URL at a PostgreSQL server.',
    );
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'rolemap.lock';
// PGlite runs one query at a time; a few connections let reads queue instead of waiting for a pool slot.
export const EMBEDDED_MAX_CONNECTIONS = 4;

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  let db: PGlite | undefined;
  try {
    // Loaded here, not with the module: every command on a PostgreSQL server would pay for it (~40 ms).
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite-socket'),
    ]);
    db = await PGlite.create(path.join(dataDir, 'pgdata'));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    const address = server.getServerConn();
    const pglite = db;
    return {
      url: `postgresql://postgres@${address}/postgres`,
      dataDir,
      copyIn: async (statement, data) => {
        await pglite.query(statement, [], { blob: data });
      },
      async stop() {
        await server.stop();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

/** One process at a time may open a PGlite data directory; a second one would corrupt it. */
function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new DataDirInUseError(dataDir, holder);
    }
    // A stale lock from a process that died: take it over.
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
