import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import { runCli } from './run-cli';

const bin = path.resolve(__dirname, '../../../bin/rolemap.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-pipe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Reads all of stdin, but only after a pause, as a busy `jq` or `less` would: by then the output
// no longer fits the pipe's buffer, and whatever the CLI has not handed over yet must still come.
const SLOW_JSON_READER = `
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.pause();
setTimeout(() => {
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => {
    const parsed = JSON.parse(text);
    console.log(JSON.stringify({ bytes: Buffer.byteLength(text), findings: parsed.findings.length }));
  });
  process.stdin.resume();
}, 500);
`;

describe('rolemap output through a real pipe', () => {
  beforeAll(async () => {
    const org = generateSyntheticOrg({ size: 8000, seed: 5 });
    await writePeopleCsv(org.people, path.join(dir, 'people.csv'));
    await writeResponsibilitiesCsv(org.responsibilities, path.join(dir, 'responsibilities.csv'));
    const imported = runCli([
      'import',
      path.join(dir, 'people.csv'),
      '--responsibilities',
      path.join(dir, 'responsibilities.csv'),
      '--org',
      'Pipe Co',
      '--json',
    ]);
    expect(imported.status).toBe(0);
  });

  it('hands every byte of a large `analyze --json` to the next program, which parses it', () => {
    const whole = runCli(['analyze', '--org', 'Pipe Co', '--json']);
    expect(whole.status).toBe(0);
    const expected = JSON.parse(whole.stdout);
    // Several hundred KB: far past the 64 KiB a pipe holds.
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(200_000);

    const script = path.join(dir, 'slow-json-reader.js');
    fs.writeFileSync(script, SLOW_JSON_READER);
    const piped = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; "$NODE" "$BIN" analyze --org "Pipe Co" --json | "$NODE" "$READER"'],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL,
          NODE: process.execPath,
          BIN: bin,
          READER: script,
        },
        timeout: 60_000,
      },
    );
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual({
      bytes: Buffer.byteLength(whole.stdout),
      findings: expected.findings.length,
    });
  });

  it('keeps the exit code when output goes through a pipe (a failure is still a failure)', () => {
    const piped = spawnSync('bash', ['-c', 'set -o pipefail; "$NODE" "$BIN" analyze --org "No Such Co" --json | cat'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL, NODE: process.execPath, BIN: bin },
      timeout: 60_000,
    });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/No organization named "No Such Co"/);
  });
});
