import type { AppConfig } from '../config/app-config';
import type { DatabaseTarget } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase extends DatabaseTarget {
  /** Human-readable: where the data lives. */
  description: string;
  close(): Promise<void>;
}

/** DATABASE_URL wins; otherwise start the embedded database in the data directory. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      embedded: false,
      description: `PostgreSQL at ${redactPassword(config.databaseUrl)}`,
      close: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  return {
    url: embedded.url,
    embedded: true,
    copyIn: embedded.copyIn,
    description: `embedded PostgreSQL (PGlite) in ${config.dataDir}`,
    close: () => embedded.stop(),
  };
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
