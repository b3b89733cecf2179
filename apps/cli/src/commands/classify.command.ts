import fs from 'node:fs';
import { type Classification, UNCLASSIFIED_REASON_TEXT, createClassifier } from '@rolemap/analysis';
import Papa from 'papaparse';
import { CliError, EXIT } from '../cli-context';

interface ClassifyOptions {
  json?: boolean;
  column?: string;
}

/** One classified statement as `--json` prints it. */
export interface ClassifiedStatement {
  /** Line of the input (1-based; with --column, the CSV row counting the header as row 1). */
  line: number;
  text: string;
  level: Classification['level'];
  suggestedLevel: Classification['suggestedLevel'];
  confidence: number;
  runnerUp: Classification['runnerUp'];
  runnerUpConfidence: number;
  decidingWords: string[];
  reason: Classification['reason'];
  reasonText: string | null;
}

/**
 * `rolemap classify [file|-]`: the value level of each statement, one per line (or one per row
 * of a CSV column), as HR would check wording before an import. Needs no database.
 */
export async function runClassify(file: string | undefined, options: ClassifyOptions): Promise<void> {
  const source = file === undefined || file === '-' ? 'standard input' : file;
  const input = stripBom(await readInput(file));
  const statements = options.column === undefined ? linesOf(input) : columnOf(input, options.column, source);
  if (statements.length === 0) throw new CliError(`${source} holds no statements to classify`, EXIT.invalidInput);

  const classifier = createClassifier();
  const results = statements.map(({ line, text }): ClassifiedStatement => {
    const classification = classifier.classify(text);
    return {
      line,
      text,
      level: classification.level,
      suggestedLevel: classification.suggestedLevel,
      confidence: classification.confidence,
      runnerUp: classification.runnerUp,
      runnerUpConfidence: classification.runnerUpConfidence,
      decidingWords: classification.decidingWords,
      reason: classification.reason,
      reasonText: classification.reason ? UNCLASSIFIED_REASON_TEXT[classification.reason] : null,
    };
  });
  if (options.json) {
    console.log(JSON.stringify({ statements: results }));
    return;
  }
  for (const result of results) console.log(describe(result));
  const unclassified = results.filter((result) => result.level === 'UNCLASSIFIED').length;
  console.log(`\n${results.length} statement(s): ${results.length - unclassified} classified, ${unclassified} need review`);
}

function describe(result: ClassifiedStatement): string {
  const text = result.text.length > 100 ? `${result.text.slice(0, 99)}…` : result.text;
  const lines = [`${String(result.line).padStart(4)}  ${text.replace(/\s+/g, ' ')}`];
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  if (result.suggestedLevel === null) {
    lines.push(`      UNCLASSIFIED: ${result.reasonText}`);
  } else {
    const level =
      result.level === 'UNCLASSIFIED'
        ? `UNCLASSIFIED (needs review: ${result.reasonText}), likeliest ${result.suggestedLevel} ${pct(result.confidence)}`
        : `${result.level} ${pct(result.confidence)}`;
    const runnerUp = result.runnerUp ? `, runner-up ${result.runnerUp} ${pct(result.runnerUpConfidence)}` : '';
    const words = result.decidingWords.length ? `; deciding words: ${result.decidingWords.join(', ')}` : '';
    lines.push(`      ${level}${runnerUp}${words}`);
  }
  return lines.join('\n');
}

async function readInput(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== '-') {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
      throw new CliError(`cannot read ${file}: ${why}`, EXIT.invalidInput);
    }
  }
  if (process.stdin.isTTY) {
    throw new CliError('give a file of statements, or pipe them in (`… | rolemap classify -`)', EXIT.invalidInput);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Every line is a statement, blank ones included (they come back UNCLASSIFIED: empty); the newline ending the file is not a line. */
function linesOf(input: string): { line: number; text: string }[] {
  if (input === '') return [];
  const lines = input.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((text, index) => ({ line: index + 1, text }));
}

function columnOf(input: string, column: string, source: string): { line: number; text: string }[] {
  const parsed = Papa.parse<string[]>(input, { skipEmptyLines: false });
  const [header, ...rows] = parsed.data;
  if (!header) return [];
  const wanted = column.trim().toLowerCase();
  const index = header.findIndex((name) => name.trim().toLowerCase() === wanted);
  if (index === -1) {
    throw new CliError(
      `${source} has no column "${column}"; its columns are ${header.map((name) => `"${name}"`).join(', ')}`,
      EXIT.invalidInput,
    );
  }
  const statements: { line: number; text: string }[] = [];
  rows.forEach((row, i) => {
    // A trailing blank record (the file's last newline) is no row.
    if (row.length === 1 && row[0] === '' && i === rows.length - 1) return;
    statements.push({ line: i + 2, text: row[index] ?? '' });
  });
  return statements;
}
