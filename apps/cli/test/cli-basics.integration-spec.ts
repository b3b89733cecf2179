import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '@rolemap/server-core';
import { runCli } from './run-cli';

describe('rolemap CLI basics', () => {
  it('prints help for the program and for every command', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)]
      .map((match) => match[1])
      .filter((name) => name !== 'help');
    expect(commands).toContain('migrate');
    for (const command of commands) {
      const result = runCli([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: rolemap ${command}`));
    }
  });

  it('migrates the PostgreSQL server named by DATABASE_URL, then reports it up to date', () => {
    const first = runCli(['migrate']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(new RegExp(`Applied ${MIGRATIONS.length} migration\\(s\\)|is up to date`));
    const second = runCli(['migrate']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/is up to date/);
  });

  it('says clearly when the embedded data directory is in use by a running server', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-busy-'));
    fs.writeFileSync(path.join(dataDir, 'rolemap.lock'), String(process.pid));
    const result = runCli(['migrate'], { DATABASE_URL: '', ROLEMAP_DATA_DIR: dataDir });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/in use by another rolemap process \(pid \d+\)/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('rejects a malformed DATABASE_URL with a configuration error', () => {
    const result = runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL must start with postgres/);
  });
});
