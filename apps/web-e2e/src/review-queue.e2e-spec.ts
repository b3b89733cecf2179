import type { Page } from 'playwright-core';
import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

/** Kenji's pigeonholing finding as the overview's role panel shows it. */
async function kenjisFinding(page: Page, orgId: string): Promise<string> {
  await page.goto(`${baseUrl()}/org/${orgId}/overview`);
  await page.getByRole('treeitem', { name: /^Helena Marsh/ }).waitFor();
  await page.getByRole('searchbox', { name: 'Find a person' }).fill('Kenji Watanabe');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('treeitem', { name: /^Kenji Watanabe/ }).click();
  const finding = page.getByRole('complementary', { name: 'Kenji Watanabe' }).locator('[data-kind="PIGEONHOLING_RISK"]');
  await finding.waitFor();
  return (await finding.textContent()) ?? '';
}

describe('the review queue (Needs review)', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('confirms wordings one at a time, with another level, and in bulk: the queue shrinks and the findings change', async () => {
    const { page } = session;
    // Part of Kenji's time is in a wording that needs review, so his finding leaves it out.
    const before = await kenjisFinding(page, demo.orgId);
    expect(before).toMatch(/75% of their time still goes to implementation work/);
    expect(before).toMatch(/A further 15% of their time is in a responsibility that needs review/);

    // Reached from the snapshots page.
    await page.goto(`${baseUrl()}/org/${demo.orgId}/snapshots`);
    await page.getByRole('link', { name: 'Needs review in v1' }).click();
    await page.waitForURL(/\/needs-review\?snapshot=/);
    const status = page.getByRole('status').filter({ hasText: /need/ });
    await status
      .getByText('8 responsibilities need review in 5 wordings (8 unclassified, 0 placed with low confidence).')
      .waitFor();
    const list = page.getByRole('list', { name: 'Wordings awaiting review' });
    expect(await list.getByRole('listitem').count()).toBe(5);
    const firmware = list.getByRole('listitem', { name: 'Coordinate firmware releases with the test lab' });
    expect(await firmware.textContent()).toMatch(/Reads as Unification \(\d+%\) or Implementation \(\d+%\)/);
    await firmware.getByText('coordinate', { exact: true }).waitFor();
    expect(await firmware.textContent()).toMatch(
      /2 responsibilities.*held by Kenji Watanabe \(Senior Robotics Engineer\), Mohammed Campbell/,
    );

    // One click confirms the suggestion.
    const campaign = list.getByRole('listitem', { name: 'Track campaign results in spreadsheets' });
    await campaign.getByRole('button', { name: 'Confirm “Track campaign results in spreadsheets” as Implementation' }).click();
    await status.getByText(/^7 responsibilities need review in 4 wordings/).waitFor();
    await campaign.waitFor({ state: 'detached' });

    // Ticked rows are confirmed together, each with its suggestion.
    await list.getByRole('checkbox', { name: 'Select “Coordinate parts supply with the warehouse”' }).check();
    await list.getByRole('checkbox', { name: 'Select “Coordinate test environments with developers”' }).check();
    await page.getByRole('button', { name: 'Confirm 2 selected' }).click();
    await status.getByText(/^3 responsibilities need review in 2 wordings/).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);

    // Another level than the suggestion: the firmware releases are hands-on work in this team.
    await firmware.getByRole('combobox', { name: 'or another level' }).selectOption({ label: 'Implementation' });
    await firmware.getByRole('button', { name: 'Set the level of “Coordinate firmware releases with the test lab”' }).click();
    await status.getByText(/^1 responsibility needs review in 1 wording/).waitFor();
    await firmware.waitFor({ state: 'detached' });
    await page.getByText('Confirmed 1 wording (2 responsibilities); the findings have been recalculated.').waitFor();

    // The finding now counts that time as implementation.
    const after = await kenjisFinding(page, demo.orgId);
    expect(after).toMatch(/90% of their time still goes to implementation work/);
    expect(after).not.toMatch(/needs review/);

    // What is left in v1; the tab, from another page, leads to a queue where it still waits.
    await page.goto(`${baseUrl()}/org/${demo.orgId}/snapshots`);
    await page.getByRole('link', { name: 'Needs review in v1' }).click();
    await status.getByText(/^1 responsibility needs review in 1 wording/).waitFor();
    await list.getByRole('listitem', { name: 'Present the technical architecture to prospects' }).waitFor();
    await page.goto(`${baseUrl()}/org/${demo.orgId}/snapshots`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Needs review' }).click();
    await page.waitForURL(/\/needs-review/);
    await list.getByRole('listitem', { name: 'Present the technical architecture to prospects' }).waitFor();
    expect(await list.getByRole('listitem', { name: 'Coordinate firmware releases with the test lab' }).count()).toBe(0);
  });
});
