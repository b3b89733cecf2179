import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

const spanRow = async (session: Session, table: string) =>
  session.page
    .getByRole('table', { name: table })
    .getByRole('row', { name: /Span of control/ })
    .locator('td')
    .allTextContents();

describe('policy', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('blocks saving a mix that does not add up to 100', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/policy`);
    const field = page.getByRole('spinbutton', { name: 'Manager: Leadership %' });
    await field.fill('25');
    await page.getByText('Adds up to 110, not 100 (10 too many).').waitFor();
    expect(await page.getByRole('button', { name: 'Save policy' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await field.inputValue()).toBe('15');
  });

  it('changes a threshold and shows the finding counts change', async () => {
    const { page } = session;
    const before = await spanRow(session, 'Findings with the current policy');
    expect(before).toEqual(['2']);

    await page.getByRole('spinbutton', { name: 'Wide span above' }).fill('4');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('table', { name: 'Findings before and after the change' }).waitFor();
    const [was, now, change] = await spanRow(session, 'Findings before and after the change');
    expect(was).toBe('2');
    expect(Number(now)).toBeGreaterThan(2);
    expect(change).toBe(`+${Number(now) - 2}`);

    // The saved policy is what the server now uses.
    await page.reload();
    expect(await page.getByRole('spinbutton', { name: 'Wide span above' }).inputValue()).toBe('4');
  });
});
