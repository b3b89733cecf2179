/**
 * @oidc-provider
 */
import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

/** Single sign-on in Chromium, against a real OpenID Connect provider the environment started. */
describe('signing in with single sign-on from the browser', () => {
  let session: Session;
  let demo: DemoOrg;
  const issuer = () => process.env.ROLEMAP_E2E_OIDC_ISSUER!;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser({ signedIn: false });
  });
  afterAll(() => session?.close());

  async function signInAtProvider(login: string) {
    const { page } = session;
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL(`${issuer()}/interaction/**`);
    await page.getByPlaceholder('Enter any login').fill(login);
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks to authorize rolemap once per user.
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('offers the provider, signs a new person in as a viewer of the default organization and returns to the page they wanted', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.waitForURL('**/sign-in');
    await signInAtProvider('new.colleague@northwind.demo');
    await page.waitForURL(`${baseUrl()}/org/${demo.orgId}/overview`);
    const account = page.getByLabel('Signed in');
    await account.getByText('New Colleague').waitFor();
    expect(await account.textContent()).toMatch(/viewer/);
    await page.getByRole('heading', { name: 'Northwind Robotics' }).waitFor();
    await account.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
  });

  it('links the existing account with the same verified e-mail', async () => {
    const { page, context } = session;
    // Someone else at this browser: signing out of rolemap leaves the provider's own session, so end that too.
    await context.clearCookies();
    await page.goto(`${baseUrl()}/sign-in`);
    await signInAtProvider('hr@northwind.demo');
    await page.waitForURL(`${baseUrl()}/`);
    await page
      .getByLabel('Signed in')
      .getByText(/demo hr admin/i)
      .waitFor();
  });

  it('shows why a refused single sign-on did not work', async () => {
    const { page } = session;
    // An answer this browser did not start: the state does not match its cookie.
    await page.goto(
      `${baseUrl()}/api/auth/sso/callback?code=made-up&state=not-this-browsers&iss=${encodeURIComponent(issuer())}`,
    );
    await page.waitForURL('**/sign-in?sso_error=**');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Single sign-on did not work.' })
      .getByText(/state mismatch/)
      .waitFor();
  });
});
