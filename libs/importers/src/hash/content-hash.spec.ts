import type { ResponsibilityRecord } from '@rolemap/domain';
import { parsePeopleFile } from '../people/parse-people-file';
import { parseResponsibilitiesFile } from '../responsibilities/parse-responsibilities-file';
import { upload } from '../testing/upload';
import { createHash } from 'node:crypto';
import { contentHash, contentHashInSlices, finishContentHashInSlices, hashPeopleInSlices } from './content-hash';

const PEOPLE = ['Employee ID,Name,Title,Manager ID', '1,Ann,CEO,', '2,Bob,CTO,1', '3,Cy,Dev,2'];
const RESPONSIBILITIES = ['Employee ID,Responsibility,Share', '1,Budget,50', '2,Code,60'];

async function hashOf(peopleLines: string[], responsibilityLines: string[]): Promise<string> {
  const people = await parsePeopleFile(upload('p.csv', peopleLines.join('\n')));
  const responsibilities = await parseResponsibilitiesFile(upload('r.csv', responsibilityLines.join('\n')), {
    knownEmployeeIds: new Set(people.records.map((record) => record.employeeId)),
  });
  return contentHash(people.records, responsibilities.records);
}

/** A people record's optional columns, left empty, for records written out in full here. */
const UNSET_PERSON_FIELDS = {
  email: null,
  hireDate: null,
  roleStartDate: null,
  previousTitle: null,
  lastPromotionDate: null,
  performanceRating: null,
  fte: 1,
  vacant: false,
};

describe('contentHash', () => {
  it('is a sha256 hex digest that ignores row order and row numbers', async () => {
    const original = await hashOf(PEOPLE, RESPONSIBILITIES);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    const reordered = await hashOf(
      [PEOPLE[0], PEOPLE[3], PEOPLE[1], '', PEOPLE[2]],
      [RESPONSIBILITIES[0], RESPONSIBILITIES[2], RESPONSIBILITIES[1]],
    );
    expect(reordered).toBe(original);
  });

  it('changes when any value changes', async () => {
    const original = await hashOf(PEOPLE, RESPONSIBILITIES);
    expect(await hashOf([...PEOPLE.slice(0, 3), '3,Cy,Senior Dev,2'], RESPONSIBILITIES)).not.toBe(original);
    expect(await hashOf(PEOPLE, [...RESPONSIBILITIES.slice(0, 2), '2,Code,61'])).not.toBe(original);
    expect(await hashOf(PEOPLE, RESPONSIBILITIES.slice(0, 2))).not.toBe(original);
  });

  it('does not confuse a person moving into the responsibilities list', () => {
    expect(contentHash([], [])).not.toBe(
      contentHash(
        [],
        [{ rowNumber: 1, employeeId: '1', responsibility: 'x', description: null, valueLevel: null, sharePct: 1, since: null }],
      ),
    );
  });

  it('keeps the digest of earlier versions, so a re-import is still found identical to an old snapshot', async () => {
    const people = await parsePeopleFile(
      upload(
        'p.csv',
        [
          'Employee ID,Name,Title,Manager ID,Department,Hire date,FTE,Rating',
          '1,Ann Ö,CEO,,Board,2020-01-02,1,5',
          '2,Bob “B”,CTO,1,Tech,,0.5,',
          '3,Cy,Dev,2,Tech,2021-03-04,,3',
        ].join('\n'),
      ),
      { asOf: '2026-01-01' },
    );
    const responsibilities: ResponsibilityRecord[] = [
      {
        rowNumber: 2,
        employeeId: '1',
        responsibility: 'Budget ’x’',
        description: 'line\nbreak',
        valueLevel: 'LEADERSHIP',
        sharePct: 12.5,
        since: '2020-01-01',
      },
      { rowNumber: 3, employeeId: '2', responsibility: 'Code', description: null, valueLevel: null, sharePct: 60, since: null },
    ];
    // Computed by the implementation that wrote the snapshots already stored (2026-12).
    expect(contentHash(people.records, responsibilities)).toBe(
      '0d8419a2c11d760277ad6e010fceb4a82b991f34447008482438876bae321510',
    );
  });

  it('gives the same digest in slices, across many pieces and with dotted lines', async () => {
    const people = Array.from({ length: 3_000 }, (_, index) => ({
      rowNumber: index + 2,
      employeeId: `E${index}`,
      name: `Person ${index} with a name long enough to fill pieces`,
      title: 'Engineer',
      managerId: index === 0 ? null : 'E0',
      department: 'Tech',
      location: null,
      ...UNSET_PERSON_FIELDS,
      ...(index % 7 === 3 ? { dottedLineManagerIds: ['E0', 'E1'] } : {}),
    }));
    const responsibilities: ResponsibilityRecord[] = people.map((person, index) => ({
      rowNumber: index + 2,
      employeeId: person.employeeId,
      responsibility: `Responsibility number ${index} of the file`,
      description: index % 2 ? 'described' : null,
      valueLevel: null,
      sharePct: 10,
      since: null,
    }));
    expect(await contentHashInSlices(people, responsibilities)).toBe(contentHash(people, responsibilities));
  });

  it('gives the same digest in two halves, the people no longer read once their half is taken', async () => {
    const people = [
      { rowNumber: 2, employeeId: 'E1', name: 'Ann', title: 'CEO', managerId: null, department: null, location: null },
      { rowNumber: 3, employeeId: 'E2', name: 'Bob', title: 'CTO', managerId: 'E1', department: 'Tech', location: null },
    ].map((person) => ({ ...person, ...UNSET_PERSON_FIELDS }));
    const withDotted = [people[0], { ...people[1], dottedLineManagerIds: ['E1'] }];
    const responsibilities: ResponsibilityRecord[] = [
      { rowNumber: 2, employeeId: 'E2', responsibility: 'Code', description: null, valueLevel: null, sharePct: 60, since: null },
    ];
    for (const records of [people, withDotted]) {
      const expected = contentHash(records, responsibilities);
      const copy = [...records];
      const started = await hashPeopleInSlices(copy);
      copy.length = 0;
      expect(await finishContentHashInSlices(started, responsibilities)).toBe(expected);
    }
  });

  it('equals the digest of the sorted canonical lines for any values (lengths 1-12 digits, nulls, non-ASCII)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const texts = ['', 'a', 'b', 'ab', 'é', '’', 'x'.repeat(9), 'x'.repeat(10), 'x'.repeat(12), 'y'.repeat(100), '1', '10'];
    const text = () => texts[random(texts.length)];
    const maybe = () => (random(3) === 0 ? null : text());
    const people = Array.from({ length: 300 }, (_, index) => ({
      rowNumber: index,
      employeeId: text(),
      name: text(),
      title: text(),
      managerId: maybe(),
      department: maybe(),
      location: maybe(),
      email: maybe(),
      hireDate: maybe(),
      roleStartDate: maybe(),
      previousTitle: maybe(),
      lastPromotionDate: maybe(),
      performanceRating: random(2) ? null : random(6),
      fte: random(2) ? null : random(150) / 100,
      vacant: random(2) === 0,
    }));
    const responsibilities = Array.from({ length: 300 }, (_, index) => ({
      rowNumber: index,
      employeeId: text(),
      responsibility: text(),
      description: maybe(),
      valueLevel: random(2) ? null : ('LEADERSHIP' as const),
      sharePct: random(1000) / 10,
      since: maybe(),
    }));
    const line = (values: (string | number | boolean | null)[]) =>
      values.map((value) => (value === null ? '-' : `${String(value).length}:${String(value)}`)).join('');
    const reference = createHash('sha256');
    reference.update(
      `people\n${people
        .map((p) =>
          line([
            p.employeeId,
            p.name,
            p.title,
            p.managerId,
            p.department,
            p.location,
            p.email,
            p.hireDate,
            p.roleStartDate,
            p.previousTitle,
            p.lastPromotionDate,
            p.performanceRating,
            p.fte,
            p.vacant,
          ]),
        )
        .sort()
        .join('\n')}\n`,
    );
    reference.update(
      `responsibilities\n${responsibilities
        .map((r) => line([r.employeeId, r.responsibility, r.description, r.valueLevel, r.sharePct, r.since]))
        .sort()
        .join('\n')}\n`,
    );
    expect(contentHash(people, responsibilities)).toBe(reference.digest('hex'));
  });
});
