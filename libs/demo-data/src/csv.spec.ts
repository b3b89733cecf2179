import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import { csvField, peopleCsv, responsibilitiesCsv, writePeopleCsv, writeResponsibilitiesCsv } from './csv';
import { generateDemoOrg } from './demo-org';
import { generateSyntheticOrg } from './synthetic-org';

const tricky: PeopleRecord = {
  rowNumber: 2,
  employeeId: 'E0001',
  name: 'Smith, "Jo" Anne',
  title: 'Head of R&D,\nRobotics',
  managerId: null,
  department: ' Engineering ',
  location: 'Austin, TX',
  email: null,
  hireDate: '2020-01-02',
  roleStartDate: null,
  previousTitle: 'Line one\r\nline two',
  lastPromotionDate: null,
  performanceRating: 4,
  fte: 0.8,
  vacant: false,
};
const trickyDuty: ResponsibilityRecord = {
  rowNumber: 2,
  employeeId: 'E0001',
  responsibility: 'Review "urgent" pull requests, daily',
  description: 'Two lines:\nfirst, then "second"',
  valueLevel: null,
  sharePct: 12.5,
  since: '2024-03-01',
};

/** What a record should read back as: every value a string, empty for null. */
function asPeopleRow(person: PeopleRecord): Record<string, string> {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    employee_id: person.employeeId,
    name: person.name,
    title: person.title,
    manager_id: text(person.managerId),
    department: text(person.department),
    location: text(person.location),
    email: text(person.email),
    hire_date: text(person.hireDate),
    role_start_date: text(person.roleStartDate),
    previous_title: text(person.previousTitle),
    last_promotion_date: text(person.lastPromotionDate),
    performance_rating: text(person.performanceRating),
    fte: text(person.fte),
    grade: text(person.grade ?? null),
  };
}
function asResponsibilityRow(duty: ResponsibilityRecord): Record<string, string> {
  return {
    employee_id: duty.employeeId,
    responsibility: duty.responsibility,
    description: duty.description ?? '',
    value_level: duty.valueLevel ?? '',
    share: String(duty.sharePct),
    since: duty.since ?? '',
  };
}
function parse(csv: string) {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    [' padded', '" padded"'],
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
  ])('writes %p as %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('in-memory CSV', () => {
  it('starts with the canonical headers', () => {
    expect(peopleCsv([]).split('\n')[0]).toBe(
      'employee_id,name,title,manager_id,department,location,email,hire_date,role_start_date,previous_title,last_promotion_date,performance_rating,fte,grade',
    );
    expect(responsibilitiesCsv([]).split('\n')[0]).toBe('employee_id,responsibility,description,value_level,share,since');
  });

  it('round-trips commas, quotes, line breaks and blanks through a real CSV parser', () => {
    expect(parse(peopleCsv([tricky])).data).toEqual([asPeopleRow(tricky)]);
    expect(parse(responsibilitiesCsv([trickyDuty])).data).toEqual([asResponsibilityRow(trickyDuty)]);
  });

  it('round-trips the whole demo company', () => {
    const demo = generateDemoOrg();
    expect(parse(peopleCsv(demo.people)).data).toEqual(demo.people.map(asPeopleRow));
    expect(parse(responsibilitiesCsv(demo.responsibilities)).data).toEqual(demo.responsibilities.map(asResponsibilityRow));
  });
});

describe('streaming writers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolemap-demo-data-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('write the same bytes as the in-memory functions, across many chunks', async () => {
    // Big enough for dozens of 64 KB chunks, so chunk boundaries and backpressure are exercised.
    const big = generateSyntheticOrg({ size: 8_000, seed: 3 });
    const people = [tricky, ...big.people];
    const duties = [trickyDuty, ...big.responsibilities];
    await writePeopleCsv(people, join(dir, 'people.csv'));
    await writeResponsibilitiesCsv(duties, join(dir, 'responsibilities.csv'));

    const peopleFile = await readFile(join(dir, 'people.csv'), 'utf8');
    const dutiesFile = await readFile(join(dir, 'responsibilities.csv'), 'utf8');
    expect(peopleFile).toBe(peopleCsv(people));
    expect(dutiesFile).toBe(responsibilitiesCsv(duties));
    expect(dutiesFile.length).toBeGreaterThan(20 * 64 * 1024);

    const parsedPeople = parse(peopleFile).data;
    expect(parsedPeople).toHaveLength(people.length);
    expect(parsedPeople[0]).toEqual(asPeopleRow(tricky));
    expect(parsedPeople[people.length - 1]).toEqual(asPeopleRow(people[people.length - 1]));
    expect(parse(dutiesFile).data[0]).toEqual(asResponsibilityRow(trickyDuty));
  });

  it('accepts any iterable, such as a generator', async () => {
    function* onlyOne() {
      yield tricky;
    }
    await writePeopleCsv(onlyOne(), join(dir, 'one.csv'));
    expect(parse(await readFile(join(dir, 'one.csv'), 'utf8')).data).toEqual([asPeopleRow(tricky)]);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writePeopleCsv([tricky], join(dir, 'missing-folder', 'people.csv'))).rejects.toThrow(/ENOENT/);
  });
});
