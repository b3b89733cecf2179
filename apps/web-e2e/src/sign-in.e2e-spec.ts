import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

/** A demo user's e-mail and password as the first start printed them. */
function demoUser(role: string): { email: string; password: string } {
  const logs = process.env.ROLEMAP_E2E_LOGS ?? '';
  const match = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)`, 'm').exec(logs);
  if (!match) throw new Error(`The first start printed no demo ${role}:\n${logs}`);
  return { email: match[1], password: match[2] };
}

describe('signing in from the browser', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser({ signedIn: false });
  });
  afterAll(() => session?.close());

  it('sends a visitor to the sign-in page, and refuses a wrong password with the reason', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.waitForURL('**/sign-in');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(demoUser('LEADER').email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
  });

  it('signs the demo leader in, shows who is signed in, and opens the review on their own team', async () => {
    const { page } = session;
    const leader = demoUser('LEADER');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(leader.email);
    await page.getByLabel('Password').fill(leader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}/`);
    const account = page.getByLabel('Signed in');
    await account.getByText(/demo leader/).waitFor();
    expect(await account.textContent()).toMatch(/leader/);

    await page.goto(`${baseUrl()}/org/${demo.orgId}/review`);
    await page.getByRole('list', { name: 'Findings to review' }).waitFor();
    const name = (await account.locator('.account-menu__name').textContent())!.replace(/ \(demo leader\)$/, '');
    // Their own card is at the top of the chart, and nobody above them is in it.
    await page.getByRole('treeitem', { name: new RegExp(`^${name}`) }).waitFor();
  });

  it('signs out, after which the app asks to sign in again', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL('**/sign-in');
  });
});
