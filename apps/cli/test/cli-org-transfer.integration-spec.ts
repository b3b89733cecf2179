import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-transfer-'));
const ORG_NAME = 'Transfer Test Org';
const ORG = ['--org', ORG_NAME];
const serverUrl = process.env.ROLEMAP_TEST_SERVER_URL as string;
const targetName = `${process.env.ROLEMAP_TEST_DATABASE_NAME}_transfer`;
const targetUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${targetName}`;
  return url.toString();
})();
const onTarget = { DATABASE_URL: targetUrl };
const embedded = { DATABASE_URL: undefined, ROLEMAP_DATA_DIR: path.join(dir, 'embedded'), ROLEMAP_SEED_DEMO: 'false' };

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function ok(args: string[], env: Record<string, string | undefined> = {}) {
  const result = runCli(args, env);
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  return result.stdout;
}

/** An archive's content without its header (export time) and the entries the transfers themselves wrote. */
function content(file: string): string[] {
  return gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .filter((line) => !/"organization-(export|import)"/.test(line) && !line.startsWith('{"end":'));
}

beforeAll(async () => {
  await admin((client) => client.query(`CREATE DATABASE ${targetName}`));
  ok(['migrate'], onTarget);
  const people = path.join(dir, 'people.csv');
  fs.writeFileSync(
    people,
    [
      'employee_id,name,email,title,manager_id,performance_rating,last_promotion_date,dotted_line_manager_id',
      'T1,Ada Quill,ada@example.test,Chief Executive,,4,,',
      'T2,Ben Orr,ben@example.test,Engineering Manager,T1,4.5,2026-03-01,',
      'T3,Cy Vance,cy@example.test,Engineer,T2,3,,',
      // Dee also answers to the chief executive on a dotted line: the lines travel with their snapshots.
      'T4,Dee Ng,dee@example.test,Engineer,T2,3.5,,T1',
    ].join('\n'),
  );
  const responsibilities = path.join(dir, 'responsibilities.csv');
  fs.writeFileSync(
    responsibilities,
    [
      'employee_id,responsibility,share',
      'T1,Set the company strategy with the board,60',
      'T2,Fix production bugs in the billing service,50',
      'T2,Run weekly one-to-ones with the team,30',
      'T3,Write integration tests for the payment API,70',
      'T4,Review pull requests for the mobile app,40',
    ].join('\n'),
  );
  ok(['import', people, '--responsibilities', responsibilities, '--as-of', '2026-10-01', ...ORG]);
  // A month later T3 is a senior engineer: a second snapshot with a promotion.
  const later = path.join(dir, 'people-later.csv');
  fs.writeFileSync(
    later,
    fs
      .readFileSync(people, 'utf8')
      .replace('T3,Cy Vance,cy@example.test,Engineer,T2,3,,', 'T3,Cy Vance,cy@example.test,Senior Engineer,T2,4,2026-10-15,'),
  );
  ok(['import', later, '--responsibilities', responsibilities, '--as-of', '2026-11-01', ...ORG]);
  const policy = path.join(dir, 'policy.json');
  fs.writeFileSync(policy, JSON.stringify({ thresholds: { spanMax: 9 } }));
  ok(['policy', 'set', policy, ...ORG]);
  const added = runCli(['accounts', 'add', 'transfer-hr@example.test', '-n', 'Hana Reyes', '-o', ORG_NAME, '-r', 'HR_ADMIN']);
  expect(added.status).toBe(0);
}, 120_000);

afterAll(async () => {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rolemap export-org and import-org', () => {
  const archive = path.join(dir, 'transfer.rolemap-org.gz');

  it('round-trips an organization to another PostgreSQL database with the same rows and ids', () => {
    const written = JSON.parse(ok(['export-org', ...ORG, '--out', archive, '--json']));
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(written.rows).toMatchObject({
      organization: 1,
      org_snapshot: expect.any(Number),
      person: 8,
      responsibility: 10,
      position_dotted_line: 2,
      memberships: 1,
      '@accounts': 1,
    });

    const imported = JSON.parse(ok(['import-org', archive, '--json'], onTarget));
    expect(imported.organization).toEqual(written.organization);

    const again = path.join(dir, 'again.rolemap-org.gz');
    ok(['export-org', ...ORG, '--out', again], onTarget);
    expect(content(again)).toEqual(content(archive));
    // The analysis reads the same organization: same findings, same keys, same ids.
    expect(ok(['analyze', ...ORG, '--json'], onTarget)).toEqual(ok(['analyze', ...ORG, '--json']));
    // Both transfers are in the moved organization's audit log.
    const audit = JSON.parse(ok(['audit', ...ORG, '--json'], onTarget));
    expect(audit.entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['organization-import', 'organization-export', 'import', 'policy-edit']),
    );
  });

  it('refuses the same organization twice, and a broken file, changing nothing', async () => {
    const twice = runCli(['import-org', archive], onTarget);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/already holds that organization/);

    const lines = gunzipSync(fs.readFileSync(archive)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.rolemap-org.gz');
    fs.writeFileSync(cut, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const bad = path.join(dir, 'bad.rolemap-org.gz');
    const badLines = [...lines];
    const personLine = badLines.findIndex((line) => line.startsWith('{"table":"person"')) + 1;
    badLines[personLine] = badLines[personLine]
      .replace(/"\d{4}-\d{2}-\d{2}"/, '"2026-13-45"')
      .replace(/^\["[0-9a-f-]+"/, '["not-a-uuid"');
    fs.writeFileSync(bad, gzipSync(`${badLines.join('\n')}\n`));

    await admin(async (client) => client.query(`CREATE DATABASE ${targetName}_empty`));
    const emptyUrl = targetUrl.replace(targetName, `${targetName}_empty`);
    try {
      ok(['migrate'], { DATABASE_URL: emptyUrl });
      const cutShort = runCli(['import-org', cut], { DATABASE_URL: emptyUrl });
      expect(cutShort.status).toBe(2);
      expect(cutShort.stderr).toMatch(/cut\.rolemap-org\.gz: line \d+: the file ends before its end line/);
      const badValue = runCli(['import-org', bad], { DATABASE_URL: emptyUrl });
      expect(badValue.status).toBe(2);
      expect(badValue.stderr).toMatch(/bad\.rolemap-org\.gz: lines \d+-\d+ \(person\): invalid input syntax for type uuid/);
      const notArchive = runCli(['import-org', path.join(dir, 'people.csv')], { DATABASE_URL: emptyUrl });
      expect(notArchive.stderr).toMatch(/people\.csv: not a readable gzip archive/);
      // Nothing of any attempt was written.
      const counts = await admin(async () => {
        const client = new Client({ connectionString: emptyUrl });
        await client.connect();
        try {
          const { rows } = await client.query(
            'SELECT (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM accounts)::int AS accounts',
          );
          return rows[0];
        } finally {
          await client.end();
        }
      });
      expect(counts).toEqual({ organizations: 0, people: 0, accounts: 0 });
    } finally {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${targetName}_empty WITH (FORCE)`));
    }
  });

  it('moves it into the embedded database and back to PostgreSQL unchanged', async () => {
    ok(['import-org', archive], embedded);
    const fromEmbedded = path.join(dir, 'embedded.rolemap-org.gz');
    ok(['export-org', ...ORG, '--out', fromEmbedded], embedded);
    expect(content(fromEmbedded)).toEqual(content(archive));

    await admin((client) => client.query(`DROP DATABASE ${targetName} WITH (FORCE)`));
    await admin((client) => client.query(`CREATE DATABASE ${targetName}`));
    ok(['migrate'], onTarget);
    ok(['import-org', fromEmbedded], onTarget);
    const back = path.join(dir, 'back.rolemap-org.gz');
    ok(['export-org', ...ORG, '--out', back], onTarget);
    expect(content(back)).toEqual(content(archive));
  });
});
