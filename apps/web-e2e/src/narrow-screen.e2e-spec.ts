import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

// A phone held upright: nothing may scroll sideways, and every tab must be reachable.
const PAGES = ['overview', 'review', 'surveys', 'import'];

describe('at 390 × 844', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
    await session.page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(() => session?.close());

  it.each(PAGES)('the %s page does not scroll sideways and every tab is reachable', async (path) => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/${path}`);
    await page.getByRole('navigation', { name: 'Organization' }).waitFor();
    await page.waitForLoadState('networkidle');
    const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    for (const nav of ['Main', 'Organization']) {
      const links = page.getByRole('navigation', { name: nav }).getByRole('link');
      for (const link of await links.all()) {
        await link.scrollIntoViewIfNeeded();
        expect(await link.isVisible()).toBe(true);
      }
    }
  });
});
