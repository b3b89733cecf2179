import { baseUrl, importPeople, openBrowser, type ImportedSnapshot, type Session } from './support/browser';

const V1 = [
  'Employee ID,Full Name,Job Title,Manager ID',
  'A,Avery Stone,Chief Executive Officer,',
  'B,Blake Rivers,Software Engineer,A',
  'C,Casey Marsh,Software Engineer,A',
].join('\n');

// B is promoted and C now reports to B; D joined.
const V2 = [
  'Employee ID,Full Name,Job Title,Manager ID',
  'A,Avery Stone,Chief Executive Officer,',
  'B,Blake Rivers,Engineering Manager,A',
  'C,Casey Marsh,Software Engineer,B',
  'D,Dana Holt,Software Engineer,B',
].join('\n');

/** The items of one section of the diff, as text. */
async function section(session: Session, title: string): Promise<string[]> {
  const region = session.page.getByRole('region', { name: new RegExp(`^${title}`) });
  return region.getByRole('listitem').allTextContents();
}

describe('snapshots', () => {
  let session: Session;
  let v1: ImportedSnapshot;
  let v2: ImportedSnapshot;

  beforeAll(async () => {
    v1 = await importPeople('Diff E2E Co', V1, '2026-01-15');
    v2 = await importPeople('Diff E2E Co', V2, '2026-04-15');
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('lists both versions and shows who joined, moved and was promoted', async () => {
    const { page } = session;
    expect(v2.organizationId).toBe(v1.organizationId);
    expect([v1.snapshotVersion, v2.snapshotVersion]).toEqual([1, 2]);
    await page.goto(`${baseUrl()}/org/${v1.organizationId}/snapshots`);

    const versions = page.getByRole('table', { name: 'Imported versions, newest first' });
    await versions.waitFor();
    const rows = await versions
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)));
    expect(rows.map((row) => [row[0], row[1], row[4]])).toEqual([
      ['v2', '15 Apr 2026', '4'],
      ['v1', '15 Jan 2026', '3'],
    ]);

    // By default the latest version is compared with the one before it.
    await page.getByRole('region', { name: /^Joiners/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'From' }).inputValue()).toBe(v1.snapshotId);
    expect(await page.getByRole('combobox', { name: 'To' }).inputValue()).toBe(v2.snapshotId);
    expect(await section(session, 'Joiners')).toEqual([expect.stringMatching(/^Dana Holt · Software Engineer/)]);
    expect(await section(session, 'Leavers')).toEqual([]);
    expect(await section(session, 'Promotions')).toEqual([
      expect.stringMatching(/^Blake Rivers\s*Software Engineer → Engineering Manager/),
    ]);
    // The diff names managers by employee id.
    expect(await section(session, 'Moves')).toEqual([
      expect.stringMatching(/^Casey Marsh\s*Manager: Avery Stone → Blake Rivers$/),
    ]);
  });

  it('orders versions by their as-of date: an older chart imported last is not the latest', async () => {
    const { page } = session;
    // April first, then January: v1 is the newer chart, v2 the older one.
    const april = await importPeople('Late Import E2E Co', V2, '2026-04-15');
    const january = await importPeople('Late Import E2E Co', V1, '2026-01-15');
    expect([april.snapshotVersion, january.snapshotVersion]).toEqual([1, 2]);
    await page.goto(`${baseUrl()}/org/${april.organizationId}/snapshots`);

    const versions = page.getByRole('table', { name: 'Imported versions, newest first' });
    await versions.waitFor();
    const rows = await versions
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)));
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['v1', '15 Apr 2026'],
      ['v2', '15 Jan 2026'],
    ]);
    // The default comparison runs forwards in time, January → April.
    await page.getByRole('region', { name: /^Joiners/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'From' }).inputValue()).toBe(january.snapshotId);
    expect(await page.getByRole('combobox', { name: 'To' }).inputValue()).toBe(april.snapshotId);
    expect(await section(session, 'Joiners')).toEqual([expect.stringMatching(/^Dana Holt · Software Engineer/)]);
    expect(await section(session, 'Promotions')).toEqual([
      expect.stringMatching(/^Blake Rivers\s*Software Engineer → Engineering Manager/),
    ]);

    // The overview opens on the newest chart.
    await page.goto(`${baseUrl()}/org/${april.organizationId}/overview`);
    await page.getByRole('treeitem', { name: /^Blake Rivers, Engineering Manager/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Snapshot' }).inputValue()).toBe(april.snapshotId);
  });
});
