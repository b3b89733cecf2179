import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, kept off the network (this machine has none beyond loopback). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // Chromium 156 renders the omnibox's AI-mode popup (a WebUI page) for every new tab, headless
  // too: ~0.35 s of CPU a tab, on the two cores the page under test and its server share.
  '--disable-features=WebUIOmniboxAimPopup',
];

/** The server global-setup started. */
export function baseUrl(): string {
  const url = process.env.ROLEMAP_E2E_URL;
  if (!url) throw new Error('ROLEMAP_E2E_URL is not set: run through apps/web-e2e/jest.config.js');
  return url;
}

/** The owner's session cookie (name=value): the environment signed in with the first start's link. */
export function ownerCookie(): string {
  const cookie = process.env.ROLEMAP_E2E_COOKIE;
  if (!cookie) throw new Error('ROLEMAP_E2E_COOKIE is not set: run through apps/web-e2e/jest.config.js');
  return cookie;
}

export type Session = { browser: Browser; context: BrowserContext; page: Page; close: () => Promise<void> };

/** A browser signed in as the owner, unless `signedIn` is false. */
export async function openBrowser({ signedIn = true }: { signedIn?: boolean } = {}): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  if (signedIn) {
    const [name, value] = ownerCookie().split('=');
    await context.addCookies([{ name, value, url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The server's Content-Security-Policy must not block anything the app does.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return {
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
      if (errors.length) throw new Error(`Uncaught errors or CSP violations in the page:\n${errors.join('\n')}`);
    },
  };
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rolemap-client': 'e2e', cookie: ownerCookie() },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data as T;
}

/** The demo as the first start seeded it; its newest snapshot is the one its closed survey wrote. */
export type DemoOrg = { orgId: string; snapshotId: string; snapshotVersion: number };

export async function demoOrg(): Promise<DemoOrg> {
  const data = await graphql<{ organization: { id: string; latestSnapshot: { id: string; version: number } } }>(
    '{ organization(name: "Northwind Robotics") { id latestSnapshot { id version } } }',
  );
  const { id, version } = data.organization.latestSnapshot;
  return { orgId: data.organization.id, snapshotId: id, snapshotVersion: version };
}

export async function positionIdOf(snapshotId: string, name: string): Promise<string> {
  const data = await graphql<{ orgChart: { id: string; name: string }[] }>(
    'query($s: ID!) { orgChart(snapshotId: $s) { id name } }',
    {
      s: snapshotId,
    },
  );
  const node = data.orgChart.find((entry) => entry.name === name);
  if (!node) throw new Error(`${name} is not in the demo org chart`);
  return node.id;
}

export type ImportedSnapshot = { organizationId: string; snapshotId: string; snapshotVersion: number };

/** Imports a people CSV as a new snapshot through the API's GraphQL multipart upload, as the wizard does. */
export async function importPeople(organizationName: string, csv: string, asOf: string): Promise<ImportedSnapshot> {
  const query = `mutation($name: String!, $people: Upload!, $options: ImportOptions) {
    commitImport(organizationName: $name, people: $people, options: $options) {
      ok organizationId snapshotId snapshotVersion errors { message }
    }
  }`;
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { name: organizationName, people: null, options: { asOf } } }));
  form.append('map', JSON.stringify({ 0: ['variables.people'] }));
  form.append('0', new Blob([csv], { type: 'text/csv' }), `people-${asOf}.csv`);
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'x-rolemap-client': 'e2e', cookie: ownerCookie() },
    body: form,
  });
  const body = (await response.json()) as {
    data?: { commitImport: ImportedSnapshot & { ok: boolean; errors: { message: string }[] } };
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  const result = body.data!.commitImport;
  if (!result.ok)
    throw new Error(`The import of ${organizationName} failed: ${result.errors.map((error) => error.message).join('; ')}`);
  return { organizationId: result.organizationId, snapshotId: result.snapshotId, snapshotVersion: result.snapshotVersion };
}
