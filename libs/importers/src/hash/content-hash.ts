import { type Hash, createHash } from 'node:crypto';
import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';

type Value = string | number | boolean | null;

/**
 * SHA-256 over a canonical form of the rows: fields in a fixed order, row numbers left
 * out and rows sorted, so re-importing the same data (even re-ordered) gives the same hash.
 * The canonical form is one line per row, each field length-prefixed ("5:Alice") and null
 * written "-", the lines sorted and joined by newlines under a section name. That digest is
 * stored with every snapshot, so it must not change.
 */
export function contentHash(people: readonly PeopleRecord[], responsibilities: readonly ResponsibilityRecord[]): string {
  const hash = createHash('sha256');
  const pieces = hashPieces(hash, people, responsibilities);
  while (!pieces.next().done) continue;
  return hash.digest('hex');
}

/**
 * `contentHash` in slices, giving the event loop back between them: an importer computes it
 * while its COPY of the rows waits on the database, instead of leaving the database idle.
 */
export async function contentHashInSlices(
  people: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
): Promise<string> {
  return finishContentHashInSlices(await hashPeopleInSlices(people), responsibilities);
}

/** The digest with its people section taken: the people records themselves are no longer needed. */
export interface PeopleHashed {
  readonly hash: Hash;
  /** The rows with dotted lines, whose section comes after the responsibilities'. */
  readonly dotted: readonly PeopleRecord[];
}

/**
 * The first half of `contentHashInSlices`, for an importer that has the people before the
 * responsibilities: once it is done, the 100k people records of a large import can go.
 */
export async function hashPeopleInSlices(people: readonly PeopleRecord[]): Promise<PeopleHashed> {
  const hash = createHash('sha256');
  await inSlices(hashSection(hash, 'people', people, PERSON_FIELDS));
  return { hash, dotted: withDottedLines(people) };
}

/** The second half: the same digest `contentHash` gives for the people and these responsibilities. */
export async function finishContentHashInSlices(
  started: PeopleHashed,
  responsibilities: readonly ResponsibilityRecord[],
): Promise<string> {
  await inSlices(hashRest(started.hash, started.dotted, responsibilities));
  return started.hash.digest('hex');
}

async function inSlices(pieces: Generator<void>): Promise<void> {
  for (let count = 1; !pieces.next().done; count++) {
    if (count % PIECES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

// About 1 ms of hashing per slice: short enough not to starve a COPY fed from the same thread.
const PIECES_PER_SLICE = 4;

/** Feeds every section to the hash, yielding after each sort and each piece of text. */
function* hashPieces(
  hash: Hash,
  people: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
): Generator<void> {
  yield* hashSection(hash, 'people', people, PERSON_FIELDS);
  yield* hashRest(hash, withDottedLines(people), responsibilities);
}

function withDottedLines(people: readonly PeopleRecord[]): PeopleRecord[] {
  return people.filter((person) => person.dottedLineManagerIds?.length);
}

function* hashRest(
  hash: Hash,
  dotted: readonly PeopleRecord[],
  responsibilities: readonly ResponsibilityRecord[],
): Generator<void> {
  yield* hashSection(hash, 'responsibilities', responsibilities, RESPONSIBILITY_FIELDS);
  // Only files with dotted lines add the section, so every digest stored before them still holds.
  if (dotted.length > 0) yield* hashSection(hash, 'dotted_lines', dotted, DOTTED_LINE_FIELDS);
}

const PERSON_FIELDS: readonly ((person: PeopleRecord) => Value)[] = [
  (person) => person.employeeId,
  (person) => person.name,
  (person) => person.title,
  (person) => person.managerId,
  (person) => person.department,
  (person) => person.location,
  (person) => person.email,
  (person) => person.hireDate,
  (person) => person.roleStartDate,
  (person) => person.previousTitle,
  (person) => person.lastPromotionDate,
  (person) => person.performanceRating,
  (person) => person.fte,
  (person) => person.vacant,
];

const DOTTED_LINE_FIELDS: readonly ((person: PeopleRecord) => Value)[] = [
  (person) => person.employeeId,
  (person) => [...(person.dottedLineManagerIds ?? [])].sort().join('\n'),
];

const RESPONSIBILITY_FIELDS: readonly ((responsibility: ResponsibilityRecord) => Value)[] = [
  (responsibility) => responsibility.employeeId,
  (responsibility) => responsibility.responsibility,
  (responsibility) => responsibility.description,
  (responsibility) => responsibility.valueLevel,
  (responsibility) => responsibility.sharePct,
  (responsibility) => responsibility.since,
];

/**
 * Feeds `name\n`, the rows' lines in sorted order joined by newlines, and `\n`, in pieces of
 * about 64K characters (400k small updates cost more than the hashing itself). The rows are
 * sorted by comparing their fields, which orders them exactly as their lines would sort (see
 * compareEncoded), so each line is built only when it is hashed: holding 400k lines to sort
 * them would leave ~50 MB for the next full collection at 100k people.
 */
function* hashSection<Row>(
  hash: Hash,
  name: string,
  rows: readonly Row[],
  fields: readonly ((row: Row) => Value)[],
): Generator<void> {
  const sorted = [...rows].sort((a, b) => {
    for (const field of fields) {
      const order = compareEncoded(field(a), field(b));
      if (order !== 0) return order;
    }
    return 0;
  });
  yield;
  let piece = `${name}\n`;
  for (let index = 0; index < sorted.length; index++) {
    const line = canonical(sorted[index], fields);
    piece += index === 0 ? line : `\n${line}`;
    if (piece.length >= 65_536) {
      hash.update(piece);
      piece = '';
      yield;
    }
  }
  hash.update(`${piece}\n`);
}

// Concatenated: an array of parts joined per row cost about a third of the hash.
function canonical<Row>(row: Row, fields: readonly ((row: Row) => Value)[]): string {
  let line = '';
  for (const field of fields) {
    const value = field(row);
    if (value === null) line += '-';
    else {
      const text = String(value);
      line += `${text.length}:${text}`;
    }
  }
  return line;
}

/**
 * The order of two fields' encodings ("-" or "<length>:<text>") as JavaScript sorts strings,
 * without building them. No encoding is a prefix of another (a shared length prefix means the
 * same length), so two lines sort as their first differing fields do; and encodings of
 * different lengths differ within "<length>:".
 */
export function compareEncoded(a: Value, b: Value): number {
  if (a === b) return 0;
  // "-" sorts before every digit.
  if (a === null) return -1;
  if (b === null) return 1;
  const x = String(a);
  const y = String(b);
  if (x === y) return 0;
  if (x.length !== y.length) return `${x.length}:` < `${y.length}:` ? -1 : 1;
  return x < y ? -1 : 1;
}
