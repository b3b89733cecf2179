import { AccountsService, DictionaryService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { type SmtpInbox, startSmtpInbox } from '../support/smtp-inbox';
import { seedSmallOrganization } from '../support/snapshot-fixture';
import { type GraphqlResult, type TestApp, resetDatabase, startTestApp } from '../support/test-app';

/**
 * A survey campaign's whole life on PostgreSQL through /graphql: created on a leader's subtree,
 * invitations e-mailed through a real SMTP server, forms filled in by link and by sign-in, a
 * manager's review, progress, reminders, closing into a new snapshot and analysing it.
 *
 * The small chart: CEO E001; managers E110, E120, E130 with engineers E1m1-E1m4. The campaign asks
 * E110's subtree (E110 and E111-E114); E110's own manager is the CEO.
 */
const CREATE = `mutation($input: CreateSurveyCampaignInput!) {
  createSurveyCampaign(input: $input) { id name phase participantCount dictionaryVersionId minTotalPct maxTotalPct baseSnapshotVersion }
}`;
const INVITE = `mutation($c: ID!, $d: InvitationDelivery!, $r: Boolean) {
  issueSurveyInvitations(campaignId: $c, delivery: $d, reminder: $r) { issued emailed withoutEmail failed { employeeId error } csv }
}`;
const FORM_FIELDS = `responseId campaignId subjectEmployeeId subjectName side mode status lockedReason minTotalPct
  answers { weeklyHours lines { activityId otherText sharePct } } selfAnswers { lines { activityId sharePct } }`;
const FORMS = `query($i: String) { surveyForms(invitation: $i) { ${FORM_FIELDS} } }`;
const FORM = `query($r: ID!, $i: String) { surveyForm(responseId: $r, invitation: $i) { ${FORM_FIELDS} } }`;
const SAVE = `mutation($r: ID!, $a: SurveyAnswersInput!, $i: String) { saveSurveyAnswers(responseId: $r, answers: $a, invitation: $i) { ${FORM_FIELDS} } }`;
const SUBMIT = `mutation($r: ID!, $a: SurveyAnswersInput!, $i: String) { submitSurveyAnswers(responseId: $r, answers: $a, invitation: $i) { ${FORM_FIELDS} } }`;
const PROGRESS = `query($c: ID!) { surveyProgress(campaignId: $c) {
  invited responded rate inProgress awaitingReview
  byDepartment { key label groups invited responded rate } byManager { key label groups invited responded }
  gap { compared meanPoints largeAdjustments } writtenIn { text count suggestedLevel }
} }`;
const MISSING = `query($c: ID!) { surveyMissing(campaignId: $c) { totalCount nodes { employeeId name waitingFor status } } }`;
const CLOSE = `mutation($c: ID!, $n: NonRespondentPolicy) { closeSurveyCampaign(campaignId: $c, nonRespondents: $n) {
  snapshotId snapshotVersion coverage { surveyed carried none outside carriedAgeDays writtenIn } campaign { phase resultSnapshotVersion }
} }`;

type Form = {
  responseId: string;
  subjectEmployeeId: string;
  side: string;
  status: string;
  lockedReason: string | null;
  answers: { weeklyHours: number | null; lines: { activityId: string | null; otherText: string | null; sharePct: number }[] };
  selfAnswers: { lines: { activityId: string; sharePct: number }[] } | null;
};

describe('survey campaigns: create, invite by e-mail, answer, review, close into a snapshot (PostgreSQL, real SMTP)', () => {
  let api: TestApp;
  let inbox: SmtpInbox;
  let dataSource: DataSource;
  let organizationId: string;
  let snapshotId: string;
  let campaignId: string;
  let activities: { id: string; label: string; valueLevel: string }[];
  const tokens: Record<string, string> = {};
  const links: Record<string, string> = {};
  const responseOf: Record<string, string> = {};

  const as = <T = Record<string, any>>(who: string, query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, variables, { token: tokens[who] ?? null });
  const code = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.code;
  const tokenIn = (text: string) => /invitation=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
  const activity = (label: RegExp) => activities.find((a) => label.test(a.label))!;

  beforeAll(async () => {
    await resetDatabase();
    inbox = await startSmtpInbox();
    api = await startTestApp(undefined, {
      smtp: { url: inbox.url, from: 'HR <hr@acme.test>' },
      publicUrl: 'https://rolemap.test',
    });
    dataSource = api.app.get(DataSource);
    const seeded = await seedSmallOrganization(dataSource, 'Acme', true);
    organizationId = seeded.organization.id;
    snapshotId = seeded.snapshot.id;
    const dictionary = api.app.get(DictionaryService);
    const { version } = await dictionary.copyStarter(LOCAL_OPERATOR, organizationId);
    activities = (await dictionary.activities(LOCAL_OPERATOR, version.id)).map((a) => ({
      id: a.id,
      label: a.label,
      valueLevel: a.valueLevel,
    }));
    const accounts = api.app.get(AccountsService);
    for (const [who, role, person] of [
      ['hr', 'HR_ADMIN', null],
      ['leader', 'LEADER', 'E110'],
      ['e112', 'EMPLOYEE', 'E112'],
      ['viewer', 'VIEWER', null],
    ] as const) {
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${who}@acme.test`, displayName: who });
      await accounts.grant(LOCAL_OPERATOR, account.id, organizationId, role, person);
      tokens[who] = (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
    }
  });
  afterAll(async () => {
    await api?.close();
    await inbox?.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    organizationId,
    name: 'Autumn time survey',
    baseSnapshotId: snapshotId,
    scope: 'SUBTREE',
    scopeValue: 'E110',
    defaultMode: 'BOTH',
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...overrides,
  });

  it('refuses a bad campaign with a clear message and lets only HR admins create one', async () => {
    const backwards = await as('hr', CREATE, { input: input({ closesAt: new Date(Date.now() - 7200_000).toISOString() }) });
    expect(code(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0].message).toMatch(/must close after it opens/);
    const unknown = await as('hr', CREATE, { input: input({ scope: 'DEPARTMENT', scopeValue: 'Legal' }) });
    expect(unknown.errors![0].message).toMatch(/department "Legal"/);
    const range = await as('hr', CREATE, { input: input({ minTotalPct: 120 }) });
    expect(range.errors![0].message).toMatch(/lowest accepted total must be from 0 to 100%/);
    expect(code(await as('leader', CREATE, { input: input() }))).toBe('FORBIDDEN');
    expect((await dataSource.query('SELECT count(*)::int AS n FROM survey_campaign'))[0].n).toBe(0);
  });

  it('creates a campaign with a form for everyone in the leader’s subtree', async () => {
    const created = await as('hr', CREATE, { input: input() });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSurveyCampaign).toMatchObject({
      phase: 'OPEN',
      participantCount: 5,
      minTotalPct: 95,
      maxTotalPct: 105,
      baseSnapshotVersion: 1,
      dictionaryVersionId: expect.any(String),
    });
    campaignId = created.data!.createSurveyCampaign.id;
    // This organization's entries: other spec files share the database and its append-only log.
    const audit = await dataSource.query("SELECT target FROM audit_log WHERE action = 'survey-create' AND organization_id = $1", [
      organizationId,
    ]);
    expect(audit).toEqual([{ target: 'survey "Autumn time survey"' }]);
  });

  it('e-mails a personal link to each person and to each manager through the SMTP server', async () => {
    const result = await as('hr', INVITE, { c: campaignId, d: 'EMAIL' });
    expect(result.errors).toBeUndefined();
    // Five people fill in their own form; E110 reviews four reports and the CEO reviews E110.
    expect(result.data!.issueSurveyInvitations).toMatchObject({ issued: 7, emailed: 7, withoutEmail: 0, failed: [], csv: null });
    const mails = await inbox.waitFor(7);
    expect(mails.every((mail) => mail.from === 'hr@acme.test')).toBe(true);
    for (const mail of mails) {
      const employee = mail.to[0].split('@')[0].toUpperCase();
      const purpose = /reports/.test(mail.text) ? 'MANAGER' : 'SELF';
      expect(mail.text).toContain('https://rolemap.test/forms?invitation=rsv_');
      links[`${employee}:${purpose}`] = decodeURIComponent(tokenIn(mail.text)!);
    }
    expect(Object.keys(links).sort()).toEqual([
      'E001:MANAGER',
      'E110:MANAGER',
      'E110:SELF',
      'E111:SELF',
      'E112:SELF',
      'E113:SELF',
      'E114:SELF',
    ]);
    // Only the hash is kept.
    const stored = await dataSource.query('SELECT token_hash FROM survey_invitation');
    expect(stored.map((row: { token_hash: string }) => row.token_hash)).not.toContain(links['E111:SELF']);
  });

  it('lets a person save a draft with their link, and refuses bad answers without changing anything', async () => {
    const link = links['E111:SELF'];
    const forms = await api.graphql<{ surveyForms: Form[] }>(FORMS, { i: link }, { token: null });
    expect(forms.errors).toBeUndefined();
    expect(forms.data!.surveyForms.map((f) => [f.subjectEmployeeId, f.side, f.status])).toEqual([
      ['E111', 'SELF', 'NOT_STARTED'],
    ]);
    for (const form of (
      await as('hr', `query($c: ID!) { surveyMissing(campaignId: $c) { nodes { employeeId responseId } } }`, { c: campaignId })
    ).data!.surveyMissing.nodes) {
      responseOf[form.employeeId] = form.responseId;
    }
    const code1 = activity(/code/i);
    const draft = { weeklyHours: 40, lines: [{ activityId: code1.id, sharePct: 60 }] };
    const saved = await api.graphql<{ saveSurveyAnswers: Form }>(
      SAVE,
      { r: responseOf.E111, a: draft, i: link },
      { token: null },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveSurveyAnswers).toMatchObject({ status: 'IN_PROGRESS', answers: { weeklyHours: 40 } });

    const refused = async (answers: unknown, pattern: RegExp, mutation = SAVE) => {
      const result = await api.graphql(mutation, { r: responseOf.E111, a: answers, i: link }, { token: null });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(pattern);
    };
    await refused(
      { weeklyHours: 40, lines: [{ activityId: code1.id, sharePct: -5 }] },
      /share must be from 0 to 100% \(got -5%\)/,
    );
    await refused({ weeklyHours: 40, lines: [{ activityId: code1.id, sharePct: 140 }] }, /got 140%/);
    await refused(
      {
        weeklyHours: 40,
        lines: [
          { activityId: code1.id, sharePct: 30 },
          { activityId: code1.id, sharePct: 30 },
        ],
      },
      /is already on the form \(activity 1\)/,
    );
    await refused(
      { weeklyHours: 40, lines: [{ activityId: code1.id, sharePct: 80 }] },
      /add up to 80%.*between 95% and 105%/,
      SUBMIT,
    );
    const nonNumeric = await api.graphql(
      SAVE,
      { r: responseOf.E111, a: { lines: [{ activityId: code1.id, sharePct: 'ten' }] }, i: link },
      { token: null },
    );
    expect(nonNumeric.errors![0].message).toMatch(/Float/);
    const still = await api.graphql<{ surveyForm: Form }>(FORM, { r: responseOf.E111, i: link }, { token: null });
    expect(still.data!.surveyForm.answers.lines).toEqual([{ activityId: code1.id, otherText: null, sharePct: 60 }]);
  });

  it('never opens another person’s form with a link, nor with a sign-in', async () => {
    const other = await api.graphql(FORM, { r: responseOf.E112, i: links['E111:SELF'] }, { token: null });
    expect(code(other)).toBe('FORBIDDEN');
    expect(other.errors![0].message).toMatch(/cannot open another person’s survey/);
    const save = await api.graphql(SAVE, { r: responseOf.E112, a: { lines: [] }, i: links['E111:SELF'] }, { token: null });
    expect(code(save)).toBe('FORBIDDEN');
    expect(code(await as('e112', FORM, { r: responseOf.E111 }))).toBe('NOT_FOUND');
    expect(code(await api.graphql(FORMS, {}, { token: null }))).toBe('UNAUTHENTICATED');
    expect(code(await api.graphql(FORMS, { i: 'rsv_not-a-real-link-0000000000000000000000000000' }, { token: null }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('takes submissions by link and by sign-in, with written-in activities', async () => {
    const code1 = activity(/code/i);
    const plan = activities.find((a) => a.valueLevel === 'UNIFICATION')!;
    const submitted = await api.graphql<{ submitSurveyAnswers: Form }>(
      SUBMIT,
      {
        r: responseOf.E111,
        a: {
          weeklyHours: 40,
          lines: [
            { activityId: code1.id, sharePct: 70 },
            { activityId: plan.id, sharePct: 20 },
            { otherText: 'Run the office book club', sharePct: 10 },
          ],
        },
        i: links['E111:SELF'],
      },
      { token: null },
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitSurveyAnswers).toMatchObject({
      status: 'SUBMITTED',
      lockedReason: expect.stringMatching(/submitted/),
    });
    const again = await api.graphql(
      SUBMIT,
      { r: responseOf.E111, a: { weeklyHours: 40, lines: [{ activityId: code1.id, sharePct: 100 }] }, i: links['E111:SELF'] },
      { token: null },
    );
    expect(again.errors![0].message).toMatch(/can no longer be changed/);

    const mine = await as<{ surveyForms: Form[] }>('e112', FORMS);
    expect(mine.data!.surveyForms.map((f) => f.subjectEmployeeId)).toEqual(['E112']);
    const e112 = await as<{ submitSurveyAnswers: Form }>('e112', SUBMIT, {
      r: responseOf.E112,
      a: { weeklyHours: 37.5, lines: [{ activityId: code1.id, sharePct: 97 }] },
    });
    expect(e112.errors).toBeUndefined();
  });

  it('shows a manager only their reports’ forms, starting from what each person said, and takes their adjustments', async () => {
    const forms = await api.graphql<{ surveyForms: Form[] }>(FORMS, { i: links['E110:MANAGER'] }, { token: null });
    const byEmployee = Object.fromEntries(forms.data!.surveyForms.map((f) => [f.subjectEmployeeId, f]));
    expect(Object.keys(byEmployee).sort()).toEqual(['E111', 'E112', 'E113', 'E114']);
    expect(byEmployee.E111).toMatchObject({ side: 'MANAGER', status: 'NOT_STARTED', lockedReason: null });
    expect(byEmployee.E111.answers.lines).toHaveLength(3);
    expect(byEmployee.E111.selfAnswers!.lines.map((l) => l.sharePct)).toEqual([70, 20, 10]);
    expect(byEmployee.E113.lockedReason).toMatch(/has not submitted their own form yet/);
    // The leader signed in sees their own form and their reports'; never the CEO's review of them.
    const signedIn = await as<{ surveyForms: Form[] }>('leader', FORMS);
    expect(signedIn.data!.surveyForms.map((f) => `${f.subjectEmployeeId}:${f.side}`).sort()).toEqual([
      'E110:SELF',
      'E111:MANAGER',
      'E112:MANAGER',
      'E113:MANAGER',
      'E114:MANAGER',
    ]);
    const code1 = activity(/code/i);
    const plan = activities.find((a) => a.valueLevel === 'UNIFICATION')!;
    const reviewed = await as<{ submitSurveyAnswers: Form }>('leader', SUBMIT, {
      r: responseOf.E111,
      a: {
        weeklyHours: 40,
        lines: [
          { activityId: code1.id, sharePct: 50 },
          { activityId: plan.id, sharePct: 40 },
          { otherText: 'Run the office book club', sharePct: 10 },
        ],
      },
    });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.submitSurveyAnswers).toMatchObject({ side: 'MANAGER', status: 'SUBMITTED' });
  });

  it('gives HR the progress, with small groups pooled, and who is missing', async () => {
    const progress = await as('hr', PROGRESS, { c: campaignId });
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.surveyProgress).toMatchObject({ invited: 5, responded: 2, rate: 0.4, awaitingReview: 1 });
    expect(progress.data!.surveyProgress.byDepartment).toEqual([
      { key: 'Engineering', label: 'Engineering', groups: 1, invited: 5, responded: 2, rate: 0.4 },
    ]);
    // E110's four reports and the CEO's one are both under five: one pooled row, no names.
    expect(progress.data!.surveyProgress.byManager).toEqual([
      { key: null, label: '2 smaller groups (under 5 people each)', groups: 2, invited: 5, responded: 2 },
    ]);
    expect(progress.data!.surveyProgress.gap).toEqual({ compared: 1, meanPoints: 0, largeAdjustments: 0 });
    expect(progress.data!.surveyProgress.writtenIn).toEqual([
      { text: 'Run the office book club', count: 1, suggestedLevel: expect.any(String) },
    ]);
    const missing = await as('hr', MISSING, { c: campaignId });
    expect(missing.data!.surveyMissing.nodes.map((n: { employeeId: string }) => n.employeeId).sort()).toEqual([
      'E110',
      'E113',
      'E114',
    ]);
    for (const who of ['leader', 'e112', 'viewer']) expect(code(await as(who, PROGRESS, { c: campaignId }))).toBe('FORBIDDEN');
  });

  it('reminds those who have not answered with new links (the old ones stop working), or hands the links out as CSV', async () => {
    const before = inbox.messages.length;
    const reminded = await as('hr', INVITE, { c: campaignId, d: 'EMAIL', r: true });
    expect(reminded.errors).toBeUndefined();
    // E110, E113, E114 themselves; E110 for E112-E114; the CEO for E110.
    expect(reminded.data!.issueSurveyInvitations).toMatchObject({ issued: 5, emailed: 5 });
    const mails = (await inbox.waitFor(before + 5)).slice(before);
    expect(mails.every((mail) => /^Reminder: /.test(mail.subject))).toBe(true);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([
      'e001@example.com',
      'e110@example.com',
      'e110@example.com',
      'e113@example.com',
      'e114@example.com',
    ]);
    const stale = await api.graphql(FORMS, { i: links['E113:SELF'] }, { token: null });
    expect(code(stale)).toBe('UNAUTHENTICATED');
    expect(stale.errors![0].message).toMatch(/replaced by a newer one/);
    const fresh = mails.find((mail) => mail.to[0] === 'e113@example.com')!;
    links['E113:SELF'] = decodeURIComponent(tokenIn(fresh.text)!);
    expect((await api.graphql(FORMS, { i: links['E113:SELF'] }, { token: null })).errors).toBeUndefined();

    const csv = await as('hr', INVITE, { c: campaignId, d: 'CSV' });
    const lines = csv.data!.issueSurveyInvitations.csv.split('\n');
    expect(lines[0]).toBe('employee_id,name,email,purpose,link,expires_at');
    expect(lines).toHaveLength(6);
    expect(lines.find((line: string) => line.startsWith('E113,'))).toMatch(
      /^E113,Engineer 1\.3,e113@example\.com,SELF,https:\/\/rolemap\.test\/forms\?invitation=rsv_/,
    );
    links['E113:SELF'] = lines
      .find((line: string) => line.startsWith('E113,'))!
      .split(',')[4]
      .split('invitation=')[1];
  });

  it('refuses answers after the window and expired links', async () => {
    await dataSource.query("UPDATE survey_invitation SET expires_at = now() - interval '1 minute' WHERE employee_id = 'E114'");
    const expired = await api.graphql(FORMS, { i: links['E114:SELF'] }, { token: null });
    expect(code(expired)).toBe('UNAUTHENTICATED');
    await dataSource.query("UPDATE survey_campaign SET closes_at = now() - interval '1 second' WHERE id = $1", [campaignId]);
    const late = await api.graphql(
      SUBMIT,
      {
        r: responseOf.E113,
        a: { weeklyHours: 40, lines: [{ activityId: activity(/code/i).id, sharePct: 100 }] },
        i: links['E113:SELF'],
      },
      { token: null },
    );
    expect(code(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0].message).toMatch(/ended on .*answers can no longer be changed/);
    const [row] = await dataSource.query('SELECT self_status FROM survey_response WHERE id = $1', [responseOf.E113]);
    expect(row.self_status).toBe('NOT_STARTED');
  });

  it('closes into a new snapshot that analysis reads as any other', async () => {
    const closed = await as('hr', CLOSE, { c: campaignId, n: 'KEEP_PREVIOUS' });
    expect(closed.errors).toBeUndefined();
    const result = closed.data!.closeSurveyCampaign;
    expect(result).toMatchObject({
      snapshotVersion: 2,
      coverage: { surveyed: 2, carried: 3, none: 0, outside: 11, writtenIn: 1 },
      campaign: { phase: 'CLOSED', resultSnapshotVersion: 2 },
    });
    const duties = await as<{
      positions: {
        nodes: {
          externalId: string;
          responsibilities: {
            title: string;
            sharePct: number;
            valueLevel: string;
            valueLevelSource: string;
            description: string | null;
          }[];
        }[];
      };
    }>(
      'hr',
      'query($s: ID!) { positions(snapshotId: $s, first: 100) { nodes { externalId responsibilities { title sharePct valueLevel valueLevelSource description } } } }',
      { s: result.snapshotId },
    );
    expect(duties.errors).toBeUndefined();
    const of = (id: string) => duties.data!.positions.nodes.find((n) => n.externalId === id)!.responsibilities;
    expect(
      of('E111')
        .map((r) => [r.title, r.sharePct])
        .sort(),
    ).toEqual(
      [
        [activity(/code/i).label, 50],
        [activities.find((a) => a.valueLevel === 'UNIFICATION')!.label, 40],
        ['Run the office book club', 10],
      ].sort(),
    );
    expect(of('E111').find((r) => r.title === activity(/code/i).label)).toMatchObject({
      valueLevel: 'IMPLEMENTATION',
      valueLevelSource: 'GIVEN',
    });
    expect(
      of('E113').every((r) =>
        /^\[Not confirmed in survey "Autumn time survey": carried from the snapshot of 2026-11-01/.test(r.description ?? ''),
      ),
    ).toBe(true);
    expect(
      of('E121')
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Build features', 'Plan work for Engineer 2.1']);
    const summary = await as('hr', 'query($s: ID!) { analysisSummary(snapshotId: $s) { positionCount findingCount } }', {
      s: result.snapshotId,
    });
    expect(summary.errors).toBeUndefined();
    expect(summary.data!.analysisSummary.positionCount).toBe(16);

    expect(code(await as('hr', CLOSE, { c: campaignId }))).toBe('CONFLICT');
    const afterClose = await api.graphql(FORMS, { i: links['E113:SELF'] }, { token: null });
    expect(afterClose.errors![0].message).toMatch(/is closed/);
    const audit = await dataSource.query(
      "SELECT action FROM audit_log WHERE action IN ('survey-close', 'import') AND organization_id = $1 ORDER BY action",
      [organizationId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['import', 'survey-close']);
  });

  it('carries an activity’s start date from the previous campaign when the same person keeps it', async () => {
    const [previous] = await dataSource.query('SELECT result_snapshot_id FROM survey_campaign WHERE id = $1', [campaignId]);
    const label = activity(/code/i).label;
    // As if the earlier campaign had recorded the work long ago.
    await dataSource.query(
      `UPDATE responsibility r SET held_since = '2025-05-05' FROM assignment a JOIN person pe ON pe.id = a.person_id
       WHERE r.snapshot_id = $1 AND a.snapshot_id = r.snapshot_id AND a.position_id = r.position_id AND pe.employee_id = 'E111' AND r.title = $2`,
      [previous.result_snapshot_id, label],
    );
    const second = await as('hr', CREATE, {
      input: input({
        name: 'Winter',
        baseSnapshotId: previous.result_snapshot_id,
        scope: 'DEPARTMENT',
        scopeValue: 'Engineering',
        defaultMode: 'SELF',
      }),
    });
    expect(second.errors).toBeUndefined();
    const winter = second.data!.createSurveyCampaign.id;
    const invited = await as('hr', INVITE, { c: winter, d: 'CSV' });
    const link = invited
      .data!.issueSurveyInvitations.csv.split('\n')
      .find((line: string) => line.startsWith('E111,'))
      .split('invitation=')[1]
      .split(',')[0];
    const [form] = (await api.graphql<{ surveyForms: Form[] }>(FORMS, { i: link }, { token: null })).data!.surveyForms;
    const report = activities.find((a) => a.valueLevel === 'COMMUNICATION')!;
    const done = await api.graphql(
      SUBMIT,
      {
        r: form.responseId,
        a: {
          weeklyHours: 40,
          lines: [
            { activityId: activity(/code/i).id, sharePct: 60 },
            { activityId: report.id, sharePct: 40 },
          ],
        },
        i: link,
      },
      { token: null },
    );
    expect(done.errors).toBeUndefined();
    const closed = await as('hr', CLOSE, { c: winter, n: 'NONE' });
    expect(closed.data!.closeSurveyCampaign.coverage).toMatchObject({ surveyed: 1, carried: 0, none: 15, outside: 0 });
    const since = await dataSource.query(
      `SELECT r.title, to_char(r.held_since, 'YYYY-MM-DD') AS since FROM responsibility r
       JOIN assignment a ON a.snapshot_id = r.snapshot_id AND a.position_id = r.position_id JOIN person pe ON pe.id = a.person_id
       WHERE r.snapshot_id = $1 AND pe.employee_id = 'E111' ORDER BY r.title`,
      [closed.data!.closeSurveyCampaign.snapshotId],
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(Object.fromEntries(since.map((row: { title: string; since: string }) => [row.title, row.since]))).toEqual({
      [label]: '2025-05-05',
      [report.label]: today,
    });
  });
});
