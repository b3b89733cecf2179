import { baseUrl, graphql, openBrowser, type Session } from './support/browser';

const file = (name: string, content: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

/** Two separate trees: two posts without a manager. */
const FOREST = [
  'Post Unique Reference,Name,Job Title,Reports to Senior Post',
  'A1,Ada Root,Permanent Secretary,XX',
  'A2,Grace Lead,Director General,A1',
  'B1,Alan Agency,Chief Executive,XX',
  'B2,Edsger Ops,Director,B1',
].join('\n');

/** One post id on two named people with the same title and manager. */
const SHARED_POST = [
  'Employee ID,Name,Job Title,Manager ID',
  'E1,Ada Root,Chief Executive Officer,',
  'E2,Grace Lead,Director of Policy,E1',
  'E2,Jo Partner,Director of Policy,E1',
].join('\n');

/** Errors shown in the web say what to click, never which command-line flag to pass. */
async function issueTexts(session: Session): Promise<string[]> {
  return session.page.locator('table.issues tbody td:last-child').allTextContents();
}

describe('upload wizard: the date and the questions only HR can answer', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('takes the as-of date from the file name, else today, and keeps a date HR typed', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/import`);
    const asOf = page.getByLabel('Chart as of');
    await page.getByLabel('People file').setInputFiles(file('organogram-2011-03-31-senior.csv', FOREST));
    await page.getByText('From the file name (2011-03-31)').waitFor();
    expect(await asOf.inputValue()).toBe('2011-03-31');

    await page.getByLabel('People file').setInputFiles(file('people.csv', 'Report as of 2024-06-30\n' + FOREST));
    await page.getByText('From the file ("as of 2024-06-30")').waitFor();
    expect(await asOf.inputValue()).toBe('2024-06-30');

    await page.getByLabel('People file').setInputFiles(file('people.csv', FOREST));
    await page.getByText(/^Today: neither the file name nor its first lines give a date/).waitFor();
    expect(await asOf.inputValue()).toBe(new Date().toISOString().slice(0, 10));

    await asOf.fill('2020-12-31');
    await page.getByLabel('People file').setInputFiles(file('organogram-2011-03-31-senior.csv', FOREST));
    await page.getByText('The day the chart describes.', { exact: true }).waitFor();
    expect(await asOf.inputValue()).toBe('2020-12-31');
  });

  it('lists the tops of a forest, imports it once "Allow several top posts" is ticked, as of the file-name date', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Forest Ministry');
    await page.getByLabel('People file').setInputFiles(file('ministry-2016-03-31.csv', FOREST));
    await page.getByText('From the file name (2016-03-31)').waitFor();
    await page.getByRole('button', { name: 'Check files' }).click();

    const tops = page.getByRole('list', { name: 'Top posts' });
    await tops.waitFor();
    expect(await tops.locator('li').allTextContents()).toEqual([
      'Row 2: Ada Root, Permanent Secretary (A1)',
      'Row 4: Alan Agency, Chief Executive (B1)',
    ]);
    const errors = page.getByRole('table', { name: /Errors/ });
    expect(await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent))).toEqual([
      '2 and 4',
    ]);
    for (const text of await issueTexts(session)) expect(text).not.toMatch(/--[a-z]|allowMultipleRoots/);
    expect(await issueTexts(session)).toEqual([expect.stringContaining('tick "Allow several top posts" and check again')]);

    await page.getByRole('checkbox', { name: 'Allow several top posts' }).check();
    await page.getByRole('button', { name: 'Check again with these choices' }).click();
    await page.getByRole('heading', { name: 'Ready to import' }).waitFor();
    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    await page.getByRole('heading', { name: 'Imported snapshot v1 of Forest Ministry' }).waitFor();

    const data = await graphql<{ organization: { snapshots: { version: number; asOf: string; peopleCount: number }[] } }>(
      '{ organization(name: "Forest Ministry") { snapshots { version asOf peopleCount } } }',
    );
    expect(data.organization.snapshots).toEqual([{ version: 1, asOf: '2016-03-31', peopleCount: 4 }]);
  });

  it('refuses one id on two names until HR says it is a job share', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Job Share Co');
    await page.getByLabel('People file').setInputFiles(file('people.csv', SHARED_POST));
    await page.getByRole('button', { name: 'Check files' }).click();

    await page.getByRole('group', { name: 'Same id, different names' }).waitFor();
    expect(await page.getByRole('group', { name: 'Same id, different names' }).textContent()).toContain(
      'One id is given to people with different names, the same title and the same manager ("E2" on rows 3, 4).',
    );
    const texts = await issueTexts(session);
    expect(texts).toEqual([expect.stringContaining('tick "Same id, different names is a job share" and check again')]);
    expect(texts[0]).not.toMatch(/--[a-z]|jobShares/);
    expect(await page.getByRole('button', { name: 'Import as a new snapshot' }).isDisabled()).toBe(true);

    await page.getByRole('checkbox', { name: 'Same id, different names is a job share' }).check();
    await page.getByRole('button', { name: 'Check again with these choices' }).click();
    await page.getByRole('heading', { name: 'Ready to import' }).waitFor();
    const warnings = page.getByRole('table', { name: /Warnings/ });
    expect(await warnings.textContent()).toContain('read as a job share; the others are imported as "E2#2"');
    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    await page.getByRole('heading', { name: 'Imported snapshot v1 of Job Share Co' }).waitFor();
  });
});
