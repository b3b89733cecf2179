import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './main';

// Bad options are refused while the command line is read: a clear line and exit code 2, and no
// database is opened (the embedded one would create its folder).
describe('rolemap option checks, before any database is opened', () => {
  const saved = { ...process.env };
  let dataDir: string;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-options-')), 'data');
    delete process.env.DATABASE_URL;
    process.env.ROLEMAP_DATA_DIR = dataDir;
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    stderr.mockRestore();
    process.env = { ...saved };
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const refused = async (args: string[]) => {
    expect(await runCli(args)).toBe(2);
    expect(fs.existsSync(dataDir)).toBe(false);
    return stderr.mock.calls.map((call) => call.join(' ')).join('\n');
  };

  it('analyze --snapshot takes a version number', async () => {
    expect(await refused(['analyze', '--snapshot', 'latest'])).toBe(
      'rolemap: --snapshot must be a version number such as 2 (got "latest")',
    );
  });

  it('report checks the kind, the format (also from --out) and the scope', async () => {
    expect(await refused(['report', 'payroll'])).toBe(
      'rolemap: Unknown report "payroll"; use one of role, delegation, summary, plan',
    );
    stderr.mockClear();
    expect(await refused(['report', 'summary', '--out', 'summary.docx'])).toBe(
      'rolemap: --format must be one of pdf, xlsx, csv, md (got "docx")',
    );
    stderr.mockClear();
    expect(await refused(['report', 'role', '--format', 'md'])).toMatch(/^rolemap: .*--employee/);
    stderr.mockClear();
    expect(await refused(['report', 'plan', '--format', 'md'])).toBe('rolemap: A plan report needs --scenario <id or name>');
  });

  it('import --as-of takes a real calendar date', async () => {
    expect(await refused(['import', 'people.csv', '--as-of', '2026-02-30'])).toBe(
      'rolemap: --as-of must be a real date like 2026-03-31 (got "2026-02-30")',
    );
  });

  it('refuses a malformed DATABASE_URL as a configuration problem', async () => {
    process.env.DATABASE_URL = 'mysql://localhost/rolemap';
    expect(await refused(['analyze'])).toBe(
      'rolemap: configuration: DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://localhost/rolemap")',
    );
  });
});
