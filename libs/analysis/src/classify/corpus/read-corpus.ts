import fs from 'node:fs';
import path from 'node:path';
import { isValueLevel, type ValueLevel } from '@rolemap/domain';
import Papa from 'papaparse';

/** One labelled statement of the corpus. */
export interface CorpusStatement {
  text: string;
  level: ValueLevel;
  function: string;
  hard: boolean;
  source: string;
  /** File and line, for error messages and CV reports. */
  origin: string;
}

export const CORPUS_DIR = __dirname;

/** Every statement of every CSV file in the corpus folder; throws naming the file and row on a bad one. */
export function readCorpus(dir: string = CORPUS_DIR): CorpusStatement[] {
  const statements: CorpusStatement[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()) {
    const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, file), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    parsed.data.forEach((row, index) => {
      const origin = `${file}:${index + 2}`;
      if (!row.text?.trim()) throw new Error(`${origin}: empty text`);
      if (!isValueLevel(row.level)) throw new Error(`${origin}: unknown level "${row.level}"`);
      if (row.hard !== 'true' && row.hard !== 'false') throw new Error(`${origin}: hard must be true or false`);
      statements.push({
        text: row.text,
        level: row.level,
        function: row.function,
        hard: row.hard === 'true',
        source: row.source,
        origin,
      });
    });
  }
  return statements;
}
