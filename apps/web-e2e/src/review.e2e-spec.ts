import type { Page } from 'playwright-core';
import { baseUrl, demoOrg, openBrowser, positionIdOf, type DemoOrg, type Session } from './support/browser';

/** The list refetches after a filter change: wait until every item it shows has `kind` (and, if given, there are `count`). */
async function waitForItems(page: Page, kind: string, count?: number): Promise<void> {
  await page.waitForFunction(
    ({ kind, count }) => {
      const labels = [...document.querySelectorAll('[aria-label="Findings to review"] > li')].map(
        (li) => li.getAttribute('aria-label') ?? '',
      );
      return (
        labels.length > 0 && (count === undefined || labels.length === count) && labels.every((label) => label.includes(kind))
      );
    },
    { kind, count },
  );
}

describe('leader review', () => {
  let session: Session;
  let demo: DemoOrg;
  let mayaId: string;

  beforeAll(async () => {
    demo = await demoOrg();
    mayaId = await positionIdOf(demo.snapshotId, 'Maya Lindqvist');
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('picks a leader from the searchable list', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/review`);
    const picker = page.getByRole('combobox', { name: 'Leader' });
    await picker.fill('maya platform');
    await page.getByRole('option', { name: /Maya Lindqvist/ }).click();
    await page.waitForURL(`**/org/${demo.orgId}/review/${mayaId}`);
    await page.getByRole('list', { name: 'Findings to review' }).waitFor();
    // The chart shows her team and highlights the positions with findings.
    await page.getByRole('treeitem', { name: /^Maya Lindqvist/ }).waitFor();
    expect(await page.locator('.rm-node--highlighted').count()).toBeGreaterThan(0);
  });

  it('accepts a finding with a note, and the decision survives a reload', async () => {
    const { page } = session;
    const item = page.getByRole('listitem', { name: 'Maya Lindqvist: Promoted, still tactical' });
    await item.getByRole('textbox', { name: 'Note' }).fill('Agreed: hand the fleet API reviews to the team');
    await item.getByRole('button', { name: /^Accept finding/ }).click();
    await item.getByText('Accepted', { exact: true }).waitFor();

    await page.reload();
    const reloaded = page.getByRole('listitem', { name: 'Maya Lindqvist: Promoted, still tactical' });
    await reloaded.getByText('Accepted', { exact: true }).waitFor();
    expect(await reloaded.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Agreed: hand the fleet API reviews to the team',
    );
    expect(await reloaded.textContent()).toMatch(/Accepted by .+: Agreed: hand the fleet API reviews to the team/);
  });

  it('filters by status and kind', async () => {
    const { page } = session;
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ACCEPTED');
    const list = page.getByRole('list', { name: 'Findings to review' });
    await page.waitForURL(/status=ACCEPTED/);
    await waitForItems(page, 'Promoted, still tactical', 1);
    expect(
      await list.locator(':scope > li').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label'))),
    ).toEqual(['Maya Lindqvist: Promoted, still tactical']);

    await page.getByRole('combobox', { name: 'Status' }).selectOption('OPEN');
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('DELEGATION_GAP');
    await page.waitForURL(/kind=DELEGATION_GAP/);
    await waitForItems(page, 'Delegation gap');
    // The list's own items: a finding's hand-off steps are a nested list.
    const findingItems = list.locator(':scope > li');
    const names = await findingItems.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('Delegation gap');
    expect(names).not.toContain('Maya Lindqvist: Promoted, still tactical');
  });

  it('shows each delegation gap’s best fit and next step, and the data coverage of the team', async () => {
    const { page } = session;
    const list = page.getByRole('list', { name: 'Findings to review' });
    const mayas = list.getByRole('listitem', { name: /^Maya Lindqvist: Delegation gap/ });
    await mayas.first().waitFor();
    // Nobody under her has 20% free: the best-fitting reviewer takes it over and hands work on.
    const chain = list.getByLabel('How “Review pull requests for the fleet API” could be handed over');
    await chain.waitFor();
    expect(await chain.textContent()).toMatch(/^Best fit: .+ \(E\d{4}\) — makes room by handing work on/);
    const steps = chain.getByRole('list', { name: 'Hand-offs' }).getByRole('listitem');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    expect(await steps.last().textContent()).toMatch(/ hands “.+” \(\d+%\) to Mei Wong$/);

    const coverage = page.getByRole('region', { name: 'Data coverage in this team' });
    expect(await coverage.textContent()).toMatch(/Responsibilities recorded for \d+ of \d+ positions \(\d+(\.\d)?%\)\./);
  });
});
