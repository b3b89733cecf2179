import type { Locator, Page } from 'playwright-core';
import { CHROMIUM_ARGS, baseUrl, demoOrg, graphql, openBrowser, type DemoOrg } from './support/browser';
import { chromium } from 'playwright-core';

type Link = { employeeId: string; name: string; token: string };

/** Presses Tab until the element has the focus: the page is reached the way a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** A department of the demo with at least `size` people, and a survey of it with every link as CSV. */
async function surveyOfDepartment(demo: DemoOrg, name: string, mode: 'SELF' | 'BOTH', size: number) {
  const positions = await graphql<{ positions: { nodes: { department: string | null; vacant: boolean }[] } }>(
    'query($s: ID!) { positions(snapshotId: $s, first: 500) { nodes { department vacant } } }',
    { s: demo.snapshotId },
  );
  const counts = new Map<string, number>();
  for (const node of positions.positions.nodes) {
    if (node.department && !node.vacant) counts.set(node.department, (counts.get(node.department) ?? 0) + 1);
  }
  const department = [...counts].filter(([, count]) => count >= size).sort((a, b) => a[1] - b[1])[0][0];
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
        defaultMode: mode,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  );
  const invited = await graphql<{ issueSurveyInvitations: { csv: string } }>(
    'mutation($c: ID!) { issueSurveyInvitations(campaignId: $c, delivery: CSV) { csv } }',
    { c: created.createSurveyCampaign.id },
  );
  const links: Link[] = invited.issueSurveyInvitations.csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[3] === 'SELF')
    .map((cells) => ({ employeeId: cells[0], name: cells[1], token: cells[4].split('invitation=')[1] }));
  return {
    campaignId: created.createSurveyCampaign.id,
    department,
    participants: created.createSurveyCampaign.participantCount,
    links,
  };
}

async function activitiesFor(token: string) {
  const forms = await graphql<{ surveyForms: { responseId: string }[] }>(
    'query($i: String) { surveyForms(invitation: $i) { responseId } }',
    {
      i: token,
    },
  );
  const responseId = forms.surveyForms[0].responseId;
  const data = await graphql<{ surveyActivities: { activities: { id: string; label: string; functionName: string }[] } }>(
    'query($r: ID!, $i: String) { surveyActivities(responseId: $r, invitation: $i) { activities { id label functionName } } }',
    { r: responseId, i: token },
  );
  return { responseId, activities: data.surveyActivities.activities };
}

describe('survey forms in Chromium', () => {
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
  });

  it('lets a participant fill in their form with the keyboard alone on a 390 px wide screen', async () => {
    const survey = await surveyOfDepartment(demo, 'Keyboard week', 'SELF', 3);
    const participant = survey.links[0];
    const { activities } = await activitiesFor(participant.token);
    const [first, second] = activities;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const errors: string[] = [];
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'UTC', locale: 'en-GB' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      // Not signed in: the personal link alone opens the forms, and leaves the address bar.
      await page.goto(`${baseUrl()}/forms?invitation=${participant.token}`);
      await page.getByRole('heading', { name: 'Forms you fill in' }).waitFor();
      expect(page.url()).not.toContain('invitation=');
      const own = page.getByRole('link', { name: 'Your own week' });
      await tabTo(page, own);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'How your week divides' }).waitFor();

      await tabTo(page, page.getByLabel('Hours in a usual week'));
      await page.keyboard.type('40');
      await tabTo(page, page.getByLabel('Search activities'));
      await page.keyboard.type(first.label);
      const add = page.getByRole('button', { name: `Add ${first.label}`, exact: true });
      await tabTo(page, add);
      await page.keyboard.press('Enter');
      const share = page.getByRole('textbox', { name: `Share of the week for ${first.label}, percent` });
      await tabTo(page, share);
      await page.keyboard.type('60');
      const total = page.getByRole('status').filter({ hasText: 'Allocated' });
      await total.getByText('Allocated 60% · Unallocated 40%', { exact: false }).waitFor();

      // Browsing by function finds the second activity.
      await tabTo(page, page.getByLabel('Search activities'));
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await tabTo(page, page.getByLabel('Browse by function'));
      await page.getByLabel('Browse by function').selectOption(second.functionName);
      const addSecond = page.getByRole('button', { name: `Add ${second.label}`, exact: true });
      await tabTo(page, addSecond);
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('textbox', { name: `Share of the week for ${second.label}, percent` }));
      await page.keyboard.type('20');
      await total.getByText('Allocated 80% · Unallocated 20%', { exact: false }).waitFor();

      // Saved and resumed: a reload brings the draft back.
      await tabTo(page, page.getByRole('button', { name: 'Save and finish later' }));
      await page.keyboard.press('Enter');
      await page.getByText(/^Saved at/).waitFor();
      await page.reload();
      await page.getByRole('textbox', { name: `Share of the week for ${first.label}, percent` }).waitFor();
      expect(await page.getByRole('textbox', { name: `Share of the week for ${second.label}, percent` }).inputValue()).toBe('20');

      // 80% is outside the accepted range: the review step says so and nothing is submitted.
      await tabTo(page, page.getByRole('button', { name: 'Review answers' }));
      await page.keyboard.press('Enter');
      await page
        .getByRole('alert')
        .getByText(/add up to 80%: they must come to between 95% and 105%/)
        .waitFor();

      // An "other" activity written in takes the rest.
      await tabTo(page, page.getByLabel('Not in the list? Describe it in your own words'));
      await page.keyboard.type('Mentor the summer interns');
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('textbox', { name: 'Share of the week for Mentor the summer interns, percent' }));
      await page.keyboard.type('20');
      await total.getByText('Allocated 100% · Unallocated 0%', { exact: false }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Review answers' }));
      await page.keyboard.press('Enter');
      await page.getByRole('list', { name: 'Your answers' }).waitFor();
      expect(await page.getByRole('list', { name: 'Your answers' }).getByRole('listitem').count()).toBe(3);
      await tabTo(page, page.getByRole('button', { name: 'Submit' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Forms you fill in' }).waitFor();
      await page.getByText('Submitted').waitFor();
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    } finally {
      await browser.close();
    }
    expect(errors).toEqual([]);
    const progress = await graphql<{ surveyProgress: { responded: number } }>(
      'query($c: ID!) { surveyProgress(campaignId: $c) { responded } }',
      {
        c: survey.campaignId,
      },
    );
    expect(progress.surveyProgress.responded).toBe(1);
  });

  it('shows HR the progress of a survey, with small groups pooled, and who is missing', async () => {
    const survey = await surveyOfDepartment(demo, 'Progress week', 'SELF', 6);
    const answered = survey.links.slice(0, 5);
    for (const link of answered) {
      const { responseId, activities } = await activitiesFor(link.token);
      await graphql(
        'mutation($r: ID!, $a: SurveyAnswersInput!, $i: String) { submitSurveyAnswers(responseId: $r, answers: $a, invitation: $i) { status } }',
        {
          r: responseId,
          i: link.token,
          a: {
            weeklyHours: 40,
            lines: [
              { activityId: activities[0].id, sharePct: 70 },
              { activityId: activities[1].id, sharePct: 30 },
            ],
          },
        },
      );
    }
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}/org/${demo.orgId}/surveys`);
      await page.getByRole('link', { name: 'Progress week' }).click();
      await page.getByRole('heading', { name: 'Progress week' }).waitFor();
      const rate = `${Math.round((5 / survey.participants) * 1000) / 10}%`;
      await page.getByRole('status').getByText(`5 of ${survey.participants}`).waitFor();
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: `5 of ${survey.participants}` })
          .textContent(),
      ).toContain(`(${rate})`);
      const byDepartment = page.getByRole('table', { name: 'By department' });
      await byDepartment.getByRole('row', { name: new RegExp(`^${survey.department} 5 / ${survey.participants}`) }).waitFor();
      const missing = page.getByRole('heading', { name: `Not answered yet (${survey.participants - 5})` });
      await missing.waitFor();
      const stillOut = survey.links.slice(5).map((link) => link.name);
      // The missing list only: the offline templates' teams name managers, answered or not.
      const missingList = page.getByRole('region', { name: /^Not answered yet/ });
      for (const name of stillOut) await missingList.getByRole('rowheader', { name, exact: true }).first().waitFor();
      for (const link of answered)
        expect(await missingList.getByRole('rowheader', { name: link.name, exact: true }).count()).toBe(0);
      // Managers' teams under five people show only in the pooled row.
      const byManager = page.getByRole('table', { name: 'By manager' });
      for (const row of await byManager.getByRole('row').all()) {
        const text = (await row.textContent()) ?? '';
        const invited = /(\d+) \/ (\d+)/.exec(text);
        if (invited && !/smaller group/.test(text)) expect(Number(invited[2])).toBeGreaterThanOrEqual(5);
      }

      // Closing runs as a background job: its progress shows until the new snapshot is written.
      await page.getByRole('button', { name: 'Close into a new snapshot' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Closing the survey: / })
        .waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `Closed into snapshot v${demo.snapshotVersion + 1}.` })
        .waitFor({ timeout: 60_000 });
      const closed = await graphql<{ organization: { snapshots: { version: number; label: string | null }[] } }>(
        'query($id: ID!) { organization(id: $id) { snapshots { version label } } }',
        { id: demo.orgId },
      );
      expect(closed.organization.snapshots).toEqual(
        expect.arrayContaining([{ version: demo.snapshotVersion + 1, label: 'Survey: Progress week' }]),
      );
    } finally {
      await session.close();
    }
  });
});
