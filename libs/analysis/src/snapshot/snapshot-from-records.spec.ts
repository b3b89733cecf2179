import type { PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import { createClassifier } from '../classify/classify-responsibility';
import { confirmedTextKey } from '../classify/nlp/normalise-statement';
import { responsibilityKey } from './responsibility-key';
import { SnapshotBuildError, classifiedTextOf, snapshotFromRecords, streamedSnapshotFromRecords } from './snapshot-from-records';

function personRecord(employeeId: string, overrides: Partial<PeopleRecord> = {}): PeopleRecord {
  return {
    rowNumber: 2,
    employeeId,
    name: `Person ${employeeId}`,
    title: 'Engineer',
    managerId: null,
    department: 'Engineering',
    location: 'Lisbon',
    email: `${employeeId}@example.com`,
    hireDate: '2020-01-01',
    roleStartDate: '2021-01-01',
    previousTitle: null,
    lastPromotionDate: null,
    performanceRating: 3,
    fte: 1,
    vacant: false,
    ...overrides,
  };
}

function work(employeeId: string, responsibility: string, overrides: Partial<ResponsibilityRecord> = {}): ResponsibilityRecord {
  return {
    rowNumber: 2,
    employeeId,
    responsibility,
    description: null,
    valueLevel: null,
    sharePct: 20,
    since: null,
    ...overrides,
  };
}

const options = () => {
  let next = 0;
  return { organizationId: 'org', snapshotId: 'snap', asOf: '2025-12-01', newId: () => `id-${++next}` };
};

describe('snapshotFromRecords', () => {
  const people = [
    personRecord('E1', { title: 'CEO', name: 'Ana Ruiz' }),
    personRecord('E2', { title: 'Senior Engineer', managerId: 'E1', fte: null }),
    personRecord('E3', { title: 'Engineer', managerId: 'E2', lastPromotionDate: '2024-05-01', performanceRating: 5 }),
    personRecord('V1', { title: 'Head of Sales', managerId: 'E1', name: 'Vacant', vacant: true }),
  ];

  it('turns dotted-line managers into position ids, and leaves positions without them as they were', () => {
    const dotted = [...people.slice(0, 3), personRecord('E4', { managerId: 'E2', dottedLineManagerIds: ['E1', 'E3'] })];
    const snapshot = snapshotFromRecords(dotted, [], options());
    const byExternal = new Map(snapshot.positions.map((p) => [p.externalId, p]));
    expect(byExternal.get('E4')?.dottedLineManagerIds).toEqual([byExternal.get('E1')?.id, byExternal.get('E3')?.id]);
    expect('dottedLineManagerIds' in byExternal.get('E3')!).toBe(false);
    expect(() => snapshotFromRecords([personRecord('E1', { dottedLineManagerIds: ['E9'] })], [], options())).toThrow(
      SnapshotBuildError,
    );
  });

  it('creates one position per record, keyed by employee id, with the manager resolved', () => {
    const snapshot = snapshotFromRecords(people, [], options());
    expect(snapshot.positions.map((p) => p.externalId)).toEqual(['E1', 'E2', 'E3', 'V1']);
    const byExternal = new Map(snapshot.positions.map((p) => [p.externalId, p]));
    expect(byExternal.get('E1')?.reportsToId).toBeNull();
    expect(byExternal.get('E2')?.reportsToId).toBe(byExternal.get('E1')?.id);
    expect(byExternal.get('E3')?.reportsToId).toBe(byExternal.get('E2')?.id);
    expect(byExternal.get('E2')?.fte).toBe(1);
    expect(snapshot).toEqual(expect.objectContaining({ organizationId: 'org', snapshotId: 'snap', asOf: '2025-12-01' }));
  });

  it('gives filled posts a person and an assignment carrying the HR dates and rating', () => {
    const snapshot = snapshotFromRecords(people, [], options());
    expect(snapshot.people.map((p) => p.employeeId)).toEqual(['E1', 'E2', 'E3']);
    const e3 = snapshot.people.find((p) => p.employeeId === 'E3')!;
    const assignment = snapshot.assignments.find((a) => a.personId === e3.id)!;
    expect(assignment).toEqual(
      expect.objectContaining({ lastPromotionDate: '2024-05-01', performanceRating: 5, roleStartDate: '2021-01-01' }),
    );
    expect(snapshot.positions.find((p) => p.id === assignment.positionId)?.externalId).toBe('E3');
  });

  it('keeps a vacant post as a position with nobody in it', () => {
    const snapshot = snapshotFromRecords(people, [], options());
    const vacant = snapshot.positions.find((p) => p.externalId === 'V1')!;
    expect(vacant.vacant).toBe(true);
    expect(snapshot.assignments.some((a) => a.positionId === vacant.id)).toBe(false);
    expect(snapshot.people.some((p) => p.employeeId === 'V1')).toBe(false);
  });

  it('infers tiers from titles and structure, and applies HR tier overrides by employee id', () => {
    const snapshot = snapshotFromRecords(people, [], { ...options(), tierOverrides: new Map([['E3', 'MANAGER' as const]]) });
    const tierOf = (id: string) => snapshot.positions.find((p) => p.externalId === id);
    expect(tierOf('E1')).toEqual(expect.objectContaining({ tier: 'EXECUTIVE', tierSource: 'TITLE' }));
    expect(tierOf('E2')).toEqual(expect.objectContaining({ tier: 'MANAGER', tierSource: 'STRUCTURE' }));
    expect(tierOf('E3')).toEqual(expect.objectContaining({ tier: 'MANAGER', tierSource: 'OVERRIDE' }));
    expect(tierOf('V1')).toEqual(expect.objectContaining({ tier: 'DIRECTOR', tierSource: 'TITLE' }));
  });

  it('takes value levels from HR overrides, then the file, then the classifier', () => {
    const snapshot = snapshotFromRecords(
      people,
      [
        work('E2', 'Sprint planning'),
        work('E2', 'Code reviews', { valueLevel: 'LEADERSHIP', since: '2020-02-01' }),
        work('E2', '  Team   Budget ', { valueLevel: 'UNIFICATION' }),
        work('E3', 'Q3 walkthroughs', { description: 'Present the findings to the board' }),
      ],
      { ...options(), levelOverrides: new Map([[responsibilityKey('E2', 'team budget'), 'LEADERSHIP' as const]]) },
    );
    const [planning, reviews, budget, walkthroughs] = snapshot.responsibilities;
    expect(planning).toEqual(expect.objectContaining({ valueLevel: 'UNIFICATION', valueLevelSource: 'CLASSIFIED' }));
    expect(planning.classificationConfidence).toBeGreaterThan(0.3);
    expect(planning.classificationConfidence).toBeLessThanOrEqual(1);
    expect(reviews).toEqual(
      expect.objectContaining({
        valueLevel: 'LEADERSHIP',
        valueLevelSource: 'GIVEN',
        classificationConfidence: 1,
        heldSince: '2020-02-01',
        sharePct: 20,
      }),
    );
    expect(budget).toEqual(
      expect.objectContaining({
        title: 'Team   Budget',
        valueLevel: 'LEADERSHIP',
        valueLevelSource: 'OVERRIDE',
        classificationConfidence: 1,
      }),
    );
    // The description is read too when the title alone says nothing.
    expect(walkthroughs).toEqual(expect.objectContaining({ valueLevel: 'COMMUNICATION', valueLevelSource: 'CLASSIFIED' }));
    const e2Position = snapshot.positions.find((p) => p.externalId === 'E2')!;
    expect(planning.positionId).toBe(e2Position.id);
  });

  it('stores UNCLASSIFIED, with the likeliest level’s probability, where the classifier abstains', () => {
    const snapshot = snapshotFromRecords(people, [work('E2', ''), work('E2', 'Sprint planning')], {
      ...options(),
      classifier: createClassifier({ commitThreshold: 0.999 }),
    });
    const [empty, planning] = snapshot.responsibilities;
    expect(empty).toEqual(
      expect.objectContaining({ valueLevel: 'UNCLASSIFIED', valueLevelSource: 'CLASSIFIED', classificationConfidence: 0 }),
    );
    expect(planning).toEqual(expect.objectContaining({ valueLevel: 'UNCLASSIFIED', valueLevelSource: 'CLASSIFIED' }));
    expect(planning.classificationConfidence).toBeGreaterThan(0.3);
  });

  it('classifies with the classifier it is given, so an organization’s confirmed wording is remembered', () => {
    const classifier = createClassifier({
      confirmed: new Map([[confirmedTextKey('Look after Henley'), 'COMMUNICATION' as const]]),
    });
    const snapshot = snapshotFromRecords(people, [work('E2', 'Look after Henley')], { ...options(), classifier });
    expect(snapshot.responsibilities[0]).toEqual(
      expect.objectContaining({ valueLevel: 'COMMUNICATION', valueLevelSource: 'CLASSIFIED', classificationConfidence: 1 }),
    );
  });

  it('reads the title alone when title and description together are too long to classify', () => {
    expect(classifiedTextOf('Run payroll', 'Every month')).toBe('Run payroll\nEvery month');
    expect(classifiedTextOf('Run payroll', 'x'.repeat(3000))).toBe('Run payroll');
    expect(classifiedTextOf('Run payroll', null)).toBe('Run payroll');
  });

  it('uses random UUIDs by default', () => {
    const snapshot = snapshotFromRecords(people.slice(0, 1), [], { organizationId: 'o', snapshotId: 's', asOf: '2025-01-01' });
    expect(snapshot.positions[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(snapshot.people[0].id).not.toBe(snapshot.positions[0].id);
  });

  it('refuses records that contradict each other instead of guessing', () => {
    expect(() => snapshotFromRecords([personRecord('E1'), personRecord('E1')], [], options())).toThrow(SnapshotBuildError);
    expect(() => snapshotFromRecords([personRecord('E1', { managerId: 'E9' })], [], options())).toThrow(/unknown manager E9/);
    expect(() => snapshotFromRecords([personRecord('E1', { managerId: 'E1' })], [], options())).toThrow(/themselves/);
    expect(() => snapshotFromRecords([personRecord('E1')], [work('E7', 'Code')], options())).toThrow(/unknown employee E7/);
  });
});

describe('responsibilityKey', () => {
  it('ignores case and spacing in the title', () => {
    expect(responsibilityKey('E1', '  Code   Reviews ')).toBe('E1:code reviews');
    expect(responsibilityKey(' E1 ', 'code reviews')).toBe(responsibilityKey('E1', 'Code\tReviews'));
    expect(responsibilityKey('E1', 'Code reviews')).not.toBe(responsibilityKey('E2', 'Code reviews'));
  });
});

describe('streamedSnapshotFromRecords', () => {
  const people = [
    personRecord('E1', { title: 'CEO' }),
    personRecord('E2', { title: 'Engineer', managerId: 'E1' }),
    personRecord('V1', { title: 'Analyst', managerId: 'E1', name: 'Vacant', vacant: true }),
  ];
  const responsibilities = [
    work('E1', 'Set the company strategy', { valueLevel: 'LEADERSHIP', since: '2020-01-01' }),
    work('E2', 'Write production code', { description: 'For the billing service', sharePct: 12.5 }),
    work('E2', 'Review pull requests'),
  ];

  it('builds the same snapshot as snapshotFromRecords, responsibilities only when read', () => {
    const whole = snapshotFromRecords(people, responsibilities, options());
    const streamed = streamedSnapshotFromRecords(people, responsibilities, options());
    expect(streamed.positions).toEqual(whole.positions);
    expect(streamed.people).toEqual(whole.people);
    expect(streamed.assignments).toEqual(whole.assignments);
    expect(streamed.responsibilityCount).toBe(3);
    expect([...streamed.responsibilities()]).toEqual(whole.responsibilities);
  });

  it('reports a responsibility of an unknown employee when it is reached', () => {
    const streamed = streamedSnapshotFromRecords(people, [work('X9', 'Orphaned work')], options());
    expect(() => [...streamed.responsibilities()]).toThrow(SnapshotBuildError);
  });
});
