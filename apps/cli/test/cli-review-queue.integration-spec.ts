import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-queue-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ORG = ['--org', 'Queue Co'];

describe('rolemap review-queue against PostgreSQL', () => {
  const people = write(
    'people.csv',
    'employee_id,name,title,manager_id,department\nQ1,Rosa Park,Chief Executive Officer,,Board\n' +
      'Q2,Tom Ito,Head of Sales,Q1,Sales\nQ3,Mia Roy,Account Executive,Q2,Sales\nQ4,Ian Fox,Account Executive,Q2,Sales\n',
  );
  // "Look after the Henley relationship" and "Own the Henley relationship" fit more than one
  // level (the classifier abstains); "Deal with Henley" it places with low confidence.
  const duties = write(
    'duties.csv',
    'employee_id,responsibility,share\nQ1,Set the company strategy,100\n' +
      'Q2,Look after the Henley relationship,50\nQ2,Own the Henley relationship,50\n' +
      'Q3,look after the Henley relationship.,40\nQ3,Deal with Henley,60\nQ4,😀😀,100\n',
  );

  beforeAll(() => {
    const imported = runCli(['import', people, '--responsibilities', duties, ...ORG, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  });

  it('lists the wordings awaiting review, numbered, with suggestion, runner-up, reason and holders', () => {
    const text = runCli(['review-queue', ...ORG]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /Queue Co, snapshot v1: 5 responsibilities need review \(4 unclassified, 1 low confidence\), 4 wordings/,
    );
    expect(text.stdout).toMatch(
      /1\. Look after the Henley relationship {2}×2\n {6}suggested [A-Z]+ \d+%, runner-up [A-Z]+ \d+%; the wording fits more than one level\n(?: {6}deciding words: .*\n)? {6}held by Tom Ito \(Q2\), Mia Roy \(Q3\)/,
    );
    expect(text.stdout).toMatch(
      /Deal with Henley {2}×1\n {6}suggested IMPLEMENTATION \d+%.*; classified IMPLEMENTATION with only \d+% confidence/,
    );
    expect(text.stdout).toMatch(/😀😀 {2}×1\n {6}no suggestion; the text has no words/);

    const json = JSON.parse(runCli(['review-queue', 'list', ...ORG, '--json']).stdout);
    expect(json).toMatchObject({ organization: 'Queue Co', snapshot: 1, responsibilityCount: 5, unclassifiedCount: 4 });
    expect(json.groups.map((group: { number: number; text: string }) => [group.number, group.text])).toEqual([
      [1, 'Look after the Henley relationship'],
      [2, 'Deal with Henley'],
      [3, 'Own the Henley relationship'],
      [4, '😀😀'],
    ]);
    expect(json.groups[0]).not.toHaveProperty('responsibilityIds');
  });

  it('refuses what it cannot confirm, saying why', () => {
    const cases: [string[], RegExp][] = [
      [['review-queue', 'confirm', ...ORG], /name the wordings to confirm by their number/],
      [['review-queue', 'confirm', '9', ...ORG], /there is no wording number 9 in the review queue \(it lists 4/],
      [['review-queue', 'confirm', '1', '--level', 'boss', ...ORG], /--level must be one of IMPLEMENTATION, UNIFICATION/],
      [
        ['review-queue', 'confirm', '4', ...ORG],
        /"😀😀" has no suggested level \(the text has no words\): give one with --level/,
      ],
      [['review-queue', 'confirm', 'Write the board pack', ...ORG], /"Write the board pack" is not in the review queue/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(JSON.parse(runCli(['review-queue', ...ORG, '--json']).stdout).responsibilityCount).toBe(5);
  });

  it('confirms by number with a chosen level, or by wording, and the analysis sees it', () => {
    const first = runCli(['review-queue', 'confirm', '1', '--level', 'communication', ...ORG]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /Confirmed 1 wording \(2 value-level overrides written, kept across snapshots\); 3 responsibilities still need review\./,
    );
    const byText = JSON.parse(
      runCli(['review-queue', 'confirm', 'own the henley RELATIONSHIP', '--level', 'communication', ...ORG, '--json']).stdout,
    );
    expect(byText).toMatchObject({ confirmed: 1, overrides: 1, remaining: 2 });
    const analysis = JSON.parse(runCli(['analyze', ...ORG, '--json']).stdout);
    expect(analysis.summary.unclassifiedCount).toBe(1);
  });

  it('--all accepts every suggestion and skips wordings without one', () => {
    const result = runCli(['review-queue', 'confirm', '--all', ...ORG]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /Confirmed 1 wording \(1 value-level override written.*\); 1 responsibility still needs review\./,
    );
    expect(result.stdout).toMatch(/Skipped 1 wording without a suggestion/);
    const emoji = runCli(['review-queue', 'confirm', '1', '--level', 'implementation', ...ORG, '--json']);
    expect(JSON.parse(emoji.stdout)).toMatchObject({ remaining: 0 });
    expect(runCli(['review-queue', ...ORG]).stdout).toMatch(/0 responsibilities need review/);
  });
});
