import { DataSource } from 'typeorm';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PEOPLE = [
  'Employee ID,Full Name,Job Title,Supervisor ID,Department',
  'A1,Ada Lovelace,Chief Executive Officer,,Board',
  'B1,Grace Hopper,VP Engineering,A1,Engineering',
  'C1,Alan Turing,Software Engineer,B1,Engineering',
  'C2,Edsger Dijkstra,Software Engineer,B1,Engineering',
].join('\n');

// "Look after the Henley relationship" fits more than one level: the classifier abstains. The three
// spellings differ only in case, spacing and punctuation, so they are one wording to review.
// "Deal with Henley" it places, but with less confidence than the queue's 0.8.
const RESPONSIBILITIES = [
  'employee_id,responsibility,value_level,share',
  'A1,Set the company strategy,LEADERSHIP,100',
  'B1,Look after the Henley relationship,,40',
  'B1,Set the engineering strategy,LEADERSHIP,60',
  'C1,look after the  Henley relationship.,,20',
  'C1,Write production code for the payments API,,70',
  'C1,Deal with Henley,,10',
  'C2,Look after the Henley Relationship,,30',
  'C2,😀😀,,10',
  'C2,Fix bugs in the billing service,,60',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities) {
    ok snapshotVersion errors { message } warnings { code message }
  }
}`;

const QUEUE = `query($s: ID!) { classificationQueue(snapshotId: $s) {
  snapshotId responsibilityCount unclassifiedCount lowConfidenceCount groupCount
  groups { key text count vacantCount totalSharePct level suggestedLevel confidence runnerUp runnerUpConfidence
           decidingWords reason reasonText samplePositions { employeeId name title sharePct } }
} }`;

const CONFIRM = `mutation($s: ID!, $c: [ValueLevelConfirmationInput!]!) {
  confirmValueLevels(snapshotId: $s, confirmations: $c) { confirmed overrides remaining }
}`;

interface Group {
  key: string;
  text: string;
  count: number;
  level: string;
  suggestedLevel: string | null;
  confidence: number;
  runnerUp: string | null;
  decidingWords: string[];
  reason: string | null;
  reasonText: string;
  samplePositions: { employeeId: string | null; name: string | null }[];
}

describe('the review queue over GraphQL (PostgreSQL)', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let organizationId: string;
  let firstSnapshot: string;

  const importFiles = async (people: string, responsibilities: string) => {
    const result = await api.upload<{
      result: { ok: boolean; errors: unknown[]; warnings: { code: string; message: string }[] };
    }>(
      IMPORT,
      { org: 'Analytical Engines', people: null, responsibilities: null },
      { people: { name: 'people.csv', content: people }, responsibilities: { name: 'duties.csv', content: responsibilities } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result).toMatchObject({ ok: true, errors: [] });
    const orgs = await api.graphql<{ organizations: { id: string; latestSnapshot: { id: string } }[] }>(
      '{ organizations { id latestSnapshot { id } } }',
    );
    organizationId = orgs.data!.organizations[0].id;
    return { snapshotId: orgs.data!.organizations[0].latestSnapshot.id, warnings: result.data!.result.warnings };
  };
  const queueOf = async (snapshotId: string) => {
    const result = await api.graphql<{
      classificationQueue: {
        responsibilityCount: number;
        unclassifiedCount: number;
        lowConfidenceCount: number;
        groupCount: number;
        groups: Group[];
      };
    }>(QUEUE, { s: snapshotId });
    expect(result.errors).toBeUndefined();
    return result.data!.classificationQueue;
  };
  const unclassifiedCountOf = async (snapshotId: string) => {
    const result = await api.graphql<{ analysisSummary: { unclassifiedCount: number } }>(
      'query($s: ID!) { analysisSummary(snapshotId: $s) { unclassifiedCount } }',
      { s: snapshotId },
    );
    return result.data!.analysisSummary.unclassifiedCount;
  };

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    dataSource = api.app.get(DataSource);
    ({ snapshotId: firstSnapshot } = await importFiles(PEOPLE, RESPONSIBILITIES));
  });
  afterAll(() => api?.close());

  it('lists every responsibility awaiting review, grouped by its normalised wording, with what decided it', async () => {
    const queue = await queueOf(firstSnapshot);
    expect(queue).toMatchObject({ responsibilityCount: 5, unclassifiedCount: 4, lowConfidenceCount: 1, groupCount: 3 });
    const [henley, deal, emoji] = queue.groups;
    expect(deal).toMatchObject({ text: 'Deal with Henley', count: 1, level: 'IMPLEMENTATION', reason: null });
    expect(deal.reasonText).toMatch(/^classified IMPLEMENTATION with only \d+% confidence$/);
    expect(henley).toMatchObject({ text: 'Look after the Henley relationship', count: 3, level: 'UNCLASSIFIED' });
    expect(henley.suggestedLevel).toEqual(expect.any(String));
    expect(henley.runnerUp).toEqual(expect.any(String));
    expect(henley.runnerUp).not.toBe(henley.suggestedLevel);
    expect(henley.reasonText).toMatch(/fits more than one level|too few of its words/);
    expect(henley.samplePositions.map((sample) => sample.name)).toEqual(['Grace Hopper', 'Alan Turing', 'Edsger Dijkstra']);
    expect(emoji).toMatchObject({ text: '😀😀', suggestedLevel: null, reason: 'NO_WORDS', reasonText: 'the text has no words' });
    expect(await unclassifiedCountOf(firstSnapshot)).toBe(4);
  });

  it('refuses confirmations it cannot apply, naming the field, and writes nothing', async () => {
    const unknown = await api.graphql(CONFIRM, {
      s: firstSnapshot,
      c: [{ key: 'write the board pack', level: 'COMMUNICATION' }],
    });
    expect(unknown.errors?.[0].message).toMatch(
      /confirmations\.key: "write the board pack" is not in this snapshot's review queue/,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const none = await api.graphql(CONFIRM, { s: firstSnapshot, c: [] });
    expect(none.errors?.[0].message).toMatch(/confirmations: give at least one wording/);
    const { groups } = await queueOf(firstSnapshot);
    const twice = await api.graphql(CONFIRM, {
      s: firstSnapshot,
      c: [
        { key: groups[0].key, level: 'COMMUNICATION' },
        { key: groups[0].key, level: 'LEADERSHIP' },
      ],
    });
    expect(twice.errors?.[0].message).toMatch(/is given twice/);
    const badLevel = await api.graphql(CONFIRM, { s: firstSnapshot, c: [{ key: groups[0].key, level: 'UNCLASSIFIED' }] });
    expect(badLevel.errors?.[0].message).toMatch(/ValueLevel/);
    expect(await dataSource.query('SELECT * FROM classification_override')).toEqual([]);
    expect(await dataSource.query('SELECT * FROM confirmed_wording')).toEqual([]);
  });

  it('confirms a wording for every holder: per-person overrides in the history, the wording remembered, the queue shorter', async () => {
    const [henley, deal, emoji] = (await queueOf(firstSnapshot)).groups;
    const confirmed = await api.graphql<{ confirmValueLevels: { confirmed: number; overrides: number; remaining: number } }>(
      CONFIRM,
      { s: firstSnapshot, c: [{ key: henley.key, level: 'COMMUNICATION' }] },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmValueLevels).toEqual({ confirmed: 1, overrides: 3, remaining: 2 });

    const after = await queueOf(firstSnapshot);
    expect(after.groups.map((group) => group.key)).toEqual([deal.key, emoji.key]);
    expect(await unclassifiedCountOf(firstSnapshot)).toBe(1);
    const overrides = await dataSource.query(
      `SELECT kind, value, created_by FROM classification_override WHERE organization_id = $1`,
      [organizationId],
    );
    expect(overrides).toEqual(Array(3).fill({ kind: 'VALUE_LEVEL', value: 'COMMUNICATION', created_by: 'Test Owner' }));
    expect(await dataSource.query('SELECT text_key, value_level FROM confirmed_wording')).toEqual([
      { text_key: henley.key, value_level: 'COMMUNICATION' },
    ]);
    // The findings see it: Grace's time on the account is communication now.
    const grace = await api.graphql<{
      person: { position: { mix: { actual: { communication: number }; unclassifiedPct: number } } };
    }>(
      `query($s: ID!) { person(snapshotId: $s, employeeId: "B1") {
         position { mix { actual { communication } unclassifiedPct } } } }`,
      { s: firstSnapshot },
    );
    expect(grace.errors).toBeUndefined();
    expect(grace.data!.person.position.mix).toEqual({ actual: { communication: 40 }, unclassifiedPct: 0 });

    // Text without words has no wording to remember: only the per-person override is written.
    const emojiConfirmed = await api.graphql<{ confirmValueLevels: { overrides: number; remaining: number } }>(CONFIRM, {
      s: firstSnapshot,
      c: [{ key: emoji.key, level: 'IMPLEMENTATION' }],
    });
    expect(emojiConfirmed.data!.confirmValueLevels).toMatchObject({ overrides: 1, remaining: 1 });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM confirmed_wording')).toEqual([{ n: 1 }]);
  });

  it('carries confirmations to the next snapshot, and classifies the same wording of a newcomer as confirmed', async () => {
    const people = `${PEOPLE}\nC3,Barbara Liskov,Software Engineer,B1,Engineering`;
    const responsibilities = `${RESPONSIBILITIES}\nC3,LOOK AFTER THE HENLEY RELATIONSHIP,,50\nC3,Fix bugs in the billing service,,50`;
    const { snapshotId: second } = await importFiles(people, responsibilities);
    expect(second).not.toBe(firstSnapshot);
    const stored = await dataSource.query(
      `SELECT r.title, r.value_level, r.classification_confidence FROM responsibility r
       WHERE r.snapshot_id = $1 AND r.title = 'LOOK AFTER THE HENLEY RELATIONSHIP'`,
      [second],
    );
    expect(stored).toEqual([
      { title: 'LOOK AFTER THE HENLEY RELATIONSHIP', value_level: 'COMMUNICATION', classification_confidence: 1 },
    ]);
    const queue = await queueOf(second);
    // Only the low-confidence wording nobody confirmed is left.
    expect(queue.groups.map((group) => [group.text, group.count])).toEqual([['Deal with Henley', 1]]);
    expect(await unclassifiedCountOf(second)).toBe(0);
  });
});
