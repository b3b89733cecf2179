/**
 * @server-env ROLEMAP_JOB_IMPORT_MB=0 ROLEMAP_JOB_POLL_SECONDS=2
 */
import { generateSyntheticOrg, peopleCsv, responsibilitiesCsv } from '@rolemap/demo-data';
import { baseUrl, graphql, openBrowser, type Session } from './support/browser';

const file = (name: string, content: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

// Every import goes to the queue on this spec's server (ROLEMAP_JOB_IMPORT_MB=0), as large ones do.
describe('upload wizard with a queued import', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('shows the job’s progress while the queue imports it, and ends on the imported snapshot', async () => {
    const { page } = session;
    const org = generateSyntheticOrg({ size: 5_000, seed: 11 });
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Queued Wizard Co');
    await page.getByLabel('People file').setInputFiles(file('people-5k.csv', peopleCsv(org.people)));
    await page
      .getByLabel(/Responsibilities file/)
      .setInputFiles(file('responsibilities-5k.csv', responsibilitiesCsv(org.responsibilities)));
    await page.getByRole('button', { name: 'Check files' }).click();
    await page.getByRole('heading', { name: 'Ready to import' }).waitFor({ timeout: 30_000 });

    // What the job's progress bar says, every time it changes, until the wizard is done.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { jobStatuses: string[] }).jobStatuses = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.job-progress');
        const text = bar?.textContent ?? null;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The job the wizard follows: the id its polls ask about.
    const polledJobIds = new Set<string>();
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (typeof body?.query === 'string' && /\bjob\(id:/.test(body.query) && body.variables?.id)
        polledJobIds.add(body.variables.id);
    });
    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    // The commit answers at once with the queued job; the wizard follows it.
    const status = page.getByRole('status').filter({ hasText: /^Importing: / });
    await status.waitFor();
    expect(await status.locator('progress').count()).toBe(1);
    await page.getByRole('heading', { name: 'Imported snapshot v1 of Queued Wizard Co' }).waitFor({ timeout: 60_000 });
    const statuses = await page.evaluate(() => (window as unknown as { jobStatuses: string[] }).jobStatuses);
    expect(statuses[0]).toBe('Importing: waiting in the queue…');
    // The wizard polls once a second: a run that lasted two polls or more must have shown its stage
    // and percentage (on a quiet machine 5,000 people can import between two polls).
    expect(polledJobIds.size).toBe(1);
    const { job } = await graphql<{ job: { startedAt: string; finishedAt: string } }>(
      'query($id: ID!) { job(id: $id) { startedAt finishedAt } }',
      { id: [...polledJobIds][0] },
    );
    const runMs = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
    if (runMs >= 2_000) expect(statuses.some((text) => /^Importing: .+… \d+%$/.test(text))).toBe(true);

    const data = await graphql<{ organization: { snapshots: { version: number; peopleCount: number }[] } }>(
      '{ organization(name: "Queued Wizard Co") { snapshots { version peopleCount } } }',
    );
    expect(data.organization.snapshots).toEqual([{ version: 1, peopleCount: 5_000 }]);
  }, 120_000);
});
