import { generateSyntheticOrg, peopleCsv, responsibilitiesCsv } from '@rolemap/demo-data';
import { baseUrl, graphql, openBrowser, type Session } from './support/browser';

const BROKEN_PEOPLE = [
  'Employee ID,Full Name,Job Title,Manager ID,Hire Date',
  'E1,Ada Root,Chief Executive Officer,,2019-01-01',
  'E2,Grace Lead,VP Engineering,E1,2020-13-45',
  'E3,Alan Orphan,Software Engineer,NOBODY,2021-03-01',
].join('\n');

const PEOPLE = [
  'Employee ID,Full Name,Job Title,Boss Ref,Department,Hire Date',
  'E1,Ada Root,Chief Executive Officer,,Board,2019-01-01',
  'E2,Grace Lead,VP Engineering,E1,Engineering,2020-02-01',
  'E3,Alan Builder,Software Engineer,E2,Engineering,2021-03-01',
  'E4,Edsger Builder,Software Engineer,E2,Engineering,2021-04-01',
].join('\n');

const RESPONSIBILITIES = [
  'employee_id,responsibility,value_level,share',
  'E1,Set the company strategy,LEADERSHIP,60',
  'E2,Write production code for the payments API,IMPLEMENTATION,50',
  'E3,Build the billing service,IMPLEMENTATION,80',
].join('\n');

const file = (name: string, content: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

describe('upload wizard', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('shows each problem of a broken people file by row in the errors table', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Broken Upload Co');
    await page.getByLabel('People file').setInputFiles(file('broken-people.csv', BROKEN_PEOPLE));
    await page.getByRole('button', { name: 'Check files' }).click();

    const errors = page.getByRole('table', { name: /Errors/ });
    await errors.waitFor();
    const rows = await errors
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['broken-people.csv', '3', 'Hire Date', '2020-13-45', expect.stringContaining('month 13')],
        ['broken-people.csv', '4', 'Manager ID', 'NOBODY', expect.stringContaining('NOBODY')],
      ]),
    );
    expect(await page.getByRole('button', { name: 'Import as a new snapshot' }).isDisabled()).toBe(true);
  });

  it('fixes an unrecognised column in the mapping, imports, and creates a new snapshot', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('E2E Upload Co');
    await page.getByLabel('People file').setInputFiles(file('people.csv', PEOPLE));
    await page.getByLabel(/Responsibilities file/).setInputFiles(file('responsibilities.csv', RESPONSIBILITIES));
    await page.getByRole('button', { name: 'Check files' }).click();

    // "Boss Ref" is not a known header: without it everyone is a root.
    const bossRef = page.getByRole('combobox', { name: 'Boss Ref' });
    await bossRef.waitFor();
    expect(await bossRef.inputValue()).toBe('');
    await bossRef.selectOption('manager_id');
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await page.getByRole('heading', { name: 'Ready to import' }).waitFor();
    const counts = page.getByRole('definition').filter({ hasText: /^\d+$/ });
    expect(await counts.allTextContents()).toEqual(['4', '4', '3', '7']);
    // Edsger (E4) has no responsibilities: the wizard says how many positions lack them, and what that means.
    const warnings = page.getByRole('table', { name: /Warnings/ });
    expect(await warnings.textContent()).toMatch(
      /responsibilities\.csv.*1 of 4 positions \(25%\) have no responsibilities recorded, for example E4\. Their work is treated as unknown/,
    );

    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    await page.getByRole('heading', { name: 'Imported snapshot v1 of E2E Upload Co' }).waitFor();

    const data = await graphql<{
      organization: { id: string; snapshots: { version: number; peopleCount: number; sourceFileName: string }[] };
    }>('{ organization(name: "E2E Upload Co") { id snapshots { version peopleCount sourceFileName } } }');
    expect(data.organization.snapshots).toEqual([{ version: 1, peopleCount: 4, sourceFileName: 'people.csv' }]);

    await page.getByRole('link', { name: 'Open the overview' }).click();
    await page.waitForURL(`**/org/${data.organization.id}/overview?snapshot=*`);
    await page.getByRole('treeitem', { name: /^Ada Root/ }).waitFor();
    await page.getByRole('treeitem', { name: /^Grace Lead/ }).waitFor();
  });

  // Past ~300 KB of people the server used to wait for the second file before reading the first,
  // while the browser waited for the first to be read: "Checking the files…" for ever.
  it('checks and imports 10k people with 30k responsibilities', async () => {
    const { page } = session;
    const org = generateSyntheticOrg({ size: 10_000, seed: 5 });
    const people = peopleCsv(org.people);
    expect(people.length).toBeGreaterThan(1_000_000);
    await page.goto(`${baseUrl()}/import`);
    await page.getByRole('textbox', { name: 'Organization name' }).fill('Wizard Pair Co');
    await page.getByLabel('People file').setInputFiles(file('people-10k.csv', people));
    await page
      .getByLabel(/Responsibilities file/)
      .setInputFiles(file('responsibilities-30k.csv', responsibilitiesCsv(org.responsibilities)));
    await page.getByRole('button', { name: 'Check files' }).click();

    await page.getByRole('heading', { name: 'Ready to import' }).waitFor({ timeout: 30_000 });
    const counts = page.getByRole('definition').filter({ hasText: /^\d+$/ });
    expect((await counts.allTextContents()).slice(0, 3)).toEqual(['10000', '10000', String(org.responsibilities.length)]);

    await page.getByRole('button', { name: 'Import as a new snapshot' }).click();
    await page.getByRole('heading', { name: 'Imported snapshot v1 of Wizard Pair Co' }).waitFor({ timeout: 60_000 });
  }, 120_000);
});
