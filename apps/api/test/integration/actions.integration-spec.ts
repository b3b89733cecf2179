import { DEFAULT_DEMO_AS_OF, generateDemoOrg } from '@rolemap/demo-data';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { type TestApp, startTestAppWithDemo } from '../support/test-app';

interface Finding {
  key: string;
  kind: string;
  employeeId: string;
  personName: string;
  positionId: string;
  responsibility: string | null;
  delegateName: string | null;
  status: string;
  action: { id: string; status: string; step: string; owner: string; dueOn: string; delegateTo: string | null } | null;
}

const FINDING_FIELDS =
  'key kind employeeId personName positionId responsibility delegateName status action { id status step owner dueOn delegateTo }';

describe('decisions and the actions they lead to, over GraphQL (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let snapshotId: string;

  beforeAll(async () => {
    ({ api, organizationId, snapshotId } = await startTestAppWithDemo());
  });
  afterAll(() => api?.close());

  const findings = async (s = snapshotId, filter: Record<string, unknown> = {}) => {
    const result = await api.graphql<{ findings: { nodes: Finding[] } }>(
      `query($s: ID!, $f: FindingFilter) { findings(snapshotId: $s, filter: $f, first: 1000) { nodes { ${FINDING_FIELDS} } } }`,
      { s, f: filter },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.findings.nodes;
  };

  const review = (key: string, status: string, note: string | null, action?: Record<string, unknown>) =>
    api.graphql<{ reviewFinding: Finding }>(
      `mutation($s: ID!, $k: String!, $st: ReviewStatus!, $n: String, $a: ActionPlanInput) {
        reviewFinding(snapshotId: $s, key: $k, status: $st, note: $n, action: $a) { ${FINDING_FIELDS} } }`,
      { s: snapshotId, k: key, st: status, n: note, a: action ?? null },
    );

  const history = async (key: string) => {
    const result = await api.graphql<{
      findingHistory: {
        decisions: { status: string; note: string | null; reviewer: string }[];
        actions: { status: string; step: string; owner: string }[];
        suggestedAction: { owner: string; dueOn: string; step: string; delegateTo: string | null };
      };
    }>(
      `query($s: ID!, $k: String!) { findingHistory(snapshotId: $s, key: $k) {
        decisions { status note reviewer } actions { status step owner } suggestedAction { owner dueOn step delegateTo } } }`,
      { s: snapshotId, k: key },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.findingHistory;
  };

  const actions = async (variables: Record<string, unknown> = {}, s = snapshotId) => {
    const result = await api.graphql<{
      actions: {
        totalCount: number;
        overdueCount: number;
        nodes: {
          id: string;
          findingKey: string;
          positionId: string;
          status: string;
          overdue: boolean;
          subjectName: string;
          resolvedInSnapshotId: string | null;
        }[];
      };
    }>(
      `query($s: ID!, $l: ID, $st: [ActionStatus!], $o: Boolean! = false) { actions(snapshotId: $s, leaderPositionId: $l, statuses: $st, overdueOnly: $o) {
        totalCount overdueCount nodes { id findingKey positionId status overdue subjectName resolvedInSnapshotId } } }`,
      { s, ...variables },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.actions;
  };

  it('suggests the plan accepting would make: the leader, a month from today, delegate to the best fit', async () => {
    const gap = (await findings()).find((finding) => finding.kind === 'DELEGATION_GAP' && finding.delegateName)!;
    const suggested = (await history(gap.key)).suggestedAction;
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(suggested).toEqual({ owner: gap.personName, dueOn: inAMonth, step: 'DELEGATE', delegateTo: gap.delegateName });
  });

  it('keeps every decision in a history, and accepting opens the action planned; a new decision cancels it', async () => {
    const [gap] = (await findings(snapshotId, { kinds: ['DELEGATION_GAP'] })).filter((finding) => finding.delegateName);
    const accepted = await review(gap.key, 'ACCEPTED', 'Agreed in the 1:1', {
      owner: 'Pat Lead',
      dueOn: '2030-01-31',
      step: 'DELEGATE',
      delegateTo: 'Sam Report',
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.reviewFinding.action).toMatchObject({
      status: 'OPEN',
      step: 'DELEGATE',
      owner: 'Pat Lead',
      dueOn: '2030-01-31',
      delegateTo: 'Sam Report',
    });
    const dismissed = await review(gap.key, 'DISMISSED', 'Sam is leaving');
    expect(dismissed.data!.reviewFinding.status).toBe('DISMISSED');
    expect(dismissed.data!.reviewFinding.action?.status).toBe('CANCELLED');
    const entries = await history(gap.key);
    expect(entries.decisions.map((decision) => [decision.status, decision.note])).toEqual([
      ['DISMISSED', 'Sam is leaving'],
      ['ACCEPTED', 'Agreed in the 1:1'],
    ]);
    expect(entries.decisions[0].reviewer).toBe('Test Owner');
    expect(entries.actions.map((action) => action.status)).toEqual(['CANCELLED']);
  });

  it('refuses a plan it cannot act on, naming the field, and changes nothing', async () => {
    const [finding] = await findings(snapshotId, { statuses: ['OPEN'] });
    const noDelegate = await review(finding.key, 'ACCEPTED', null, { step: 'DELEGATE', delegateTo: '  ' });
    expect(noDelegate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noDelegate.errors?.[0].message).toMatch(/action\.delegateTo/);
    const badDate = await review(finding.key, 'ACCEPTED', null, { dueOn: '2030-02-30' });
    expect(badDate.errors?.[0].message).toMatch(/action\.dueOn/);
    expect((await history(finding.key)).decisions).toEqual([]);
  });

  it('lists actions for HR and per leader, overdue ones first and marked', async () => {
    const open = (await findings(snapshotId, { statuses: ['OPEN'] })).slice(0, 2);
    const late = await review(open[0].key, 'ACCEPTED', null, { step: 'STOP_DOING', dueOn: '2020-01-01' });
    const onTime = await review(open[1].key, 'ACCEPTED', null, { step: 'HIRE', dueOn: '2099-12-31' });
    expect(late.errors).toBeUndefined();
    expect(onTime.errors).toBeUndefined();
    const all = await actions({ st: ['OPEN'] });
    expect(all.nodes[0]).toMatchObject({ findingKey: open[0].key, overdue: true, subjectName: open[0].personName });
    expect(all.overdueCount).toBe(1);
    expect((await actions({ o: true })).nodes.map((action) => action.findingKey)).toEqual([open[0].key]);
    // A leader's list holds the actions about their subtree, and only those.
    const leader = open[1].positionId;
    const subtree = await api.graphql<{ subtree: { id: string }[] }>('query($id: ID!) { subtree(positionId: $id) { id } }', {
      id: leader,
    });
    const inSubtree = new Set(subtree.data!.subtree.map((node) => node.id));
    const leaderList = await actions({ l: leader, st: ['OPEN'] });
    expect(leaderList.nodes.map((action) => action.findingKey)).toContain(open[1].key);
    expect(leaderList.nodes.map((action) => action.positionId)).toEqual(
      all.nodes.filter((action) => inSubtree.has(action.positionId)).map((action) => action.positionId),
    );
  });

  it('moves an action on by hand and audits it', async () => {
    const [first] = (await actions({ st: ['OPEN'] })).nodes;
    const started = await api.graphql<{ setActionStatus: { status: string } }>(
      'mutation($id: ID!) { setActionStatus(id: $id, status: IN_PROGRESS, note: "Started the hand-over") { status } }',
      { id: first.id },
    );
    expect(started.data!.setActionStatus.status).toBe('IN_PROGRESS');
    const log = await api.graphql<{ auditLog: { entries: { action: string; target: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["action"] }) { entries { action target } } }',
      { o: organizationId },
    );
    expect(log.data!.auditLog.entries.map((entry) => entry.target)).toContain(first.findingKey);
    const missing = await api.graphql(
      'mutation { setActionStatus(id: "00000000-0000-4000-8000-000000000000", status: DONE) { status } }',
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('marks an action done in the next snapshot once its finding is gone, and leaves the others open', async () => {
    const gaps = (await findings(snapshotId, { kinds: ['DELEGATION_GAP'], statuses: ['OPEN'] })).filter(
      (finding) => finding.responsibility,
    );
    const [solved, remaining] = [gaps[0], gaps.find((gap) => gap.employeeId !== gaps[0].employeeId)!];
    for (const gap of [solved, remaining]) {
      expect((await review(gap.key, 'ACCEPTED', null, { step: 'STOP_DOING' })).errors).toBeUndefined();
    }
    // The next chart: the leader no longer holds the responsibility the finding was about.
    const demo = generateDemoOrg();
    const outcome = await api.app.get(ImportService).importRecords(LOCAL_OPERATOR, {
      organizationName: demo.name,
      people: demo.people,
      responsibilities: demo.responsibilities.filter(
        (row) => !(row.employeeId === solved.employeeId && row.responsibility === solved.responsibility),
      ),
      asOf: '2030-06-01',
      label: 'after the hand-over',
      sourceFileName: null,
    });
    const next = outcome.snapshot!.id;
    expect(next).not.toBe(snapshotId);
    expect(DEFAULT_DEMO_AS_OF < '2030-06-01').toBe(true);
    const listed = await actions({}, next);
    const byKey = new Map(listed.nodes.map((action) => [action.findingKey, action]));
    expect(byKey.get(solved.key)).toMatchObject({ status: 'DONE', resolvedInSnapshotId: next });
    expect(byKey.get(remaining.key)).toMatchObject({ status: 'OPEN', resolvedInSnapshotId: null });
  });
});
