import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, baseUrl, graphql, openBrowser, type Session } from './support/browser';

/**
 * Issue 13's whole journey in the web app, as a new HR user takes it: an HRIS export with no
 * responsibilities is imported (no findings about work: nobody knows what anyone does), the starter
 * dictionary is copied, a survey is created with a mode per population, three people answer it
 * (two for themselves, one through their manager) from their personal links, HR closes it, and the
 * overview of the new snapshot shows what the answers revealed.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// An HRIS-style export: ids, names, titles, managers, e-mails, dates; no responsibilities at all.
const HRIS_EXPORT = [
  'Employee ID,Full Name,Job Title,Manager ID,Department,Work Email,Hire Date,Last Promotion Date,Previous Title',
  `J1,Joan Root,Chief Executive Officer,,Executive,joan@journey.test,2015-01-05,,`,
  `J2,Priya Lead,Engineering Manager,J1,Engineering,priya@journey.test,2018-03-01,${day(-150)},Senior Software Engineer`,
  `J3,Omar Builder,Software Engineer,J2,Engineering,omar@journey.test,2021-03-01,,`,
  `J4,Lena Builder,Software Engineer,J2,Engineering,lena@journey.test,2022-05-02,,`,
].join('\n');

type Line = { label: string; share: number };

/** Fills in the form the page shows: weekly hours, activities found by search, shares; then review and submit. */
async function fillIn(page: Page, lines: readonly Line[]): Promise<void> {
  await page.getByLabel('Hours in a usual week').fill('40');
  for (const line of lines) {
    await page.getByLabel('Search activities').fill(line.label);
    await page.getByRole('button', { name: `Add ${line.label}`, exact: true }).click();
    await page.getByRole('textbox', { name: `Share of the week for ${line.label}, percent` }).fill(String(line.share));
  }
  await page.getByRole('status').filter({ hasText: 'Allocated 100% · Unallocated 0%' }).waitFor();
  await page.getByRole('button', { name: 'Review answers' }).click();
  await page.getByRole('list', { name: 'Your answers' }).waitFor();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('heading', { name: 'Forms you fill in' }).waitFor();
}

describe('a survey from an HRIS export to findings, all in the web app', () => {
  let session: Session;
  let participants: Browser;

  beforeAll(async () => {
    session = await openBrowser();
    participants = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await participants?.close();
    await session?.close();
  });

  it('imports, surveys three people (one through their manager), closes, and shows the findings', async () => {
    const { page } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // 1. The HRIS export: a chart, and no responsibilities, so no finding about anyone's work.
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Journey Co');
    await page
      .getByLabel('People file')
      .setInputFiles({ name: 'hris-export.csv', mimeType: 'text/csv', buffer: Buffer.from(HRIS_EXPORT) });
    await page.getByRole('button', { name: 'Check files' }).click();
    await page.getByRole('heading', { name: 'Ready to import' }).waitFor();
    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    await page.getByRole('heading', { name: 'Imported snapshot v1 of Journey Co' }).waitFor();
    const { organization } = await graphql<{ organization: { id: string; latestSnapshot: { id: string } } }>(
      '{ organization(name: "Journey Co") { id latestSnapshot { id } } }',
    );
    // Structure only (spans and layers) can be found: nothing about anyone's work.
    const before = await graphql<{ findings: { nodes: { kind: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s) { nodes { kind } } }',
      { s: organization.latestSnapshot.id },
    );
    for (const { kind } of before.findings.nodes) expect(['SPAN_OF_CONTROL', 'LAYERS']).toContain(kind);

    // 2. The activity dictionary the forms offer: a copy of the starter one.
    await page.goto(`${baseUrl()}/org/${organization.id}/dictionary`);
    await page.getByRole('button', { name: 'Start from the starter dictionary' }).click();
    await page.getByText('Write code for new features').first().waitFor();

    // 3. The survey: everyone fills in their own form, except individual contributors, whose line manager does.
    await page.goto(`${baseUrl()}/org/${organization.id}/surveys`);
    await page.getByLabel('Name').fill('Journey week');
    await page.getByLabel('Who fills in each form').selectOption('SELF');
    await page.getByRole('button', { name: 'Add a mode rule' }).click();
    const rule = page.getByRole('group', { name: 'Mode rule 1' });
    await rule.getByLabel('Tier').selectOption('IC');
    await rule.getByLabel('Who fills in').selectOption('MANAGER');
    await page.getByRole('button', { name: 'Create the survey' }).click();
    await page.getByRole('heading', { name: 'Journey week' }).waitFor();

    // 4. The personal links, as the CSV HR sends from its own mail tool.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download links as CSV' }).click(),
    ]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    const linkOf = (employeeId: string, purpose: 'SELF' | 'MANAGER') => {
      const row = csv
        .trim()
        .split('\n')
        .map((line) => line.split(','))
        .find((cells) => cells[0] === employeeId && cells[3] === purpose);
      if (!row) throw new Error(`no ${purpose} link for ${employeeId} in:\n${csv}`);
      // The link names the server's public address; the browser here reaches it at baseUrl().
      const link = new URL(row[4]);
      return `${baseUrl()}${link.pathname}${link.search}`;
    };

    // 5. Three people answer from their links, each in a browser of their own, not signed in.
    const answer = async (link: string, formName: string | RegExp, lines: readonly Line[]) => {
      const context = await participants.newContext({ viewport: { width: 1024, height: 900 }, timezoneId: 'UTC' });
      context.setDefaultTimeout(15_000);
      const own = await context.newPage();
      own.on('pageerror', (error) => errors.push(error.message));
      await own.goto(link);
      await own.getByRole('heading', { name: 'Forms you fill in' }).waitFor();
      await own.getByRole('link', { name: formName }).click();
      await fillIn(own, lines);
      await context.close();
    };
    // The CEO sets direction; the newly promoted manager still mostly codes; the manager fills in for Omar.
    await answer(linkOf('J1', 'SELF'), 'Your own week', [
      { label: 'Set the strategy for the team or function', share: 60 },
      { label: 'Present results to senior leadership', share: 40 },
    ]);
    await answer(linkOf('J2', 'SELF'), 'Your own week', [
      { label: 'Write code for new features', share: 50 },
      { label: 'Review colleagues’ code changes', share: 30 },
      { label: 'Hold 1:1s with direct reports', share: 20 },
    ]);
    await answer(linkOf('J2', 'MANAGER'), /^Omar Builder/, [
      { label: 'Write code for new features', share: 70 },
      { label: 'Write automated tests', share: 30 },
    ]);

    // 6. HR sees the answers come in and closes the survey into a new snapshot.
    await page.reload();
    await page
      .getByText(/3 of 4/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Close into a new snapshot' }).click();
    await page.getByRole('status').filter({ hasText: 'Closed into snapshot v2.' }).waitFor({ timeout: 60_000 });

    // 7. The overview of the new snapshot: the promoted manager still doing the old job is found.
    await page.goto(`${baseUrl()}/org/${organization.id}/overview`);
    await page.getByRole('heading', { name: 'Journey Co' }).waitFor();
    const cards = page.getByRole('list', { name: 'Findings by kind' });
    await cards.getByRole('button', { name: /Promoted, still tactical\s*1/ }).waitFor();
    const after = await graphql<{ organization: { latestSnapshot: { version: number; label: string } } }>(
      '{ organization(name: "Journey Co") { latestSnapshot { version label } } }',
    );
    expect(after.organization.latestSnapshot).toEqual({ version: 2, label: 'Survey: Journey week' });
    expect(errors).toEqual([]);
  });
});
