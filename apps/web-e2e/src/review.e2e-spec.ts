import type { Locator, Page } from 'playwright-core';
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

/** Wait until a text box is empty: it clears once the save has returned. */
async function waitForEmpty(page: Page, box: Locator): Promise<void> {
  const handle = await box.elementHandle();
  await page.waitForFunction((element) => (element as HTMLTextAreaElement | null)?.value === '', handle);
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

  it('opens on the leaders with open findings, most severe first, with their counts', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/review`);
    const leaders = page.getByRole('list', { name: 'Leaders with open findings' });
    await leaders.waitFor();
    const items = leaders.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(1);
    const texts = await items.evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
    for (const text of texts) expect(text).toMatch(/(High|Medium|Low) \d+ open findings?/);
    // Most severe first: no Medium or Low before a High.
    const bands = texts.map((text) => (/High/.test(text) ? 0 : /Medium/.test(text) ? 1 : 2));
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
    // Each opens that leader's review.
    const first = items.first().getByRole('link');
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/review\/[0-9a-f-]{36}/);
    await page.getByRole('list', { name: 'Findings to review' }).waitFor();
    expect(await page.locator('.combobox__current').textContent()).toContain(`Reviewing ${name}`);
  });

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

  it('accepts a finding with a note and plans its action; the note box clears and the decision survives a reload', async () => {
    const { page } = session;
    const item = page.getByRole('listitem', { name: 'Maya Lindqvist: Promoted, still tactical' });
    await item.getByRole('textbox', { name: 'Note' }).fill('Agreed: hand the fleet API reviews to the team');
    await item.getByRole('button', { name: /^Accept finding/ }).click();
    const form = item.getByRole('form', { name: 'Plan the action' });
    // Suggested: the leader owns it, a month on; a promoted leader still doing the old job stops doing it.
    expect(await form.getByRole('textbox', { name: 'Owner' }).inputValue()).toBe('Maya Lindqvist');
    expect(await form.getByRole('radio', { name: 'Stop doing' }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: 'Delegate' }).check();
    await form.getByRole('textbox', { name: 'Delegate to' }).fill('Carlos Ramos');
    await form.getByLabel('Due').fill('2020-03-31');
    await form.getByRole('button', { name: 'Accept and plan the action' }).click();
    await item.getByText('Accepted', { exact: true }).waitFor();
    // The list may show the decision (cache update) a moment before the form resets its draft.
    await waitForEmpty(page, item.getByRole('textbox', { name: 'Note' }));
    const action = item.getByLabel('Action');
    expect(await action.textContent()).toMatch(
      /Delegate to Carlos Ramos · owner Maya Lindqvist · due 31 Mar 2020\s*Open\s*Overdue/,
    );

    await page.reload();
    const reloaded = page.getByRole('listitem', { name: 'Maya Lindqvist: Promoted, still tactical' });
    await reloaded.getByText('Accepted', { exact: true }).waitFor();
    expect(await reloaded.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');
    expect(await reloaded.textContent()).toMatch(/Accepted by .+: .?Agreed: hand the fleet API reviews to the team/);
    // The team's actions list it, overdue and marked.
    const actions = page.getByRole('table', { name: 'Actions in this team' });
    const row = actions.getByRole('row', { name: /Maya Lindqvist/ });
    expect(await row.textContent()).toMatch(/Promoted, still tactical.*Delegate to Carlos Ramos.*31 Mar 2020Overdue/);
  });

  it('changes a decision with its own note and keeps both in the history', async () => {
    const { page } = session;
    const item = page.getByRole('listitem', { name: 'Maya Lindqvist: Promoted, still tactical' });
    await item.getByRole('textbox', { name: 'Note' }).fill('Carlos moves team in January');
    await item.getByRole('button', { name: /^Reopen finding/ }).click();
    await item.locator('.status--open').waitFor();
    await waitForEmpty(page, item.getByRole('textbox', { name: 'Note' }));
    await item.getByRole('button', { name: /^History of the finding/ }).click();
    const decisions = item.getByRole('list', { name: 'Decisions' });
    await decisions.waitFor();
    const entries = await decisions.getByRole('listitem').allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^Reopened by .+: .?Carlos moves team in January/);
    expect(entries[1]).toMatch(/^Accepted by .+: .?Agreed: hand the fleet API reviews to the team/);
    expect(await item.getByRole('list', { name: 'Actions planned' }).textContent()).toMatch(
      /Delegate to Carlos Ramos, owner Maya Lindqvist, due 31 Mar 2020: Cancelled/,
    );
    // Accept it again for the filters below.
    await item.getByRole('button', { name: /^Accept finding/ }).click();
    await item.getByRole('form', { name: 'Plan the action' }).getByRole('button', { name: 'Accept and plan the action' }).click();
    await item.getByText('Accepted', { exact: true }).waitFor();
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
    expect(await coverage.textContent()).toMatch(
      /[\d,]+ of [\d,]+ positions? ha(s|ve) responsibilities recorded \(\d+(\.\d)?%\)\./,
    );
  });

  it('lists the actions for HR on their own page, overdue first and marked; done ones leave the open list', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/actions`);
    const table = page.getByRole('table', { name: 'Actions' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Maya Lindqvist.*Promoted, still tactical.*Stop doing.*Open/);
    await page.getByRole('button', { name: /^Mark done: Maya Lindqvist/ }).click();
    await page.getByText('No actions yet', { exact: false }).waitFor();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('done');
    await page.waitForURL(/show=done/);
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/Maya Lindqvist.*Done/);
  });
});
