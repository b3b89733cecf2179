import { type Caller, DictionaryService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { starterDictionary } from '@rolemap/dictionary';
import { DataSource } from 'typeorm';
import { type DemoTestApp, startTestAppWithDemo } from '../support/test-app';

/** The service API the survey campaigns build on: versions, activities, lookups, edits, imports (PostgreSQL). */
describe('the activity dictionary service (PostgreSQL)', () => {
  let demo: DemoTestApp;
  let dictionary: DictionaryService;
  let dataSource: DataSource;
  const starterActivities = starterDictionary().filter((entry) => entry.kind === 'ACTIVITY');

  beforeAll(async () => {
    demo = await startTestAppWithDemo();
    dictionary = demo.api.app.get(DictionaryService);
    dataSource = demo.api.app.get(DataSource);
  });
  afterAll(() => demo?.api.close());

  const viewer = (): Caller => ({
    id: 'viewer-account',
    displayName: 'A Viewer',
    organizationIds: [demo.organizationId],
    memberships: [{ organizationId: demo.organizationId, role: 'VIEWER', personExternalId: null }],
    via: 'session',
  });
  const outsider: Caller = { ...LOCAL_OPERATOR, id: 'outsider', organizationIds: [], memberships: [], via: 'session' };

  it('gives the demo organization its own copy of the starter dictionary as version 1', async () => {
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    expect(current).toMatchObject({ version: 1, source: 'STARTER', activityCount: starterActivities.length });
    const activities = await dictionary.activities(viewer(), current.id);
    expect(activities).toHaveLength(starterActivities.length);
    expect(activities[0]).toMatchObject({
      versionId: current.id,
      key: 'ENG-01-01',
      label: starterActivities[0].label,
      valueLevel: 'IMPLEMENTATION',
      levelSource: 'CONFIRMED',
      processKey: 'ENG-01',
      functionKey: 'ENG',
      functionLabel: 'Engineering',
    });
    // Seeding again keeps the copy.
    expect((await dictionary.copyStarter(LOCAL_OPERATOR, demo.organizationId)).created).toBe(false);
  });

  it('looks activities up by id, only within the caller’s organizations', async () => {
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    const [first, second] = await dictionary.activities(LOCAL_OPERATOR, current.id);
    const found = await dictionary.activitiesByIds(viewer(), [
      first.id,
      second.id,
      'not-a-uuid',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect([...found.keys()]).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(found.size).toBe(2);
    expect(found.get(second.id)).toEqual(second);
    expect((await dictionary.activitiesByIds(outsider, [first.id])).size).toBe(0);
    await expect(dictionary.activity(outsider, first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(dictionary.version(outsider, current.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('publishes every edit as a new version and leaves the earlier one as it was', async () => {
    const v1 = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    const before = await dictionary.activities(LOCAL_OPERATOR, v1.id);
    const v2 = await dictionary.edit(LOCAL_OPERATOR, demo.organizationId, v1.id, [
      { kind: 'UPDATE', key: 'ENG-01-01', label: 'Write and ship code for new features', valueLevel: 'IMPLEMENTATION' },
      { kind: 'ADD', parentKey: 'MGT-01', label: 'Run skip-level meetings', valueLevel: 'UNIFICATION' },
      { kind: 'REMOVE', key: 'LEG-03' },
    ]);
    expect(v2).toMatchObject({ version: 2, source: 'EDIT' });
    expect(v2.summary).toContain('Changed the label and level of ENG-01-01');
    const after = await dictionary.activities(LOCAL_OPERATOR, v2.id);
    expect(after.find((activity) => activity.key === 'ENG-01-01')?.label).toBe('Write and ship code for new features');
    expect(after.find((activity) => activity.label === 'Run skip-level meetings')).toMatchObject({
      key: 'MGT-01-09',
      levelSource: 'CONFIRMED',
    });
    expect(after.some((activity) => activity.processKey === 'LEG-03')).toBe(false);
    expect(await dictionary.activities(LOCAL_OPERATOR, v1.id)).toEqual(before);

    // An editor who loaded version 1 is told the dictionary moved on; nothing is published.
    await expect(
      dictionary.edit(LOCAL_OPERATOR, demo.organizationId, v1.id, [{ kind: 'REMOVE', key: 'ENG' }]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!.id).toBe(v2.id);

    const [entry] = await dataSource.query(
      "SELECT target, details FROM audit_log WHERE action = 'dictionary-edit' AND organization_id = $1 ORDER BY at DESC LIMIT 1",
      [demo.organizationId],
    );
    expect(entry.target).toBe('dictionary v2');
    expect(entry.details.changes).toHaveLength(3);
  });

  it('suggests a level for a new activity without one, marked for HR to confirm', async () => {
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    const next = await dictionary.edit(LOCAL_OPERATOR, demo.organizationId, current.id, [
      { kind: 'ADD', parentKey: 'MGT-05', label: 'Set the company strategy for the next three years' },
    ]);
    const added = (await dictionary.activities(LOCAL_OPERATOR, next.id)).find((activity) =>
      activity.label.startsWith('Set the company'),
    );
    expect(added).toMatchObject({ valueLevel: 'LEADERSHIP', levelSource: 'SUGGESTED' });
    const confirmed = await dictionary.edit(LOCAL_OPERATOR, demo.organizationId, next.id, [
      { kind: 'UPDATE', key: added!.key, valueLevel: 'LEADERSHIP' },
    ]);
    expect((await dictionary.activities(LOCAL_OPERATOR, confirmed.id)).find((a) => a.key === added!.key)?.levelSource).toBe(
      'CONFIRMED',
    );
  });

  it('refuses bad edits with a clear message and publishes nothing', async () => {
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    const cases: [Parameters<DictionaryService['edit']>[3], string, RegExp][] = [
      [[{ kind: 'UPDATE', key: 'ENG-01-01', label: '  ' }], 'BAD_USER_INPUT', /needs a label/],
      [[{ kind: 'UPDATE', key: 'NOPE', label: 'x' }], 'NOT_FOUND', /no entry "NOPE"/],
      [
        [{ kind: 'ADD', parentKey: 'ENG-01-01', label: 'Child of an activity', valueLevel: 'IMPLEMENTATION' }],
        'BAD_USER_INPUT',
        /activities have no children/,
      ],
      [
        [{ kind: 'ADD', parentKey: 'ENG-01', key: 'ENG-01-01', label: 'Same id', valueLevel: 'IMPLEMENTATION' }],
        'BAD_USER_INPUT',
        /already used/,
      ],
      [[{ kind: 'UPDATE', key: 'ENG', valueLevel: 'LEADERSHIP' }], 'BAD_USER_INPUT', /only activities have a level/],
      [[{ kind: 'UPDATE', key: 'ENG-01-01', valueLevel: 'STRATEGIC' as never }], 'BAD_USER_INPUT', /not one of IMPLEMENTATION/],
    ];
    for (const [changes, code, message] of cases) {
      await expect(dictionary.edit(LOCAL_OPERATOR, demo.organizationId, current.id, changes)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
    await expect(
      dictionary.edit(viewer(), demo.organizationId, current.id, [{ kind: 'REMOVE', key: 'ENG' }]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!.id).toBe(current.id);
  });

  it('keeps published versions immutable in the database itself', async () => {
    // The refused statements are logged as failed queries; that is the point here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    await expect(
      dataSource.query("UPDATE dictionary_entry SET label = 'changed' WHERE version_id = $1", [current.id]),
    ).rejects.toThrow(/never change/);
    await expect(dataSource.query("UPDATE dictionary_version SET summary = 'x' WHERE id = $1", [current.id])).rejects.toThrow(
      /never change/,
    );
    quiet.mockRestore();
  });

  it('imports a file as the next version; a bad file changes nothing and names its rows', async () => {
    const current = (await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!;
    const bad = [
      'id,parent_id,label,description,level',
      'S,,Sales,,',
      'S-1,S,Deals,,',
      'S-1-1,S-1,Run demos,,IMPLEMENTATION',
      'S-1-1,S-1,Again,,IMPLEMENTATION',
      'S-1-2,S-9,Orphan,,IMPLEMENTATION',
      'S-1-3,S-1,,,IMPLEMENTATION',
      'S-1-4,S-1,Odd level,,SOMETIMES',
      'C1,C2,Loop,,',
      'C2,C1,Loop back,,',
    ].join('\n');
    const refused = await dictionary.importFile(LOCAL_OPERATOR, demo.organizationId, {
      fileName: 'bad.csv',
      data: Buffer.from(bad),
    });
    expect(refused.version).toBeNull();
    expect(refused.errors.map((issue) => [issue.code, issue.row])).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_ID', 5],
        ['UNKNOWN_PARENT', 6],
        ['EMPTY_LABEL', 7],
        ['UNKNOWN_LEVEL', 8],
        ['CYCLE', 9],
      ]),
    );
    expect((await dictionary.currentVersion(LOCAL_OPERATOR, demo.organizationId))!.id).toBe(current.id);

    const good = [
      'id,parent_id,label,description,level',
      'S,,Sales,,',
      'S-1,S,Deals,,',
      'S-1-1,S-1,Run product demos for prospects,,',
    ].join('\n');
    const dry = await dictionary.importFile(
      LOCAL_OPERATOR,
      demo.organizationId,
      { fileName: 'good.csv', data: Buffer.from(good) },
      { dryRun: true },
    );
    expect(dry).toMatchObject({ version: null, dryRun: true, errors: [], activityCount: 1, suggestedCount: 1 });
    const imported = await dictionary.importFile(LOCAL_OPERATOR, demo.organizationId, {
      fileName: 'good.csv',
      data: Buffer.from(good),
    });
    expect(imported.version).toMatchObject({ version: current.version + 1, source: 'IMPORT', activityCount: 1 });
    const again = await dictionary.importFile(LOCAL_OPERATOR, demo.organizationId, {
      fileName: 'good.csv',
      data: Buffer.from(good),
    });
    expect(again).toMatchObject({ version: null, unchanged: true });

    const exported = await dictionary.exportFile(viewer(), imported.version!.id, 'csv');
    expect(exported.fileName).toMatch(/-dictionary-v\d+\.csv$/);
    expect(exported.data.toString('utf8')).toContain('S-1-1,S-1,Run product demos for prospects,,IMPLEMENTATION');
  });
});
