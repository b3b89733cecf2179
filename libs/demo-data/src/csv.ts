import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PEOPLE_FIELDS, RESPONSIBILITY_FIELDS, type PeopleRecord, type ResponsibilityRecord } from '@rolemap/domain';

type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Lines are batched into chunks of about this many characters before they reach the stream. */
const CHUNK_CHARS = 64 * 1024;

/** RFC 4180 quoting: wrap in quotes when the value holds a comma, quote or line break, and double the quotes. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function peopleLine(person: PeopleRecord): string {
  return [
    person.employeeId,
    person.name,
    person.title,
    person.managerId,
    person.department,
    person.location,
    person.email,
    person.hireDate,
    person.roleStartDate,
    person.previousTitle,
    person.lastPromotionDate,
    person.performanceRating,
    person.fte,
    person.grade ?? null,
  ]
    .map(csvField)
    .join(',');
}

function responsibilityLine(duty: ResponsibilityRecord): string {
  return [duty.employeeId, duty.responsibility, duty.description, duty.valueLevel, duty.sharePct, duty.since]
    .map(csvField)
    .join(',');
}

const PEOPLE_HEADER = PEOPLE_FIELDS.join(',');
const RESPONSIBILITY_HEADER = RESPONSIBILITY_FIELDS.join(',');

/** The people file as one string, with the canonical header (for small orgs and tests). */
export function peopleCsv(people: Iterable<PeopleRecord>): string {
  return [...csvChunks(PEOPLE_HEADER, people, peopleLine)].join('');
}

export function responsibilitiesCsv(responsibilities: Iterable<ResponsibilityRecord>): string {
  return [...csvChunks(RESPONSIBILITY_HEADER, responsibilities, responsibilityLine)].join('');
}

/** Streams the people file to disk; resolves once it is fully written and closed. */
export function writePeopleCsv(people: Iterable<PeopleRecord>, path: string): Promise<void> {
  return writeCsv(path, csvChunks(PEOPLE_HEADER, people, peopleLine));
}

export function writeResponsibilitiesCsv(responsibilities: Iterable<ResponsibilityRecord>, path: string): Promise<void> {
  return writeCsv(path, csvChunks(RESPONSIBILITY_HEADER, responsibilities, responsibilityLine));
}

/**
 * `pipeline` pulls the next chunk only when the file stream has room (backpressure), so a
 * million rows never sit in memory as one string, and stream errors reject the promise.
 */
async function writeCsv(path: string, chunks: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(chunks), createWriteStream(path, { encoding: 'utf8' }));
}

function* csvChunks<T>(header: string, rows: Iterable<T>, toLine: (row: T) => string): Generator<string> {
  let chunk = `${header}\n`;
  for (const row of rows) {
    chunk += `${toLine(row)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
