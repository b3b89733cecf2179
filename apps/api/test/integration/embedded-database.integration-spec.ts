import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DataDirInUseError, startEmbeddedPostgres, type EmbeddedPostgres } from '@rolemap/server-core';
import { seedSmallOrganization } from '../support/snapshot-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('embedded PGlite database, same migrations and code path', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-embedded-'));
  let embedded: EmbeddedPostgres;
  let api: TestApp;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(dataDir);
    api = await startTestApp({ url: embedded.url, embedded: true });
  });
  afterAll(async () => {
    await api?.close();
    await embedded?.stop();
    // pg-boss checks once a second, after the queue has stopped, that its workers have: a worker
    // still waiting on the embedded database's one connection ends only when the database stops,
    // so give that last check its second before Jest tears this file's environment down (a timer
    // firing after teardown fails the next spec file).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
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
