import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const bin = path.resolve(__dirname, '../../../bin/rolemap.js');
const preload = path.join(__dirname, 'support/report-loaded-packages.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-startup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** The npm packages `rolemap <args>` loads and the Node flags of each process it ran in. */
function startOf(args: string[]): { packages: string[]; processes: string[][] } {
  const out = path.join(dir, `run-${++runs}.json`);
  const result = spawnSync(process.execPath, ['-r', preload, bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL, ROLEMAP_LOADED_PACKAGES: out },
    timeout: 60_000,
  });
  expect(result.status).toBe(0);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const packagesLoadedBy = (args: string[]) => startOf(args).packages;

const SERVER = ['@nestjs/core', '@nestjs/common', 'typeorm', 'pg'];
const SPREADSHEETS_AND_PDF = ['exceljs', 'pdfkit', 'fontkit'];
const GRAPHQL = ['@nestjs/graphql', '@nestjs/apollo', '@apollo/server', 'graphql', 'graphql-upload-minimal', 'express'];

describe('rolemap start-up: each command loads what it uses, and nothing for help', () => {
  beforeAll(() => {
    // Compiles the CLI when the build is stale, so the runs below measure the command itself.
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['seed-demo']).status).toBe(0);
  });

  it('answers --help, and a command’s --help, with commander alone', () => {
    for (const args of [['--help'], ['report', '--help'], ['import', '--help']]) {
      const loaded = packagesLoadedBy(args);
      expect(loaded.filter((name) => [...SERVER, ...SPREADSHEETS_AND_PDF, ...GRAPHQL].includes(name))).toEqual([]);
      expect(loaded).toContain('commander');
    }
  });

  it('analyses through the server core without spreadsheet, PDF or GraphQL libraries', () => {
    const loaded = packagesLoadedBy(['analyze', '--org', 'Northwind Robotics', '--json']);
    expect(loaded).toEqual(expect.arrayContaining(['@nestjs/core', 'typeorm']));
    expect(loaded.filter((name) => [...SPREADSHEETS_AND_PDF, ...GRAPHQL].includes(name))).toEqual([]);
  });

  it('runs in one process: no second Node start for any command', () => {
    expect(startOf(['analyze', '--org', 'Northwind Robotics', '--json']).processes).toHaveLength(1);
    expect(startOf(['--help']).processes).toHaveLength(1);
  });

  it('loads the report writers for a report, and still no GraphQL', () => {
    const loaded = packagesLoadedBy(['report', 'summary', '--org', 'Northwind Robotics', '--out', path.join(dir, 's.md')]);
    expect(loaded).toContain('pdfkit');
    expect(loaded.filter((name) => GRAPHQL.includes(name))).toEqual([]);
  });
});
