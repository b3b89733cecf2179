import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-timeline-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ORG = 'CLI Timeline Co';
const header = 'Employee ID,Name,Job Title,Reports To';
const january = write(
  'january.csv',
  [header, 'A,Avery Stone,Chief Executive Officer,', 'B,Blake Rivers,Software Engineer,A'].join('\n'),
);
const march = write(
  'march.csv',
  [
    header,
    'A,Avery Stone,Chief Executive Officer,',
    'B,Blake Rivers,Software Engineer,A',
    'C,Casey Marsh,Software Engineer,A',
  ].join('\n'),
);
const june = write(
  'june.csv',
  [
    header,
    'A,Avery Stone,Chief Executive Officer,',
    'B,Blake Rivers,Software Engineer,A',
    'C,Casey Marsh,Software Engineer,A',
    'D,Dana Holt,Software Engineer,A',
  ].join('\n'),
);

const importChart = (file: string, asOf: string) => {
  const result = runCli(['import', file, '--org', ORG, '--as-of', asOf, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { snapshot: number | null; duplicateOf: number | null };
};

const diffJson = (...args: string[]) => {
  const result = runCli(['diff', '--org', ORG, '--json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const diff = JSON.parse(result.stdout);
  return { from: diff.from, to: diff.to, joiners: diff.joiners.map((person: { employeeId: string }) => person.employeeId) };
};

describe('rolemap orders snapshots by their as-of date (PostgreSQL)', () => {
  it('analyses and diffs the newest chart by default when an older one was imported after it', () => {
    expect(importChart(june, '2026-06-15').snapshot).toBe(1);
    expect(importChart(january, '2026-01-15').snapshot).toBe(2);

    const analysis = JSON.parse(runCli(['analyze', '--org', ORG, '--json']).stdout);
    expect(analysis).toMatchObject({ snapshot: 1, asOf: '2026-06-15' });
    // Forwards in time: January → June, so Casey and Dana joined (not left).
    expect(diffJson()).toEqual({ from: 2, to: 1, joiners: ['C', 'D'] });
  });

  it('compares an import dated between two snapshots with its true neighbours', () => {
    expect(importChart(march, '2026-03-15').snapshot).toBe(3);
    expect(diffJson()).toEqual({ from: 3, to: 1, joiners: ['D'] });
    expect(diffJson('--to', '3')).toEqual({ from: 2, to: 3, joiners: ['C'] });
    const text = runCli(['diff', '--org', ORG]);
    expect(text.stdout).toContain('snapshot v3 (2026-03-15) → v1 (2026-06-15)');
  });

  it('says the earliest snapshot has nothing before it', () => {
    const result = runCli(['diff', '--org', ORG, '--to', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('v2 (as of 2026-01-15) is the earliest: nothing to compare it with');
  });

  it('finds a re-imported older file identical to the chart of its date, not to the last import', () => {
    expect(importChart(january, '2026-01-15')).toMatchObject({ snapshot: null, duplicateOf: 2 });
  });
});
