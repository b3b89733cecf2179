import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, demoOrg, graphql, openBrowser, ownerCookie, type DemoOrg, type Session } from './support/browser';

/** A demo user's e-mail and password as the first start printed them. */
function demoUser(role: string): { email: string; password: string } {
  const logs = process.env.ROLEMAP_E2E_LOGS ?? '';
  const match = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)`, 'm').exec(logs);
  if (!match) throw new Error(`The first start printed no demo ${role}:\n${logs}`);
  return { email: match[1], password: match[2] };
}

async function signIn(page: Page, role: string): Promise<void> {
  const user = demoUser(role);
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl()}/`);
}

async function newSignedInPage(session: Session, role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, role);
  return { context, page };
}

const asBearer = async (token: string) =>
  (await (
    await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { displayName } }' }),
    })
  ).json()) as { data?: { me: { displayName: string } | null }; errors?: { extensions: { code: string } }[] };

describe('the account pages in the browser: API tokens, people with access, audit log, sign out everywhere', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser({ signedIn: false });
    await signIn(session.page, 'HR_ADMIN');
  });
  afterAll(() => session?.close());

  it('creates an API token shown once, which works as a Bearer token until it is revoked', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'My account' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { name: 'My API tokens' }).waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Name').fill('e2e laptop');
    await form.getByLabel('Valid for').selectOption({ label: '30 days' });
    await form.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('status', { name: 'New token' });
    await created.getByText('copy it now, it will not be shown again').waitFor();
    const secret = (await created.getByLabel('Token secret').textContent())!.trim();
    expect(secret).toMatch(/^rmt_[\w-]{40,}$/);
    expect((await asBearer(secret)).data?.me?.displayName).toMatch(/demo hr admin/i);

    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: /e2e laptop/ });
    await row.getByText('Active').waitFor();
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    expect(await page.getByText(secret).count()).toBe(0);

    await row.getByRole('button', { name: 'Revoke e2e laptop' }).click();
    await row.getByText(/^Revoked/).waitFor();
    // `me` is public: a token that no longer works is nobody.
    expect((await asBearer(secret)).data).toEqual({ me: null });
  });

  it('shows an HR admin who has access, and lets them add someone by e-mail, change their role and remove them', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'People with access' }).click();
    await page.waitForURL('**/access');
    const members = page.getByRole('table', { name: 'Members' });
    const self = members.getByRole('row', { name: /demo hr admin/i });
    await self.getByText('(you)').waitFor();
    expect(await self.getByRole('combobox').count()).toBe(0);
    await members
      .getByRole('row', { name: /demo leader/i })
      .getByText('Leader')
      .first()
      .waitFor();

    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('E-mail').fill('Auditor@Example.com');
    await add.getByLabel('Name (for a new account)').fill('Ava Auditor');
    await add.getByLabel('Role').selectOption({ label: 'Viewer: the chart, without ratings or findings' });
    await add.getByRole('button', { name: 'Add member' }).click();
    await add.getByRole('status').filter({ hasText: 'has access now' }).waitFor();
    const ava = members.getByRole('row', { name: 'Ava Auditor' });
    await ava.getByText('auditor@example.com').waitFor();
    expect(await ava.getByRole('combobox', { name: 'Role of Ava Auditor' }).inputValue()).toBe('VIEWER');

    // An employee is someone in the chart: without their employee id the server says so.
    await ava.getByRole('combobox', { name: 'Role of Ava Auditor' }).selectOption('EMPLOYEE');
    await ava.getByRole('button', { name: 'Save' }).click();
    await ava.getByRole('alert').filter({ hasText: 'needs the employee id' }).waitFor();
    // Someone in the demo chart: the demo employee's person.
    const before = await graphql<{ members: { role: string; personExternalId: string | null }[] }>(
      'query($o: ID!) { members(organizationId: $o) { role personExternalId } }',
      { o: demo.orgId },
    );
    const employeeId = before.members.find((member) => member.role === 'EMPLOYEE')!.personExternalId!;
    await ava.getByRole('textbox', { name: 'Employee id of Ava Auditor' }).fill(employeeId);
    await ava.getByRole('button', { name: 'Save' }).click();
    await ava.getByRole('button', { name: 'Save' }).waitFor({ state: 'detached' });
    const check = await graphql<{ members: { email: string; role: string; personExternalId: string | null }[] }>(
      'query($o: ID!) { members(organizationId: $o) { email role personExternalId } }',
      { o: demo.orgId },
    );
    expect(check.members.find((member) => member.email === 'auditor@example.com')).toEqual({
      email: 'auditor@example.com',
      role: 'EMPLOYEE',
      personExternalId: employeeId,
    });

    await ava.getByRole('button', { name: 'Remove' }).click();
    await ava.getByRole('button', { name: 'Confirm removing Ava Auditor' }).click();
    await ava.waitFor({ state: 'detached' });
  });

  it('shows the audit log to an HR admin: filtered by action and date, page by page, and as CSV', async () => {
    const { page } = session;
    // Enough entries for a second page: role changes of a member, as the HR pages make them.
    const added = await graphql<{ addMember: { accountId: string } }>(
      'mutation($o: ID!) { addMember(organizationId: $o, email: "pager@example.com", role: VIEWER) { accountId } }',
      { o: demo.orgId },
    );
    for (let i = 0; i < 26; i++) {
      for (const role of ['HR_ADMIN', 'VIEWER']) {
        await graphql(
          'mutation($o: ID!, $a: ID!, $r: OrganizationRole!) { setMemberRole(organizationId: $o, accountId: $a, role: $r) { role } }',
          {
            o: demo.orgId,
            a: added.addMember.accountId,
            r: role,
          },
        );
      }
    }
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/audit-log');
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await entries.getByRole('row').nth(1).waitFor();

    const filter = page.getByRole('form', { name: 'Filter the audit log' });
    await filter.getByRole('checkbox', { name: 'role-change' }).check();
    const today = new Date().toISOString().slice(0, 10);
    await filter.getByLabel('From').fill(today);
    await filter.getByLabel('To').fill(today);
    const count = page.getByRole('status').filter({ hasText: /entries, newest first/ });
    await count.filter({ hasText: /^(5[3-9]|[6-9]\d) entries/ }).waitFor();
    const actions = await entries.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toHaveLength(50);
    expect(new Set(actions)).toEqual(new Set(['role-change']));
    expect(await entries.getByRole('row', { name: /pager@example.com/ }).count()).toBeGreaterThan(0);

    const pages = page.getByRole('navigation', { name: 'Audit log pages' });
    await pages.getByText('Page 1 of 2').waitFor();
    await pages.getByRole('button', { name: 'Older' }).click();
    await pages.getByText('Page 2 of 2').waitFor();
    // The first page stays in view until the second arrives.
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Audit entries"] tbody tr').length < 50);
    const rest = await entries.locator('tbody tr').count();
    expect(rest).toBeGreaterThanOrEqual(3);
    expect(rest).toBeLessThan(50);

    // Nothing happened before 2020.
    await filter.getByLabel('From').fill('');
    await filter.getByLabel('To').fill('2020-01-01');
    await page.getByText('No entries match.').waitFor();
    await filter.getByLabel('From').fill(today);
    await filter.getByLabel('To').fill(today);
    await count.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      filter.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split(/\r?\n/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(53);
    expect(lines.slice(1).every((line) => line.includes('role-change'))).toBe(true);
  });

  it('refuses the HR pages to someone who is not an HR admin', async () => {
    const { context, page } = await newSignedInPage(session, 'VIEWER');
    try {
      await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
      const tabs = page.getByRole('navigation', { name: 'Organization' });
      await tabs.getByRole('link', { name: 'Overview' }).waitFor();
      expect(await tabs.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      await page.goto(`${baseUrl()}/org/${demo.orgId}/access`);
      await page.getByRole('alert').filter({ hasText: 'Only the organization’s HR admins see who has access.' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('signs out every browser of the account, this one too, and leaves other accounts signed in', async () => {
    const other = await newSignedInPage(session, 'HR_ADMIN');
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}/account`);
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL('**/sign-in');
      await page.getByRole('status').filter({ hasText: 'You are signed out on every device.' }).waitFor();
      await other.page.goto(`${baseUrl()}/account`);
      await other.page.waitForURL('**/sign-in');
      // The owner's session (another account) still works.
      const owner = await fetch(`${baseUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: ownerCookie() },
        body: JSON.stringify({ query: '{ me { owner } }' }),
      });
      expect(await owner.json()).toEqual({ data: { me: { owner: true } } });
    } finally {
      await other.context.close();
    }
  });
});
