import { type Hash, createHash } from 'node:crypto';
import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';

/**
 * SHA-256 over a canonical form of the rows: fields in a fixed order, row numbers left
 * out and rows sorted, so re-importing the same data (even re-ordered) gives the same hash.
 */
export function contentHash(people: readonly PeopleRecord[], responsibilities: readonly ResponsibilityRecord[]): string {
  const hash = createHash('sha256');
  hashSection(hash, 'people', people.map(canonicalPerson).sort());
  hashSection(hash, 'responsibilities', responsibilities.map(canonicalResponsibility).sort());
  return hash.digest('hex');
}

/**
 * The bytes of `name\n` + the lines joined by newlines + `\n`, fed in pieces of about 64K
 * characters: 400k small updates cost more than the hashing itself, and one string of the whole
 * section is as large again as the lines.
 */
function hashSection(hash: Hash, name: string, lines: readonly string[]): void {
  let piece = `${name}\n`;
  for (let index = 0; index < lines.length; index++) {
    piece += index === 0 ? lines[index] : `\n${lines[index]}`;
    if (piece.length >= 65_536) {
      hash.update(piece);
      piece = '';
    }
  }
  hash.update(`${piece}\n`);
}

// Each field is length-prefixed ("5:Alice"), null is "-": unambiguous whatever the cells
// contain, and cheaper than JSON for 400k rows. Joined from parts, so each line is one flat
// string: built with += it would be a tree of dozens of pieces until the sort reads it.
function canonical(values: readonly (string | number | boolean | null)[]): string {
  const parts: (string | number)[] = [];
  for (const value of values) {
    if (value === null) parts.push('-');
    else {
      const text = String(value);
      parts.push(text.length, ':', text);
    }
  }
  return parts.join('');
}

function canonicalPerson(person: PeopleRecord): string {
  return canonical([
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
    person.vacant,
  ]);
}

function canonicalResponsibility(responsibility: ResponsibilityRecord): string {
  return canonical([
    responsibility.employeeId,
    responsibility.responsibility,
    responsibility.description,
    responsibility.valueLevel,
    responsibility.sharePct,
    responsibility.since,
  ]);
}
