import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const bin = path.resolve(__dirname, '../../../bin/rolemap.js');
const preload = path.join(__dirname, 'support/report-loaded-packages.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-classify-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `rolemap classify …` with `input` on its standard input, as `cat file | rolemap classify` would run. */
function classifyPiped(args: string[], input: string) {
  const result = spawnSync(process.execPath, [bin, 'classify', ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const statementsOf = (stdout: string) => JSON.parse(stdout).statements as Array<Record<string, unknown>>;

describe('rolemap classify', () => {
  it('classifies one statement per line of a file, with confidence, runner-up and the deciding words', () => {
    const file = path.join(dir, 'duties.txt');
    fs.writeFileSync(
      file,
      'Write the board pack for the quarterly meeting\nCoach new managers into leaders\r\nFix bugs in the payments service\n',
    );
    const text = runCli(['classify', file]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^ {3}1 {2}Write the board pack for the quarterly meeting\n {6}COMMUNICATION \d+%, runner-up [A-Z]+ \d+%; deciding words: .*board/m,
    );
    expect(text.stdout).toMatch(/Coach new managers into leaders\n {6}LEADERSHIP/);
    expect(text.stdout).toMatch(/3 statement\(s\): 3 classified, 0 need review/);

    const json = runCli(['classify', file, '--json']);
    expect(json.status).toBe(0);
    const [board, coach, bugs] = statementsOf(json.stdout);
    expect(board).toMatchObject({ line: 1, level: 'COMMUNICATION', suggestedLevel: 'COMMUNICATION', reason: null });
    expect(board.confidence).toBeGreaterThan(0.68);
    expect(board.runnerUp).toEqual(expect.any(String));
    expect((board.decidingWords as string[]).join(' ')).toMatch(/board|pack/);
    expect(coach).toMatchObject({ line: 2, text: 'Coach new managers into leaders', level: 'LEADERSHIP' });
    expect(bugs).toMatchObject({ line: 3, level: 'IMPLEMENTATION' });
  });

  it('answers bad input with UNCLASSIFIED and a reason, never a crash', () => {
    const long = `Prepare ${'the monthly report '.repeat(120)}`;
    const input = [
      '',
      '   ',
      '😀🎉👍',
      'Préparer le budget annuel de la direction pour le comité',
      long,
      'Write the board pack',
    ].join('\n');
    const result = classifyPiped(['--json'], `${input}\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const statements = statementsOf(result.stdout);
    expect(statements.map((s) => [s.line, s.level, s.reason])).toEqual([
      [1, 'UNCLASSIFIED', 'EMPTY'],
      [2, 'UNCLASSIFIED', 'EMPTY'],
      [3, 'UNCLASSIFIED', 'NO_WORDS'],
      [4, 'UNCLASSIFIED', 'NOT_ENGLISH'],
      [5, 'UNCLASSIFIED', 'TOO_LONG'],
      [6, 'COMMUNICATION', null],
    ]);
    expect(statements[4].reasonText).toBe('the text is longer than 2,000 characters');
    expect(statements[0]).toMatchObject({ suggestedLevel: null, runnerUp: null, confidence: 0 });

    const text = classifyPiped(['-'], `${input}\n`);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/UNCLASSIFIED: the text does not look like English/);
    expect(text.stdout).toMatch(/6 statement\(s\): 1 classified, 5 need review/);
  });

  it('reads a column of a CSV file by its header, counting rows as a spreadsheet does', () => {
    const file = path.join(dir, 'survey.csv');
    fs.writeFileSync(
      file,
      '\ufeffEmployee,Responsibility,Share\nE1,"Build the on-call rota for the team",20\nE2,"Fix bugs, write tests",80\n',
    );
    const result = runCli(['classify', file, '--column', 'responsibility', '--json']);
    expect(result.status).toBe(0);
    expect(statementsOf(result.stdout).map((s) => [s.line, s.text, s.level])).toEqual([
      [2, 'Build the on-call rota for the team', 'UNIFICATION'],
      [3, 'Fix bugs, write tests', 'IMPLEMENTATION'],
    ]);
  });

  it('names what is wrong with the input and exits 2', () => {
    const csv = path.join(dir, 'people.csv');
    fs.writeFileSync(csv, 'Employee,Title\nE1,CEO\n');
    const missingColumn = runCli(['classify', csv, '--column', 'Duty']);
    expect(missingColumn.status).toBe(2);
    expect(missingColumn.stderr).toMatch(/has no column "Duty"; its columns are "Employee", "Title"/);

    const missingFile = runCli(['classify', path.join(dir, 'nope.txt')]);
    expect(missingFile.status).toBe(2);
    expect(missingFile.stderr).toMatch(/cannot read .*nope\.txt: no such file/);

    const empty = classifyPiped([], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/standard input holds no statements to classify/);
  });

  it('loads no server, database or report packages', () => {
    const file = path.join(dir, 'one.txt');
    const out = path.join(dir, 'loaded.json');
    fs.writeFileSync(file, 'Plan the sprint with the team\n');
    const result = spawnSync(process.execPath, ['-r', preload, bin, 'classify', file], {
      encoding: 'utf8',
      env: { ...process.env, ROLEMAP_LOADED_PACKAGES: out },
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const { packages } = JSON.parse(fs.readFileSync(out, 'utf8')) as { packages: string[] };
    expect(packages).toContain('wink-nlp');
    expect(packages.filter((name) => ['@nestjs/core', 'typeorm', 'pg', 'exceljs', 'pdfkit', 'graphql'].includes(name))).toEqual(
      [],
    );
  });
});
