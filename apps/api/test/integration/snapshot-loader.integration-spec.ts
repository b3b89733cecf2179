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
  });

  it('refuses an id that is not a UUID instead of putting it into the statement', async () => {
    const snapshot = { id: "x' OR true --", organizationId: 'o', asOf: '2026-01-01' } as never;
    await expect(loadSnapshotData(dataSource, snapshot)).rejects.toThrow(/not a snapshot id/);
  });
});
