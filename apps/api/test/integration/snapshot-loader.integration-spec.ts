import type { SnapshotData } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { OrganizationEntity, createDataSource, loadSnapshotData, lockOrganization } from '@rolemap/server-core';
import { writeSnapshot } from '@rolemap/server-imports';
import { smallSnapshot } from '../support/snapshot-fixture';
import { resetDatabase, testDatabaseUrl } from '../support/test-app';

/** Every row of every table, in one order, so two snapshots compare as sets. */
function sorted(data: SnapshotData): SnapshotData {
  const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    ...data,
    // A position without a grade is written as NULL and read back as null.
    positions: byKey(data.positions, (row) => row.id).map((row) => ({ ...row, grade: row.grade ?? null })),
    people: byKey(data.people, (row) => row.id),
    assignments: byKey(data.assignments, (row) => row.personId),
    responsibilities: byKey(data.responsibilities, (row) => row.id),
  };
}

describe('loadSnapshotData (COPY … TO STDOUT)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await resetDatabase();
    dataSource = createDataSource({ url: testDatabaseUrl(), embedded: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('reads back exactly what the import wrote: escapes, NULLs, dates, numbers, booleans and non-Latin text', async () => {
    const organization = await dataSource.getRepository(OrganizationEntity).save({ name: 'Loader Co' });
    const data = smallSnapshot(organization.id, 2, 2);
    data.positions[1] = { ...data.positions[1], title: 'Head of R&D — Zoë’s team \\N', fte: 0.625, vacant: true };
    data.positions[2] = { ...data.positions[2], department: null, location: 'back\\slash\tand tab', tier: 'MANAGER' };
    data.people[0] = { ...data.people[0], email: null, hireDate: null, name: 'Ολυμπία Σ.\r\nline' };
    data.assignments[0] = { ...data.assignments[0], performanceRating: null, previousTitle: 'Chef\\tcuisinier' };
    data.responsibilities[0] = {
      ...data.responsibilities[0],
      classificationConfidence: 0.8125,
      sharePct: 33.33,
      valueLevel: 'UNCLASSIFIED',
      valueLevelSource: 'CLASSIFIED',
    };
    const snapshot = await dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organization.id);
      return writeSnapshot(manager, true, data, { label: null, asOf: data.asOf, sourceFileName: null, contentHash: 'h' });
    });
    const loaded = await loadSnapshotData(dataSource, snapshot);
    expect(sorted(loaded)).toEqual(sorted(data));
    // For the diff against a previous chart: everything but the responsibilities.
    const withoutResponsibilities = await loadSnapshotData(dataSource, snapshot, { responsibilities: false });
    expect(sorted(withoutResponsibilities)).toEqual(sorted({ ...data, responsibilities: [] }));
    // For the diff itself: what it reads, the rest blank.
    const forDiff = await loadSnapshotData(dataSource, snapshot, { forDiff: true });
    expect(sorted(forDiff)).toEqual(
      sorted({
        ...data,
        positions: data.positions.map(({ dottedLineManagerIds: _dotted, ...position }) => ({
          ...position,
          location: null,
          fte: 1,
          vacant: false,
        })),
        people: data.people.map((person) => ({ ...person, email: null, hireDate: null })),
        assignments: data.assignments.map((assignment) => ({
          ...assignment,
          roleStartDate: null,
          previousTitle: null,
          lastPromotionDate: null,
          performanceRating: null,
        })),
        responsibilities: [],
      }),
    );
  });

  it('reads a snapshot of many text blocks alike: rows cut between blocks, non-Latin text in some, repeated values shared', async () => {
    const organization = await dataSource.getRepository(OrganizationEntity).save({ name: 'Loader Blocks Co' });
    // 1 + 30 + 30 × 40 = 1,231 people, 2,462 responsibilities: well over one 256 KB block per table.
    const data = smallSnapshot(organization.id, 30, 40);
    // The fixture's ids repeat past nine reports per manager: number them afresh.
    data.positions.forEach((position, i) => (position.externalId = `P${i}`));
    data.people.forEach((person, i) => (person.employeeId = `P${i}`));
    data.responsibilities.forEach((responsibility, i) => {
      if (i % 97 === 0) responsibility.title = `Überprüfung der Änderungen ${i} — 検証`;
      if (i % 5 === 0) responsibility.description = `${'long description '.repeat(20)}${i}`;
    });
    data.people.forEach((person, i) => {
      if (i % 89 === 0) person.name = `Zoë Ó’Brien ${i}`;
    });
    const snapshot = await dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organization.id);
      return writeSnapshot(manager, true, data, { label: null, asOf: data.asOf, sourceFileName: null, contentHash: 'b' });
    });
    const loaded = await loadSnapshotData(dataSource, snapshot);
    expect(sorted(loaded)).toEqual(sorted(data));
    // One string per repeated title, and a position's responsibilities share its id's string.
    const builds = loaded.responsibilities.filter((responsibility) => responsibility.title === 'Build features');
    expect(builds.length).toBeGreaterThan(1000);
    expect(new Set(builds.map((responsibility) => responsibility.title)).size).toBe(1);
  });

  it('refuses an id that is not a UUID instead of putting it into the statement', async () => {
    const snapshot = { id: "x' OR true --", organizationId: 'o', asOf: '2026-01-01' } as never;
    await expect(loadSnapshotData(dataSource, snapshot)).rejects.toThrow(/not a snapshot id/);
  });
});
