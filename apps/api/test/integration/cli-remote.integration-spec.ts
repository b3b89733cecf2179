import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const BIN = path.resolve(__dirname, '../../../../bin/rolemap.js');
const PASSWORD = 'correct horse battery';

/** The real `rolemap` command in a child process (asynchronously: the server answers from this one). */
function rolemap(
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the CLI against a remote server: rolemap login and whoami with a personal API token (PostgreSQL)', () => {
  let api: TestApp;
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-config-'));
  const env = { ROLEMAP_CONFIG_DIR: configDir };

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app
      .get(AccountsService)
      .create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada Lovelace', password: PASSWORD });
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  const savedToken = () =>
    JSON.parse(fs.readFileSync(path.join(configDir, 'credentials.json'), 'utf8')).servers[api.url].token as string;

  it('refuses a wrong password with the server’s message and saves nothing', async () => {
    const result = await rolemap(
      ['login', '--server', api.url, '--email', 'ada@example.com', '--password-stdin'],
      env,
      'wrong password\n',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Wrong e-mail or password/);
    expect(fs.existsSync(path.join(configDir, 'credentials.json'))).toBe(false);
  });

  it('signs in, keeps only an API token readable by the user alone, and acts as the account with it', async () => {
    const login = await rolemap(
      ['login', '--server', `${api.url}/`, '--email', 'ada@example.com', '--password-stdin'],
      env,
      `${PASSWORD}\n`,
    );
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toMatch(/Signed in to http:\/\/127\.0\.0\.1:\d+; an API token valid until/);
    const file = path.join(configDir, 'credentials.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    expect(savedToken()).toMatch(/^rmt_/);

    const whoami = await rolemap(['whoami', '--server', api.url], env);
    expect(whoami.status).toBe(0);
    expect(whoami.stdout).toMatch(/^Ada Lovelace <ada@example\.com> on http:\/\/127\.0\.0\.1:\d+: no organization yet/);
    // The password's session was closed again; only the token remains.
    const [{ open }] = await api.app.get(DataSource).query('SELECT count(*)::int AS open FROM sessions WHERE revoked_at IS NULL');
    expect(open).toBe(0);
  });

  it('says to sign in again once the token is revoked or expired', async () => {
    const token = savedToken();
    const dataSource = api.app.get(DataSource);
    const ada = "account_id = (SELECT id FROM accounts WHERE email = 'ada@example.com')";
    await dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE ${ada}`);
    const expired = await rolemap(['whoami', '--server', api.url], env);
    expect(expired.status).toBe(2);
    expect(expired.stderr).toMatch(/did not accept the saved token .*`rolemap login --server/);

    await dataSource.query(`UPDATE api_tokens SET expires_at = NULL WHERE ${ada}`);
    expect((await api.graphql('{ me { displayName } }', {}, { token })).data).toEqual({ me: { displayName: 'Ada Lovelace' } });
    const [{ id }] = await dataSource.query(`SELECT id FROM api_tokens WHERE ${ada}`);
    await api.graphql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id }, { token });
    const revoked = await rolemap(['whoami', '--server', api.url], env);
    expect(revoked.status).toBe(2);
    expect(revoked.stderr).toMatch(/did not accept the saved token/);
  });

  it('acts as the local operator without --server', async () => {
    const local = await rolemap(['whoami', '--json'], env);
    expect(JSON.parse(local.stdout)).toEqual({ local: true, displayName: 'local operator', owner: true });
  });
});
