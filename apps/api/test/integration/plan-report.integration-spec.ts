import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { readPdf } from '@rolemap/reports/testing';
import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PEOPLE_V1 = [
  'Employee ID,Full Name,Job Title,Supervisor ID,Department',
  'A1,Ada Chief,Chief Executive Officer,,Board',
  'D1,Dana Reyes,Director of Engineering,A1,Engineering',
  'E1,Ann Busy,Software Engineer,D1,Engineering',
  'E2,Sam Lee,Senior Engineer,D1,Engineering',
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
  'D2,Sell to key accounts,COMMUNICATION,40',
  'D2,Plan the sales quarter,UNIFICATION,30',
  'D2,Set sales strategy,LEADERSHIP,30',
  'S1,Call prospects,COMMUNICATION,50',
].join('\n');

// The next chart: Sam took the code reviews over.
const WORK_V2 = WORK_V1.split('\n')
  .filter((line) => !line.startsWith('D1,Code reviews'))
  .concat('E2,Code reviews,IMPLEMENTATION,20')
  .join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $responsibilities: Upload, $asOf: String) {
  result: commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: { asOf: $asOf }) {
    ok errors { message }
  }
}`;

describe('the delegation plan report (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let otherOrganizationId: string;
  let v1: string;
  let leaderToken: string;
  let outsiderToken: string;
  let planId: string;

  const importChart = async (org: string, people: string, work: string, asOf: string): Promise<void> => {
    const result = await api.upload<{ result: { ok: boolean } }>(
      IMPORT,
      { org, people: null, responsibilities: null, asOf },
      { people: { name: 'people.csv', content: people }, responsibilities: { name: 'work.csv', content: work } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.result.ok).toBe(true);
  };
  const download = (query: string, token?: string, organization = organizationId) =>
    fetch(`${api.url}/api/organizations/${organization}/reports/plan?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : api.authorized(),
    });

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await importChart('Scenario Co', PEOPLE_V1, WORK_V1, '2026-09-01');
    await importChart('Other Co', PEOPLE_V1, WORK_V1, '2026-09-01');
    const orgs = await api.graphql<{ organizations: { id: string; name: string; latestSnapshot: { id: string } }[] }>(
      '{ organizations { id name latestSnapshot { id } } }',
    );
    const mine = orgs.data!.organizations.find((org) => org.name === 'Scenario Co')!;
    organizationId = mine.id;
    v1 = mine.latestSnapshot.id;
    otherOrganizationId = orgs.data!.organizations.find((org) => org.name === 'Other Co')!.id;
    const accounts = api.app.get(AccountsService);
    const tokenOf = async (email: string, name: string, employeeId: string) => {
      const account = await accounts.create(LOCAL_OPERATOR, { email, displayName: name });
      await accounts.grant(LOCAL_OPERATOR, account.id, organizationId, 'LEADER', employeeId);
      return (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
    };
    leaderToken = await tokenOf('dana@plan.test', 'Dana', 'D1');
    outsiderToken = await tokenOf('pat@plan.test', 'Pat', 'D2');

    const planned = await api.graphql<{ planDelegation: { id: string } }>(
      'mutation($s: ID!, $k: String!) { planDelegation(snapshotId: $s, findingKey: $k) { id } }',
      { s: v1, k: 'DELEGATION_GAP:D1:D1:code reviews' },
      { token: leaderToken },
    );
    expect(planned.errors).toBeUndefined();
    planId = planned.data!.planDelegation.id;
  });
  afterAll(() => api?.close());

  it.each(['md', 'xlsx', 'pdf'])('sends the plan as %s with its length and SHA-256', async (format) => {
    const response = await download(`format=${format}&snapshotId=${v1}&scenarioId=${planId}`, leaderToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="scenario-co-v1-plan.${format}"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(response.headers.get('content-digest')).toBe(`sha-256=:${createHash('sha256').update(body).digest('base64')}:`);
    if (format === 'md') {
      const text = body.toString('utf8');
      expect(text).toContain('# Delegation plan: Scenario Co');
      expect(text).toContain('- Status: Draft (version 2)\n- Owner: Dana');
      expect(text).toContain(
        '| 1 | move "Code reviews" (20%) from D1 to E2 (Implementation) | Dana Reyes (D1) | Sam Lee (E2) | 20% | Dana |',
      );
      expect(text).toContain('**Booked time:** 65% → 85%');
      expect(text).toContain('The plan is draft: once HR approves it');
      expect(text).toMatch(/## Findings that disappear\n\n- \*\*Delegation gap\*\*/);
      // The leader's report covers their own part of the chart only.
      expect(text).not.toContain('Pat Other');
    }
    if (format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const edits = workbook.getWorksheet('Edits')!;
      expect(edits.getRow(2).getCell(2).value).toBe('move "Code reviews" (20%) from D1 to E2');
      expect(edits.getRow(2).getCell(6).value).toBe('Sam Lee');
    }
    if (format === 'pdf') {
      const pdf = await readPdf(body);
      expect(pdf.total).toBeGreaterThan(0);
      expect(pdf.text).toContain('Delegation plan: Delegation plan, v1');
      expect(pdf.text).toContain('Sam Lee');
    }
  });

  it('tracks the approved plan against the next snapshot, and the export is in the audit log', async () => {
    for (const step of ['submitScenario', 'approveScenario']) {
      const result = await api.graphql(`mutation($id: ID!) { ${step}(scenarioId: $id) { status } }`, { id: planId });
      expect(result.errors).toBeUndefined();
    }
    await importChart('Scenario Co', PEOPLE_V1, WORK_V2, '2026-12-01');
    const response = await download(`format=md&scenarioId=${planId}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/- Approved by: .+ on \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Done: E2 now spends 20% on it and D1 0%');
    expect(text).toContain('Against snapshot 2 (as of 2026-12-01): 1 done, 0 partly done, 0 not done.');
    const audit = await api.graphql<{ auditLog: { entries: { target: string; details: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["export"] }) { entries { target details } } }',
      { o: organizationId },
    );
    expect(audit.errors).toBeUndefined();
    const exports = audit.data!.auditLog.entries.filter((entry) => entry.target.startsWith('plan report'));
    // md, xlsx and pdf by the leader, then this one by HR (newest first).
    expect(exports.length).toBe(4);
    expect(exports[0].target).toBe('plan report of "Delegation plan, v1", snapshot v1');
    expect(JSON.parse(exports[0].details)).toMatchObject({ kind: 'plan', format: 'md', scope: { scenarioId: planId } });
  });

  it('builds the plan on the queue when asked (async=true), as any report', async () => {
    const queued = await download(`format=md&scenarioId=${planId}&async=true`, leaderToken);
    expect(queued.status).toBe(202);
    const { job } = (await queued.json()) as { job: { id: string } };
    const deadline = Date.now() + 30_000;
    let state = '';
    let downloadUrl: string | null = null;
    while (Date.now() < deadline) {
      const result = await api.graphql<{ job: { state: string; downloadUrl: string | null; error: string | null } }>(
        'query($id: ID!) { job(id: $id) { state downloadUrl error } }',
        { id: job.id },
        { token: leaderToken },
      );
      ({ state, downloadUrl } = result.data!.job);
      if (state === 'DONE' || state === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(state).toBe('DONE');
    const file = await fetch(`${api.url}${downloadUrl}`, { headers: { authorization: `Bearer ${leaderToken}` } });
    expect(await file.text()).toContain('# Delegation plan: Scenario Co');
  });

  it('answers 404 to a leader who may not read the plan, and for a scenario of another organization', async () => {
    const outsider = await download(`format=md&scenarioId=${planId}`, outsiderToken);
    expect(outsider.status).toBe(404);
    expect((await outsider.json()).message).toBe(`No scenario with id ${planId}`);
    const elsewhere = await download(`format=md&scenarioId=${planId}`, undefined, otherOrganizationId);
    expect(elsewhere.status).toBe(404);
    const unknown = await download('format=md&scenarioId=not-a-scenario');
    expect(unknown.status).toBe(404);
  });

  it('answers 400 without scenarioId, or with another snapshot than the plan’s', async () => {
    const missing = await download('format=pdf');
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toBe('A plan report needs scenarioId');
    const latest = await api.graphql<{ organization: { latestSnapshot: { id: string } } }>(
      'query($o: ID!) { organization(id: $o) { latestSnapshot { id } } }',
      { o: organizationId },
    );
    const wrong = await download(`format=md&scenarioId=${planId}&snapshotId=${latest.data!.organization.latestSnapshot.id}`);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).message).toMatch(/plan over snapshot v1/);
  });
});
