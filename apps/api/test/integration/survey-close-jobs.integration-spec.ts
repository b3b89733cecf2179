import { AccountsService, DEFAULT_JOBS_CONFIG, DictionaryService, LOCAL_OPERATOR, acrossAllTenants } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { seedSmallOrganization } from '../support/snapshot-fixture';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id } }`;
const INVITE = `mutation($c: ID!) { issueSurveyInvitations(campaignId: $c, delivery: CSV) { csv } }`;
const FORMS = `query($i: String) { surveyForms(invitation: $i) { responseId } }`;
const SUBMIT = `mutation($r: ID!, $a: SurveyAnswersInput!, $i: String) {
  submitSurveyAnswers(responseId: $r, answers: $a, invitation: $i) { status }
}`;
const QUEUE_CLOSE = `mutation($c: ID!, $n: NonRespondentPolicy) {
  queueSurveyClose(campaignId: $c, nonRespondents: $n) { id kind state organizationId }
}`;
const JOB = `query($id: ID!) {
  job(id: $id) {
    id kind state progress attempts error
    surveyClosing { snapshotId snapshotVersion coverage { surveyed carried none outside } campaign { id phase resultSnapshotVersion } }
  }
}`;

interface JobView {
  id: string;
  kind: string;
  state: string;
  progress: number;
  attempts: number;
  error: string | null;
  surveyClosing: {
    snapshotId: string;
    snapshotVersion: number;
    coverage: { surveyed: number; carried: number; none: number; outside: number };
    campaign: { id: string; phase: string; resultSnapshotVersion: number };
  } | null;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Closing a survey as a background job: one transaction writes the snapshot, closes the campaign
 * and marks the job done, so a run that dies mid-way leaves nothing behind and a retry, or the
 * same job delivered again, closes it exactly once.
 */
describe('survey closing as a background job, idempotent under retry (PostgreSQL)', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let organizationId: string;
  let campaignId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, { jobs: { ...DEFAULT_JOBS_CONFIG, pollIntervalMs: 500, staleAfterMs: 3_000 } });
    dataSource = api.app.get(DataSource);
    const seeded = await seedSmallOrganization(dataSource, 'Acme', true);
    organizationId = seeded.organization.id;
    const dictionary = api.app.get(DictionaryService);
    const { version } = await dictionary.copyStarter(LOCAL_OPERATOR, organizationId);
    const activities = await dictionary.activities(LOCAL_OPERATOR, version.id);
    const accounts = api.app.get(AccountsService);
    for (const [who, role, person] of [
      ['hr', 'HR_ADMIN', null],
      ['leader', 'LEADER', 'E110'],
    ] as const) {
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${who}@close.test`, displayName: who });
      await accounts.grant(LOCAL_OPERATOR, account.id, organizationId, role, person);
      tokens[who] = (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
    }
    const created = await api.graphql<{ createSurveyCampaign: { id: string } }>(
      CREATE,
      {
        input: {
          organizationId,
          name: 'Queued closing',
          baseSnapshotId: seeded.snapshot.id,
          scope: 'SUBTREE',
          scopeValue: 'E110',
          defaultMode: 'SELF',
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
      { token: tokens.hr },
    );
    expect(created.errors).toBeUndefined();
    campaignId = created.data!.createSurveyCampaign.id;
    const csv = (await api.graphql<{ issueSurveyInvitations: { csv: string } }>(INVITE, { c: campaignId }, { token: tokens.hr }))
      .data!.issueSurveyInvitations.csv;
    const link = csv
      .split('\n')
      .find((line) => line.startsWith('E111,'))!
      .split('invitation=')[1]
      .split(',')[0];
    const [form] = (await api.graphql<{ surveyForms: { responseId: string }[] }>(FORMS, { i: link }, { token: null })).data!
      .surveyForms;
    const submitted = await api.graphql(
      SUBMIT,
      { r: form.responseId, a: { weeklyHours: 40, lines: [{ activityId: activities[0].id, sharePct: 100 }] }, i: link },
      { token: null },
    );
    expect(submitted.errors).toBeUndefined();
  });
  afterAll(async () => {
    await acrossAllTenants(async () => {
      await dataSource.query('DROP TRIGGER IF EXISTS crash_first_closing ON survey_campaign');
      await dataSource.query('DROP FUNCTION IF EXISTS crash_first_closing()');
      await dataSource.query('DROP SEQUENCE IF EXISTS crash_first_closing_runs');
    });
    await api?.close();
  });

  const snapshotsOf = async () =>
    (
      await dataSource.query('SELECT version FROM org_snapshot WHERE organization_id = $1 ORDER BY version', [organizationId])
    ).map((row: { version: number }) => row.version);
  const closings = () =>
    dataSource.query(
      "SELECT details->>'snapshotVersion' AS version FROM audit_log WHERE organization_id = $1 AND action = 'survey-close'",
      [organizationId],
    );
  const job = (id: string, token = tokens.hr) => api.graphql<{ job: JobView }>(JOB, { id }, { token });

  it('lets only HR admins queue the closing', async () => {
    const refused = await api.graphql(QUEUE_CLOSE, { c: campaignId }, { token: tokens.leader });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('closes once, on the retry, when the first run dies mid-transaction after writing the snapshot', async () => {
    // The first run's transaction fails after the new snapshot's rows are written (at the campaign's
    // update); a sequence counts runs outside the transaction, so the second run goes through.
    await acrossAllTenants(async () => {
      await dataSource.query('CREATE SEQUENCE crash_first_closing_runs');
      await dataSource.query(`CREATE FUNCTION crash_first_closing() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          IF NEW.closed_at IS NOT NULL AND nextval('crash_first_closing_runs') = 1 THEN
            RAISE EXCEPTION 'simulated crash in the middle of closing';
          END IF;
          RETURN NEW;
        END $$`);
      await dataSource.query(
        'CREATE TRIGGER crash_first_closing BEFORE UPDATE ON survey_campaign FOR EACH ROW EXECUTE FUNCTION crash_first_closing()',
      );
    });
    expect(await snapshotsOf()).toEqual([1]);

    const queued = await api.graphql<{ queueSurveyClose: { id: string; kind: string; state: string; organizationId: string } }>(
      QUEUE_CLOSE,
      { c: campaignId, n: 'NONE' },
      { token: tokens.hr },
    );
    expect(queued.errors).toBeUndefined();
    expect(queued.data!.queueSurveyClose).toMatchObject({ kind: 'SURVEY_CLOSE', state: 'QUEUED', organizationId });
    const id = queued.data!.queueSurveyClose.id;

    const done = (
      await until(
        () => job(id),
        (result) => ['DONE', 'FAILED'].includes(result.data?.job.state ?? ''),
      )
    ).data!.job;
    expect(done).toMatchObject({ state: 'DONE', attempts: 2, progress: 1, error: null });
    expect(done.surveyClosing).toMatchObject({
      snapshotVersion: 2,
      coverage: { surveyed: 1, none: 4 },
      campaign: { id: campaignId, phase: 'CLOSED', resultSnapshotVersion: 2 },
    });
    // The failed run left no snapshot of its own: version 2 is the only new one, closed once.
    expect(await snapshotsOf()).toEqual([1, 2]);
    expect(await closings()).toEqual([{ version: '2' }]);
    const [campaign] = await dataSource.query('SELECT result_snapshot_id FROM survey_campaign WHERE id = $1', [campaignId]);
    expect(campaign.result_snapshot_id).toBe(done.surveyClosing!.snapshotId);
  });

  it('does nothing when the done job is delivered again (its worker died before acknowledging it)', async () => {
    const [{ id }] = await dataSource.query("SELECT id FROM background_job WHERE kind = 'SURVEY_CLOSE'");
    await acrossAllTenants(() =>
      dataSource.query(`INSERT INTO pgboss.job (name, data) VALUES ('rolemap-survey-close', $1)`, [
        JSON.stringify({ jobId: id }),
      ]),
    );
    await until(
      () =>
        acrossAllTenants(() =>
          dataSource.query(
            "SELECT state FROM pgboss.job WHERE name = 'rolemap-survey-close' AND data->>'jobId' = $1 AND state <> 'completed'",
            [id],
          ),
        ),
      (rows: unknown[]) => rows.length === 0,
    );
    expect((await job(id)).data!.job).toMatchObject({ state: 'DONE', attempts: 2 });
    expect(await snapshotsOf()).toEqual([1, 2]);
    expect(await closings()).toHaveLength(1);
  });

  it('refuses to queue the closing of a closed campaign', async () => {
    const again = await api.graphql(QUEUE_CLOSE, { c: campaignId }, { token: tokens.hr });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/already closed/);
  });
});
