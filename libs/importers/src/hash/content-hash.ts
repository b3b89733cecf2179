import { createHash } from 'node:crypto';
import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';

/**
 * SHA-256 over a canonical form of the rows: fields in a fixed order, row numbers left
 * out and rows sorted, so re-importing the same data (even re-ordered) gives the same hash.
 */
export function contentHash(people: readonly PeopleRecord[], responsibilities: readonly ResponsibilityRecord[]): string {
  const hash = createHash('sha256');
  // One update per section: 400k small updates cost more than the hashing itself.
  hash.update(`people\n${people.map(canonicalPerson).sort().join('\n')}\n`);
  hash.update(`responsibilities\n${responsibilities.map(canonicalResponsibility).sort().join('\n')}\n`);
  return hash.digest('hex');
}

// Each field is length-prefixed ("5:Alice"), null is "-": unambiguous whatever the cells
// contain, and cheaper than JSON for 400k rows.
function canonical(values: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (const value of values) {
    if (value === null) line += '-';
    else {
      const text = String(value);
      line += `${text.length}:${text}`;
    }
  }
  return line;
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
