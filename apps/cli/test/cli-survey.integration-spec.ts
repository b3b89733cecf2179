import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runCli } from './run-cli';

/** `rolemap survey` on a database of its own: closing adds a snapshot to the demo, which other specs read. */
describe('rolemap survey create|status|export|close against PostgreSQL', () => {
  const name = `rolemap_cli_survey_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: process.env.ROLEMAP_TEST_SERVER_URL });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-survey-'));
  let env: Record<string, string>;
  const ORG = ['--org', 'Northwind Robotics'];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.ROLEMAP_TEST_SERVER_URL!);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    expect(runCli(['seed-demo'], env).status).toBe(0);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates a survey, lists it, hands out links as CSV and closes it into a new snapshot', () => {
    const closes = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const created = runCli(
      ['survey', 'create', 'Autumn', '--department', 'Engineering', '--mode', 'both', '--closes', closes, ...ORG, '--json'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const campaign = JSON.parse(created.stdout);
    expect(campaign).toMatchObject({ name: 'Autumn', phase: 'OPEN', defaultMode: 'BOTH', participantCount: expect.any(Number) });

    const listed = runCli(['survey', 'status', ...ORG], env);
    expect(listed.stdout).toContain(`${campaign.id}  OPEN`);
    expect(listed.stdout).toMatch(/ {2}CLOSED .*Operations time-allocation survey/);
    const status = runCli(['survey', 'status', 'Autumn', ...ORG], env);
    expect(status.stdout).toContain(`Autumn (OPEN): 0 of ${campaign.participantCount} answered (0%)`);

    const out = path.join(dir, 'links.csv');
    const exported = runCli(['survey', 'export', 'Autumn', ...ORG, '--out', out], env);
    expect(exported.status).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('employee_id,name,email,purpose,link,expires_at');
    expect(lines.filter((line) => line.includes(',SELF,'))).toHaveLength(campaign.participantCount);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const closed = runCli(['survey', 'close', campaign.id, '--json'], env);
    expect(closed.stderr).toBe('');
    // v2 is the snapshot the demo's own closed campaign wrote.
    expect(JSON.parse(closed.stdout)).toMatchObject({
      snapshotVersion: 3,
      coverage: { surveyed: 0, carried: campaign.participantCount },
    });
    const again = runCli(['survey', 'close', 'Autumn', ...ORG], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already closed/);
    const bad = runCli(['survey', 'create', 'Late', '--closes', 'soon', ...ORG], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--closes must be a date/);
  });
});
