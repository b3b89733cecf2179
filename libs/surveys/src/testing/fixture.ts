import type { SnapshotData } from '@rolemap/domain';
import type { SurveyActivity } from '../survey-types';

/** CEO C1; managers M1 (Engineering, 6 reports) and M2 (Sales, 2 reports, one post vacant). */
export function baseSnapshot(): SnapshotData {
  const data: SnapshotData = {
    organizationId: 'org',
    snapshotId: 'base',
    asOf: '2026-06-01',
    people: [],
    positions: [],
    assignments: [],
    responsibilities: [],
  };
  const add = (id: string, title: string, department: string, reportsTo: string | null, vacant = false) => {
    data.positions.push({
      id: `pos-${id}`,
      externalId: id,
      title,
      department,
      location: null,
      tier: reportsTo === null ? 'EXECUTIVE' : id.startsWith('M') ? 'MANAGER' : 'IC',
      tierSource: 'TITLE',
      fte: 1,
      reportsToId: reportsTo ? `pos-${reportsTo}` : null,
      vacant,
    });
    if (vacant) return;
    data.people.push({ id: `per-${id}`, employeeId: id, name: `Person ${id}`, email: `${id}@x.test`, hireDate: null });
    data.assignments.push({
      personId: `per-${id}`,
      positionId: `pos-${id}`,
      roleStartDate: '2024-01-01',
      previousTitle: null,
      lastPromotionDate: null,
      performanceRating: 3,
    });
    data.responsibilities.push({
      id: `r-${id}`,
      positionId: `pos-${id}`,
      title: 'Old duty',
      description: null,
      valueLevel: 'IMPLEMENTATION',
      valueLevelSource: 'GIVEN',
      classificationConfidence: 1,
      sharePct: 100,
      heldSince: '2025-01-01',
    });
  };
  add('C1', 'Chief Executive Officer', 'Board', null);
  add('M1', 'Engineering Manager', 'Engineering', 'C1');
  for (let i = 1; i <= 6; i++) add(`E${i}`, 'Software Engineer', 'Engineering', 'M1');
  add('M2', 'Sales Manager', 'Sales', 'C1');
  add('S1', 'Account Executive', 'Sales', 'M2');
  add('VAC-1', 'Account Executive', 'Sales', 'M2', true);
  return data;
}

export const ACTIVITIES = new Map<string, SurveyActivity>(
  [
    { id: 'code', label: 'Write code', valueLevel: 'IMPLEMENTATION', functionName: 'Engineering' },
    { id: 'plan', label: 'Plan the team’s work', valueLevel: 'UNIFICATION', functionName: 'Management' },
    { id: 'report', label: 'Report upward', valueLevel: 'COMMUNICATION', functionName: 'Management' },
    { id: 'strategy', label: 'Set strategy', valueLevel: 'LEADERSHIP', functionName: 'Management' },
  ].map((activity) => [activity.id, activity as SurveyActivity]),
);
