import ExcelJS from 'exceljs';
import { AccountsService, DictionaryService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { seedSmallOrganization } from '../support/snapshot-fixture';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

/**
 * The offline route on PostgreSQL: a team's template downloaded (REST, HR or the team's leader),
 * filled in, uploaded (GraphQL multipart) with errors that take nothing, then again without, and the
 * campaign closed into a snapshot holding what the file said.
 *
 * The small chart: CEO E001; managers E110, E120, E130 with engineers E1m1-E1m4, each holding
 * "Plan work for …" (30%) and "Build features" (60%). The campaign asks E110's subtree.
 */
const CREATE = `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id participantCount } }`;
const TEAMS = `query($c: ID!) { surveyTemplateTeams(campaignId: $c) { leaderEmployeeId leaderName members answered } }`;
const UPLOAD = `mutation($c: ID!, $file: Upload!, $dry: Boolean) { uploadSurveyTemplate(campaignId: $c, file: $file, dryRun: $dry) {
  ok dryRun leaderEmployeeId submitted skipped rowCount errors { row column code message value } warnings { row code }
} }`;
const CLOSE = `mutation($c: ID!) { closeSurveyCampaign(campaignId: $c) { snapshotId snapshotVersion coverage { surveyed carried none outside } } }`;

type Upload = {
  uploadSurveyTemplate: {
    ok: boolean;
    dryRun: boolean;
    leaderEmployeeId: string | null;
    submitted: string[];
    skipped: string[];
    rowCount: number;
    errors: { row: number | null; column: string | null; code: string; message: string; value: string | null }[];
    warnings: { row: number; code: string }[];
  };
};

describe('survey team templates: download, fill in, upload, close (PostgreSQL)', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let organizationId: string;
  let campaignId: string;
  let activities: { id: string; label: string; valueLevel: string }[];
  const tokens: Record<string, string> = {};

  const download = (leader: string, who?: string) =>
    fetch(`${api.url}/api/survey-campaigns/${campaignId}/teams/${leader}/template.xlsx`, {
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : api.authorized(),
    });
  const upload = (content: Buffer, options: { dry?: boolean; name?: string; token?: string } = {}) =>
    api.upload<Upload>(
      UPLOAD,
      { c: campaignId, file: null, dry: options.dry ?? false },
      { file: { name: options.name ?? 'team.xlsx', content } },
      options.token ? { token: options.token } : {},
    );
  const statuses = async () =>
    (
      await dataSource.query(
        'SELECT employee_id, mode, manager_status, manager_source FROM survey_response WHERE campaign_id = $1 ORDER BY employee_id',
        [campaignId],
      )
    ).map((row: Record<string, string>) => `${row.employee_id} ${row.mode} ${row.manager_status} ${row.manager_source}`);

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    dataSource = api.app.get(DataSource);
    const seeded = await seedSmallOrganization(dataSource, 'Offline Co', true);
    organizationId = seeded.organization.id;
    const dictionary = api.app.get(DictionaryService);
    const { version } = await dictionary.copyStarter(LOCAL_OPERATOR, organizationId);
    activities = await dictionary.activities(LOCAL_OPERATOR, version.id);
    const accounts = api.app.get(AccountsService);
    for (const [who, role, person] of [
      ['leader', 'LEADER', 'E110'],
      ['employee', 'EMPLOYEE', 'E111'],
    ] as const) {
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${who}@offline.test`, displayName: who });
      await accounts.grant(LOCAL_OPERATOR, account.id, organizationId, role, person);
      tokens[who] = (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'tests', 1)).token;
    }
    const created = await api.graphql<{ createSurveyCampaign: { id: string; participantCount: number } }>(CREATE, {
      input: {
        organizationId,
        name: 'Offline week',
        baseSnapshotId: seeded.snapshot.id,
        scope: 'SUBTREE',
        scopeValue: 'E110',
        defaultMode: 'SELF',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(created.errors).toBeUndefined();
    campaignId = created.data!.createSurveyCampaign.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  let template: Buffer;

  it('lists the teams and hands a team’s template to HR and to its own leader only', async () => {
    const teams = await api.graphql<{ surveyTemplateTeams: unknown[] }>(TEAMS, { c: campaignId });
    expect(teams.data!.surveyTemplateTeams).toEqual([
      { leaderEmployeeId: 'E001', leaderName: 'Ada Chief', members: 1, answered: 0 },
      { leaderEmployeeId: 'E110', leaderName: 'Manager 1', members: 4, answered: 0 },
    ]);
    const response = await download('E110');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="offline-week-team-e110.xlsx"');
    template = Buffer.from(await response.arrayBuffer());
    expect(template.length).toBe(Number(response.headers.get('content-length')));
    expect((await download('E110', 'leader')).status).toBe(200);
    expect((await download('E001', 'leader')).status).toBe(404);
    expect((await download('E110', 'employee')).status).toBe(403);
    expect((await download('E999')).status).toBe(404);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const team = workbook.getWorksheet('Team')!;
    // Pre-filled from the base snapshot: two written-in activities per engineer, with their levels.
    expect(team.getRow(2).values).toEqual([
      undefined,
      'E111',
      'Engineer 1.1',
      'Software Engineer',
      undefined,
      'OTHER',
      'Build features',
      'IMPLEMENTATION',
      60,
    ]);
    expect([9, 10].map((row) => team.getRow(row).getCell(1).value)).toEqual(['E114', null]);
    expect(workbook.getWorksheet('Dictionary')!.rowCount).toBe(activities.length + 1);
  });

  it('refuses a template with errors, naming rows and columns, and takes nothing', async () => {
    // As downloaded: the base snapshot's 90% and no weekly hours.
    const unchanged = await upload(template);
    expect(unchanged.errors).toBeUndefined();
    const result = unchanged.data!.uploadSurveyTemplate;
    expect(result.ok).toBe(false);
    expect(result.submitted).toEqual([]);
    expect(result.errors.filter((e) => e.code === 'TOTAL_OUT_OF_RANGE').map((e) => [e.row, e.column])).toEqual([
      [2, 'share_pct'],
      [4, 'share_pct'],
      [6, 'share_pct'],
      [8, 'share_pct'],
    ]);

    const filled = await fill(template, (team) => {
      team.getRow(2).getCell(1).value = 'E999';
      // In the survey, but their manager is the CEO.
      team.getRow(4).getCell(1).value = 'E110';
      team.getRow(6).getCell(5).value = 'NOPE-1';
      team.getRow(8).getCell(8).value = 150;
    });
    const refused = (await upload(filled)).data!.uploadSurveyTemplate;
    expect(refused.ok).toBe(false);
    const codes = refused.errors.map((e) => [e.code, e.row, e.column]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['UNKNOWN_PERSON', 2, 'employee_id'],
        ['NOT_IN_TEAM', 4, 'employee_id'],
        ['UNKNOWN_ACTIVITY', 6, 'activity_id'],
        ['OUT_OF_RANGE', 8, 'share_pct'],
      ]),
    );
    expect(await statuses()).toEqual([
      'E110 SELF NOT_STARTED FORM',
      'E111 SELF NOT_STARTED FORM',
      'E112 SELF NOT_STARTED FORM',
      'E113 SELF NOT_STARTED FORM',
      'E114 SELF NOT_STARTED FORM',
    ]);
    expect(
      (await upload(Buffer.from('employee_id\nE111\n'), { name: 'team.csv' })).data!.uploadSurveyTemplate.errors[0].code,
    ).toBe('UNSUPPORTED_FORMAT');
    expect((await upload(template, { token: tokens.leader })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('takes a correct template as the manager’s submitted answers, audited, and closes into a snapshot with them', async () => {
    const code = activities.find((activity) => activity.valueLevel === 'IMPLEMENTATION')!;
    const lead = activities.find((activity) => activity.valueLevel === 'LEADERSHIP')!;
    const filled = await fill(template, (team) => {
      // E111: a dictionary activity by id and one by its name; E112: the written-in rows, topped up.
      team.getRow(2).values = ['E111', '', '', 40, code.id, '', '', 70];
      team.getRow(3).values = ['E111', '', '', null, '', lead.label, '', 30];
      team.getRow(4).getCell(4).value = 38;
      team.getRow(4).getCell(8).value = 65;
      team.getRow(5).getCell(7).value = 'LEADERSHIP';
      // E113 and E114: left out (no activity, no share).
      for (const row of [6, 7, 8, 9]) for (const column of [4, 5, 6, 7, 8]) team.getRow(row).getCell(column).value = null;
    });
    const dry = (await upload(filled, { dry: true })).data!.uploadSurveyTemplate;
    expect(dry).toMatchObject({ ok: true, dryRun: true, submitted: ['E111', 'E112'], errors: [] });
    expect((await statuses())[1]).toBe('E111 SELF NOT_STARTED FORM');

    const taken = (await upload(filled)).data!.uploadSurveyTemplate;
    expect(taken).toMatchObject({ ok: true, leaderEmployeeId: 'E110', submitted: ['E111', 'E112'], errors: [] });
    expect(await statuses()).toEqual([
      'E110 SELF NOT_STARTED FORM',
      'E111 MANAGER SUBMITTED OFFLINE',
      'E112 MANAGER SUBMITTED OFFLINE',
      'E113 SELF NOT_STARTED FORM',
      'E114 SELF NOT_STARTED FORM',
    ]);
    const [audit] = await dataSource.query(
      "SELECT target, details FROM audit_log WHERE action = 'survey-upload' AND organization_id = $1",
      [organizationId],
    );
    expect(audit).toMatchObject({
      target: 'survey "Offline week", team of E110',
      details: { source: 'offline/manager', submitted: ['E111', 'E112'], fileName: 'team.xlsx' },
    });
    // Submitted once: a second upload leaves their rows unread.
    const again = (await upload(filled)).data!.uploadSurveyTemplate;
    expect(again).toMatchObject({ ok: true, submitted: [], skipped: ['E111', 'E112'] });

    const closed = await api.graphql<{ closeSurveyCampaign: { snapshotId: string; coverage: Record<string, number> } }>(CLOSE, {
      c: campaignId,
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeSurveyCampaign.coverage).toMatchObject({ surveyed: 2, carried: 3 });
    const work = await dataSource.query(
      `SELECT pe.employee_id, r.title, r.value_level, r.share_pct FROM responsibility r
       JOIN assignment a ON a.snapshot_id = r.snapshot_id AND a.position_id = r.position_id
       JOIN person pe ON pe.id = a.person_id
       WHERE r.snapshot_id = $1 AND pe.employee_id IN ('E111', 'E112') ORDER BY pe.employee_id, r.share_pct DESC`,
      [closed.data!.closeSurveyCampaign.snapshotId],
    );
    expect(work).toEqual([
      { employee_id: 'E111', title: code.label, value_level: 'IMPLEMENTATION', share_pct: 70 },
      { employee_id: 'E111', title: lead.label, value_level: 'LEADERSHIP', share_pct: 30 },
      { employee_id: 'E112', title: 'Build features', value_level: 'IMPLEMENTATION', share_pct: 65 },
      { employee_id: 'E112', title: 'Plan work for Engineer 1.2', value_level: 'LEADERSHIP', share_pct: 30 },
    ]);
  });
});

/** The template with the Team sheet changed as a manager would in a spreadsheet. */
async function fill(template: Buffer, change: (team: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  change(workbook.getWorksheet('Team')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
