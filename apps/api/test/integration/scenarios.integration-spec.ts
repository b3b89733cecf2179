import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { type GraphqlResult, resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PEOPLE_V1 = [
  'Employee ID,Full Name,Job Title,Supervisor ID,Department',
  'A1,Ada Chief,Chief Executive Officer,,Board',
  'D1,Dana Reyes,Director of Engineering,A1,Engineering',
  'E1,Ann Busy,Software Engineer,D1,Engineering',
  'E2,Sam Lee,Senior Engineer,D1,Engineering',
  'E3,Kim Free,Software Engineer,D1,Engineering',
  'D2,Pat Other,Director of Sales,A1,Sales',
  'S1,Sal Seller,Account Executive,D2,Sales',
].join('\n');

const WORK_V1 = [
  'employee_id,responsibility,value_level,share',
  'A1,Set the company strategy,LEADERSHIP,100',
  'D1,Code reviews,IMPLEMENTATION,20',
  'D1,Set engineering strategy,LEADERSHIP,40',
  'D1,Quarterly planning,UNIFICATION,40',
  'E1,Feature work,IMPLEMENTATION,60',
  'E2,Review code for the API,IMPLEMENTATION,65',
  'E3,Testing,IMPLEMENTATION,30',
  'D2,Sell to key accounts,COMMUNICATION,40',
  'D2,Plan the sales quarter,UNIFICATION,30',
  'D2,Set sales strategy,LEADERSHIP,30',
  'S1,Call prospects,COMMUNICATION,50',
].join('\n');

// The next chart: Sam took the code reviews over; Kim left.
const PEOPLE_V2 = PEOPLE_V1.split('\n')
  .filter((line) => !line.startsWith('E3,'))
  .join('\n');
const WORK_V2 = WORK_V1.split('\n')
  .filter((line) => !line.startsWith('E3,') && !line.startsWith('D1,Code reviews'))
  .concat('E2,Code reviews,IMPLEMENTATION,20')
  .join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload, $asOf: String) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: { asOf: $asOf }) {
    ok errors { message }
  }
}`;

const SCENARIO_FIELDS =
  'id kind status version scopeEmployeeId edits { number kind description from to sharePct } droppedEdits { number message }';

describe('scenarios and delegation plans (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let v1: string;
  let leaderToken: string;

  const asLeader = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { token: leaderToken });
  const asHr = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables);
  const codeOf = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.code;

  const importChart = async (people: string, work: string, asOf: string): Promise<string> => {
    const result = await api.upload<{ result: { ok: boolean } }>(
      IMPORT,
      { org: 'Scenario Co', people: null, responsibilities: null, asOf },
      { people: { name: 'people.csv', content: people }, responsibilities: { name: 'work.csv', content: work } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result.ok).toBe(true);
    const orgs = await api.graphql<{ organizations: { id: string; latestSnapshot: { id: string } }[] }>(
      '{ organizations { id latestSnapshot { id } } }',
    );
    organizationId = orgs.data!.organizations[0].id;
    return orgs.data!.organizations[0].latestSnapshot.id;
  };

  const addEdits = (token: 'leader' | 'hr', scenarioId: string, edits: Record<string, unknown>[], expectedVersion?: number) =>
    (token === 'leader' ? asLeader : asHr)(
      `mutation($id: ID!, $e: [ScenarioEditInput!]!, $v: Int) { addScenarioEdits(scenarioId: $id, edits: $e, expectedVersion: $v) { ${SCENARIO_FIELDS} } }`,
      { id: scenarioId, e: edits, v: expectedVersion ?? null },
    );

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    v1 = await importChart(PEOPLE_V1, WORK_V1, '2026-09-01');
    const accounts = api.app.get(AccountsService);
    const leader = await accounts.create(LOCAL_OPERATOR, { email: 'dana@scenario.test', displayName: 'Dana' });
    await accounts.grant(LOCAL_OPERATOR, leader.id, organizationId, 'LEADER', 'D1');
    leaderToken = (await accounts.createApiToken(await accounts.callerOf(leader, 'api-token'), 'tests', 1)).token;
  });
  afterAll(() => api?.close());

  let planId: string;

  it('plans a delegation from the leader review: the gap disappears, the delegate’s load shows before and after', async () => {
    const findings = await asLeader<{ findings: { nodes: { key: string; kind: string; delegateTo: string | null }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s) { nodes { key kind delegateTo } } }',
      { s: v1 },
    );
    const gap = findings.data!.findings.nodes.find((node) => node.kind === 'DELEGATION_GAP')!;
    expect(gap).toMatchObject({ key: 'DELEGATION_GAP:D1:D1:code reviews', delegateTo: 'E2' });

    const planned = await asLeader(
      `mutation($s: ID!, $k: String!) { planDelegation(snapshotId: $s, findingKey: $k) { ${SCENARIO_FIELDS} } }`,
      {
        s: v1,
        k: gap.key,
      },
    );
    expect(planned.errors).toBeUndefined();
    const plan = planned.data!.planDelegation;
    planId = plan.id;
    expect(plan).toMatchObject({
      kind: 'DELEGATION_PLAN',
      status: 'DRAFT',
      version: 2,
      scopeEmployeeId: 'D1',
      edits: [{ number: 1, kind: 'MOVE_RESPONSIBILITY', from: 'D1', to: 'E2', sharePct: 20 }],
    });

    const score = await asLeader(
      `query($id: ID!) { scenarioScore(id: $id) {
        findingsByKind { kind before after } resolved { key } introduced { key }
        leaderTimeBelowLevelPct { before after }
        affected { externalId before { allocatedPct actual { implementation } } after { allocatedPct actual { implementation } } findingsBefore { kind } findingsAfter { kind } }
      } }`,
      { id: planId },
    );
    expect(score.errors).toBeUndefined();
    const result = score.data!.scenarioScore;
    expect(result.resolved.map((f: { key: string }) => f.key)).toContain(gap.key);
    expect(result.findingsByKind.find((k: { kind: string }) => k.kind === 'DELEGATION_GAP')).toEqual({
      kind: 'DELEGATION_GAP',
      before: 1,
      after: 0,
    });
    const byId = Object.fromEntries(result.affected.map((a: { externalId: string }) => [a.externalId, a]));
    expect(byId.D1.before.actual.implementation).toBe(20);
    expect(byId.D1.after.actual.implementation).toBe(0);
    expect([byId.E2.before.allocatedPct, byId.E2.after.allocatedPct]).toEqual([65, 85]);
    // The leader sees their own part of the chart only.
    expect(Object.keys(byId).every((id) => ['D1', 'E1', 'E2', 'E3'].includes(id))).toBe(true);

    // Planning the same gap again, now with Kim picked: the work has already moved, and the edit is named.
    const again = await asLeader(
      'mutation($s: ID!, $k: String!) { planDelegation(snapshotId: $s, findingKey: $k, delegate: "E3") { id } }',
      {
        s: v1,
        k: gap.key,
      },
    );
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toBe(
      'Edit 2 (move "Code reviews" (20%) from D1 to E3): Dana Reyes (D1) holds no responsibility "Code reviews"',
    );
  });

  it('refuses bad edits with a message naming the edit, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Quarterly planning', to: 'S1' },
        'FORBIDDEN',
        /^Edit 2 .*to "S1" is not in your part of the chart/,
      ],
      [{ kind: 'MOVE_POSITION', position: 'D1', toManager: 'E1' }, 'BAD_USER_INPUT', /^Edit 2 .*reporting cycle/],
      [
        { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Set engineering strategy', to: 'E2' },
        'BAD_USER_INPUT',
        /Sam Lee \(E2\) would spend 125% of their time/,
      ],
      [
        { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Quarterly planning', to: 'E1', sharePct: -5 },
        'BAD_USER_INPUT',
        /sharePct must be above 0%/,
      ],
      [
        { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Juggling', to: 'E1' },
        'BAD_USER_INPUT',
        /holds no responsibility "Juggling"/,
      ],
      [
        { kind: 'CHANGE_TITLE', position: 'NOBODY', title: 'X' },
        'FORBIDDEN',
        /position "NOBODY" is not in your part of the chart/,
      ],
    ];
    for (const [edit, code, message] of cases) {
      const result = await addEdits('leader', planId, [edit]);
      expect(codeOf(result)).toBe(code);
      expect(result.errors![0].message).toMatch(message);
    }
    const unchanged = await asLeader(`query($id: ID!) { scenario(id: $id) { ${SCENARIO_FIELDS} } }`, { id: planId });
    expect(unchanged.data!.scenario).toMatchObject({ version: 2, edits: [{ number: 1 }] });
  });

  it('refuses the second of two edits made from the same version (optimistic check)', async () => {
    const first = await addEdits(
      'leader',
      planId,
      [{ kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Quarterly planning', to: 'E1', sharePct: 10 }],
      2,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.addScenarioEdits.version).toBe(3);
    const second = await addEdits('hr', planId, [{ kind: 'CHANGE_TITLE', position: 'E3', title: 'QA Engineer' }], 2);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors![0].message).toMatch(/was changed by someone else \(now version 3\): reload it/);
    // Undo the latest edit, one at a time.
    const undone = await asLeader(
      'mutation($id: ID!) { undoScenarioEdit(scenarioId: $id, expectedVersion: 3) { version edits { number } } }',
      {
        id: planId,
      },
    );
    expect(undone.data!.undoScenarioEdit).toEqual({ version: 4, edits: [{ number: 1 }] });
  });

  it('is submitted by the leader, approved by HR only, then closed to edits', async () => {
    expect((await asLeader('mutation($id: ID!) { submitScenario(scenarioId: $id) { status } }', { id: planId })).data).toEqual({
      submitScenario: { status: 'PROPOSED' },
    });
    const byLeader = await asLeader('mutation($id: ID!) { approveScenario(scenarioId: $id) { status } }', { id: planId });
    expect(codeOf(byLeader)).toBe('FORBIDDEN');
    const approved = await asHr(
      'mutation($id: ID!) { approveScenario(scenarioId: $id, note: "Do it this quarter") { status decidedBy notes } }',
      {
        id: planId,
      },
    );
    expect(approved.data!.approveScenario).toMatchObject({ status: 'APPROVED', notes: 'APPROVED: Do it this quarter' });
    const late = await addEdits('leader', planId, [{ kind: 'CHANGE_TITLE', position: 'E3', title: 'QA Engineer' }]);
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(/is approved: only draft scenarios can be edited/);
  });

  let hrScenarioId: string;

  it('compares scenarios side by side', async () => {
    const created = await asHr('mutation($s: ID!) { createScenario(snapshotId: $s, name: "Reorg") { id scopeEmployeeId } }', {
      s: v1,
    });
    hrScenarioId = created.data!.createScenario.id;
    expect(created.data!.createScenario.scopeEmployeeId).toBeNull();
    const edited = await addEdits('hr', hrScenarioId, [
      { kind: 'MOVE_POSITION', position: 'E3', toManager: 'D2' },
      { kind: 'MOVE_RESPONSIBILITY', from: 'D1', responsibility: 'Code reviews', to: 'E3', sharePct: 10 },
      { kind: 'CREATE_POSITION', position: 'POST-1', title: 'Engineering Manager', tier: 'MANAGER', manager: 'D1' },
    ]);
    expect(edited.errors).toBeUndefined();
    // HR's scenario spans the whole chart: an unknown person is named as unknown.
    const unknown = await addEdits('hr', hrScenarioId, [{ kind: 'CHANGE_TITLE', position: 'NOBODY', title: 'X' }]);
    expect(unknown.errors![0].message).toBe('Edit 4 (retitle NOBODY "X"): position: nobody with the id "NOBODY" in the chart');
    const compared = await asHr(
      'query($o: ID!, $ids: [ID!]!) { compareScenarios(organizationId: $o, scenarioIds: $ids) { scenario { name } findingCount { before after } maxSpan { before after } } }',
      { o: organizationId, ids: [planId, hrScenarioId] },
    );
    expect(compared.errors).toBeUndefined();
    expect(compared.data!.compareScenarios.map((s: { scenario: { name: string } }) => s.scenario.name)).toEqual([
      'Delegation plan, v1',
      'Reorg',
    ]);
    expect(compared.data!.compareScenarios[1].maxSpan).toEqual({ before: 3, after: 3 });
    // A leader cannot read HR's scenario.
    expect(codeOf(await asLeader('query($id: ID!) { scenario(id: $id) { id } }', { id: hrScenarioId }))).toBe('NOT_FOUND');
  });

  it('tracks the approved plan against the next snapshot, and rebases a draft listing the edits that no longer apply', async () => {
    const v2 = await importChart(PEOPLE_V2, WORK_V2, '2026-12-01');
    const tracking = await asHr(
      'query($id: ID!) { scenarioTracking(id: $id) { snapshotId done partlyDone notDone edits { number progress detail } } }',
      { id: planId },
    );
    expect(tracking.errors).toBeUndefined();
    expect(tracking.data!.scenarioTracking).toEqual({
      snapshotId: v2,
      done: 1,
      partlyDone: 0,
      notDone: 0,
      edits: [{ number: 1, progress: 'DONE', detail: 'E2 now spends 20% on it and D1 0%' }],
    });

    const rebased = await asHr(`mutation($id: ID!) { rebaseScenario(scenarioId: $id) { snapshotId ${SCENARIO_FIELDS} } }`, {
      id: hrScenarioId,
    });
    expect(rebased.errors).toBeUndefined();
    const scenario = rebased.data!.rebaseScenario;
    expect(scenario.snapshotId).toBe(v2);
    expect(scenario.edits.map((e: { kind: string }) => e.kind)).toEqual(['CREATE_POSITION']);
    expect(scenario.droppedEdits).toEqual([
      { number: 1, message: 'position: nobody with the id "E3" in the chart' },
      { number: 2, message: 'to: nobody with the id "E3" in the chart' },
    ]);

    const audit = await asHr(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["scenario"] }) { totalCount } }',
      {
        o: organizationId,
      },
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.totalCount).toBeGreaterThanOrEqual(8);
  });
});
