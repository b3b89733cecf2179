import { randomUUID } from 'node:crypto';
import type { SnapshotData } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { OrganizationEntity, lockOrganization } from '@rolemap/server-core';
import { writeSnapshot } from '@rolemap/server-imports';

/**
 * A small, hand-made chart: a CEO, `managers` managers under them and `perManager` engineers
 * under each manager, every person with two responsibilities.
 */
export function smallSnapshot(organizationId: string, managers = 3, perManager = 4): SnapshotData {
  const snapshotId = randomUUID();
  const data: SnapshotData = {
    organizationId,
    snapshotId,
    asOf: '2026-11-01',
    people: [],
    positions: [],
    assignments: [],
    responsibilities: [],
  };
  const add = (
    externalId: string,
    name: string,
    title: string,
    tier: 'IC' | 'MANAGER' | 'EXECUTIVE',
    reportsToId: string | null,
  ) => {
    const positionId = randomUUID();
    const personId = randomUUID();
    data.positions.push({
      id: positionId,
      externalId,
      title,
      department: 'Engineering',
      location: 'Leeds',
      tier,
      tierSource: 'TITLE',
      fte: 1,
      reportsToId,
      vacant: false,
    });
    data.people.push({
      id: personId,
      employeeId: externalId,
      name,
      email: `${externalId.toLowerCase()}@example.com`,
      hireDate: '2020-01-15',
    });
    data.assignments.push({
      personId,
      positionId,
      roleStartDate: '2022-03-01',
      previousTitle: null,
      lastPromotionDate: null,
      performanceRating: 4,
    });
    data.responsibilities.push(
      {
        id: randomUUID(),
        positionId,
        title: `Plan work for ${name}`,
        description: null,
        valueLevel: 'UNIFICATION',
        valueLevelSource: 'GIVEN',
        classificationConfidence: 1,
        sharePct: 30,
        heldSince: null,
      },
      {
        id: randomUUID(),
        positionId,
        title: 'Build features',
        description: 'tab\there, newline\nthere, back\\slash',
        valueLevel: 'IMPLEMENTATION',
        valueLevelSource: 'GIVEN',
        classificationConfidence: 1,
        sharePct: 60,
        heldSince: '2021-01-01',
      },
    );
    return positionId;
  };
  const ceo = add('E001', 'Ada Chief', 'Chief Executive Officer', 'EXECUTIVE', null);
  for (let m = 1; m <= managers; m++) {
    const manager = add(`E1${m}0`, `Manager ${m}`, 'Engineering Manager', 'MANAGER', ceo);
    for (let e = 1; e <= perManager; e++) add(`E1${m}${e}`, `Engineer ${m}.${e}`, 'Software Engineer', 'IC', manager);
  }
  return data;
}

export async function seedSmallOrganization(dataSource: DataSource, name: string, useCopy: boolean) {
  const organization = await dataSource.getRepository(OrganizationEntity).save({ name });
  const data = smallSnapshot(organization.id);
  const snapshot = await dataSource.transaction(async (manager) => {
    await lockOrganization(manager, organization.id);
    return writeSnapshot(manager, useCopy, data, {
      label: 'test',
      asOf: data.asOf,
      sourceFileName: 'test.csv',
      contentHash: 'hash-1',
    });
  });
  return { organization, snapshot, data };
}
