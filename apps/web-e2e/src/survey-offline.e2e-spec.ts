import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl, demoOrg, graphql, openBrowser, type DemoOrg, type Session } from './support/browser';

type Team = { leaderEmployeeId: string; leaderName: string; members: number; answered: number };

/** A survey of the demo's largest department, filled in by the managers (so every team's rows are read). */
async function managerSurvey(demo: DemoOrg, name: string) {
  const positions = await graphql<{ positions: { nodes: { department: string | null; vacant: boolean }[] } }>(
    'query($s: ID!) { positions(snapshotId: $s, first: 500) { nodes { department vacant } } }',
    { s: demo.snapshotId },
  );
  const counts = new Map<string, number>();
  for (const node of positions.positions.nodes) {
    if (node.department && !node.vacant) counts.set(node.department, (counts.get(node.department) ?? 0) + 1);
  }
  const department = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const created = await graphql<{ createSurveyCampaign: { id: string; participantCount: number } }>(
    `
      mutation ($input: CreateSurveyCampaignInput!) {
        createSurveyCampaign(input: $input) {
          id
          participantCount
        }
      }
    `,
    {
      input: {
        organizationId: demo.orgId,
        name,
        baseSnapshotId: demo.snapshotId,
        scope: 'DEPARTMENT',
        scopeValue: department,
        defaultMode: 'MANAGER',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  );
  return { campaignId: created.createSurveyCampaign.id, participants: created.createSurveyCampaign.participantCount };
}

async function teamsOf(campaignId: string): Promise<Team[]> {
  const data = await graphql<{ surveyTemplateTeams: Team[] }>(
    'query($c: ID!) { surveyTemplateTeams(campaignId: $c) { leaderEmployeeId leaderName members answered } }',
    { c: campaignId },
  );
  return data.surveyTemplateTeams;
}

async function responded(campaignId: string): Promise<number> {
  const data = await graphql<{ surveyProgress: { responded: number } }>(
    'query($c: ID!) { surveyProgress(campaignId: $c) { responded } }',
    { c: campaignId },
  );
  return data.surveyProgress.responded;
}

/** Clicks the team's Download button in the page and keeps the file Chromium saved. */
async function downloadTemplate(page: Page, team: Team, dir: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download the template of ${team.leaderName}’s team` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/**
 * Fills the team's workbook in as a manager would: each person's first row gets 40 hours and the
 * whole week on one dictionary activity, their other pre-filled rows are cleared. `share` can
 * override the share of the n-th person (to break the file). Returns each person's first row number.
 */
async function fillIn(file: string, out: string, share: (person: number) => unknown = () => 100) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Team')!;
  const dictionary = workbook.getWorksheet('Dictionary')!;
  const activityId = String(dictionary.getRow(2).getCell(1).value);
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const column = (name: string) => headers.indexOf(name);
  const firstRows = new Map<string, number>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const employeeId = String(row.getCell(column('employee_id')).value ?? '');
    if (!employeeId) return;
    const first = !firstRows.has(employeeId);
    if (first) firstRows.set(employeeId, rowNumber);
    row.getCell(column('weekly_hours')).value = first ? 40 : null;
    row.getCell(column('activity_id')).value = first ? activityId : null;
    row.getCell(column('activity')).value = null;
    row.getCell(column('value_level')).value = null;
    row.getCell(column('share_pct')).value = first ? (share(firstRows.size - 1) as ExcelJS.CellValue) : null;
  });
  await workbook.xlsx.writeFile(out);
  return firstRows;
}

describe('offline survey templates in Chromium', () => {
  let demo: DemoOrg;
  let session: Session;
  let dir: string;

  beforeAll(async () => {
    demo = await demoOrg();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-offline-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets HR download a team’s template, upload it filled in, and refuses a broken one whole', async () => {
    const survey = await managerSurvey(demo, 'Offline week');
    const teams = await teamsOf(survey.campaignId);
    const accepted = teams.find((team) => team.members >= 1)!;
    const refused = teams.find((team) => team !== accepted && team.members >= 2);
    if (!refused) throw new Error(`The survey needs two teams, one of two people or more: ${JSON.stringify(teams)}`);

    session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}/org/${demo.orgId}/surveys/${survey.campaignId}`);
      const section = page.getByRole('region', { name: 'Offline templates' });
      const table = section.getByRole('table', { name: `Teams (${teams.length})` });
      await table.getByRole('row', { name: new RegExp(`^${accepted.leaderName} `) }).waitFor();
      const progress = page.getByRole('status').filter({ hasText: ` of ${survey.participants}` });
      await progress.getByText(`0 of ${survey.participants}`).waitFor();

      // Downloaded in Chromium (the checked download), filled in, uploaded through the page.
      const good = path.join(dir, 'good.xlsx');
      const people = await fillIn(await downloadTemplate(page, accepted, dir), good);
      expect(people.size).toBe(accepted.members);
      await section.getByLabel('Filled-in template (XLSX)').setInputFiles(good);
      await section.getByRole('button', { name: 'Upload answers' }).click();
      const saved = `Saved the answers of ${accepted.members} ${accepted.members === 1 ? 'person' : 'people'} in ${accepted.leaderName}’s team`;
      await section.getByRole('status').getByText(saved, { exact: false }).waitFor();
      await progress.getByText(`${accepted.members} of ${survey.participants}`).waitFor();
      expect(await responded(survey.campaignId)).toBe(accepted.members);

      // A share of 140 and one of "abc": both named by row and column, and nothing is taken.
      const broken = path.join(dir, 'broken.xlsx');
      const rows = [
        ...(
          await fillIn(await downloadTemplate(page, refused, dir), broken, (person) =>
            person === 0 ? 140 : person === 1 ? 'abc' : 100,
          )
        ).values(),
      ];
      await section.getByLabel('Filled-in template (XLSX)').setInputFiles(broken);
      await section.getByRole('button', { name: 'Upload answers' }).click();
      await section
        .getByRole('alert')
        .getByText(/^The file has \d+ problems?; nothing was saved\.$/)
        .waitFor();
      const problems = section.getByRole('table', { name: /Problems to fix/ });
      await problems.getByRole('row', { name: new RegExp(`\\b${rows[0]} share_pct 140 `) }).waitFor();
      await problems.getByRole('row', { name: new RegExp(`\\b${rows[1]} share_pct abc `) }).waitFor();
      expect(await problems.getByRole('row').filter({ hasText: 'a share must be from 0 to 100% (got 140%)' }).count()).toBe(1);
      expect(await section.getByRole('status').count()).toBe(0);
      expect(await responded(survey.campaignId)).toBe(accepted.members);
      expect(
        (await teamsOf(survey.campaignId)).find((team) => team.leaderEmployeeId === refused.leaderEmployeeId)?.answered,
      ).toBe(0);
      await progress.getByText(`${accepted.members} of ${survey.participants}`).waitFor();

      // Fine at 390 px: the section scrolls inside itself, never the page.
      await page.setViewportSize({ width: 390, height: 844 });
      await section.getByRole('button', { name: 'Upload answers' }).scrollIntoViewIfNeeded();
      const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    } finally {
      await session.close();
    }
  });
});
