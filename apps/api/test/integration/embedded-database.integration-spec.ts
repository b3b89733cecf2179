import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DEFAULT_JOBS_CONFIG, DataDirInUseError, startEmbeddedPostgres, type EmbeddedPostgres } from '@rolemap/server-core';
import { seedSmallOrganization } from '../support/snapshot-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('embedded PGlite database, same migrations and code path', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-embedded-'));
  let embedded: EmbeddedPostgres;
  let api: TestApp;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(dataDir);
    // No job workers here: this file tests migrations, GraphQL and the data-directory lock. A pg-boss
    // worker waiting on the embedded database's one connection outlives the app's close, and its
    // stop loop's timer, firing after Jest's teardown, failed the next spec file. The queue on the
    // embedded database is tested end to end in a server process (web-e2e import-jobs).
    api = await startTestApp({ url: embedded.url, embedded: true }, { jobs: { ...DEFAULT_JOBS_CONFIG, concurrency: 0 } });
    // A new PGlite data directory and every migration on it: seconds on a quiet machine, over a minute on a busy one.
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the migrations and serves GraphQL with multi-row INSERTs instead of COPY', async () => {
    const seeded = await seedSmallOrganization(api.app.get(DataSource), 'Embedded Co', false);
    const result = await api.graphql<{ organization: { snapshots: { positionCount: number }[] } }>(
      '{ organization(name: "Embedded Co") { snapshots { positionCount } } }',
    );
    expect(result.data?.organization.snapshots).toEqual([{ positionCount: 16 }]);
    const subtree = await api.graphql<{ subtree: unknown[] }>('query($id: ID!) { subtree(positionId: $id, depth: 9) { id } }', {
      id: seeded.data.positions[0].id,
    });
    expect(subtree.data?.subtree).toHaveLength(16);
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    // A lock held by another live process (our parent stands in for it).
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-locked-'));
    fs.writeFileSync(path.join(otherDir, 'rolemap.lock'), String(process.ppid));
    await expect(startEmbeddedPostgres(otherDir)).rejects.toThrow(DataDirInUseError);
    await expect(startEmbeddedPostgres(otherDir)).rejects.toThrow(/in use by another rolemap process/);
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('takes over a stale lock left by a process that died', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-stale-'));
    fs.writeFileSync(path.join(otherDir, 'rolemap.lock'), '999999');
    const database = await startEmbeddedPostgres(otherDir);
    expect(fs.readFileSync(path.join(otherDir, 'rolemap.lock'), 'utf8')).toBe(String(process.pid));
    await database.stop();
    expect(fs.existsSync(path.join(otherDir, 'rolemap.lock'))).toBe(false);
    fs.rmSync(otherDir, { recursive: true, force: true });
  });
});
