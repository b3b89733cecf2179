import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

describe('HR overrides', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('changes Maya’s tier to individual contributor and back: her promotion finding goes and returns', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.getByRole('treeitem', { name: /^Helena Marsh/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('Maya Lindqvist');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('treeitem', { name: /^Maya Lindqvist/ }).click();
    const panel = page.getByRole('complementary', { name: 'Maya Lindqvist' });
    const finding = panel.locator('[data-kind="PROMOTED_STILL_TACTICAL"]');
    await finding.waitFor();
    const tier = panel.locator('.override__current');
    expect(await tier.textContent()).toBe('Tier Director · inferred from the job title');

    const select = panel.getByRole('combobox', { name: 'Change tier' });
    await select.selectOption({ label: 'Individual contributor' });
    await panel.getByRole('button', { name: 'Apply' }).click();
    await finding.waitFor({ state: 'detached' });
    expect(await tier.textContent()).toBe('Tier Individual contributor · set by HR');
    // The counts read the same analysis.
    await page
      .getByRole('list', { name: 'Findings by kind' })
      .getByRole('button', { name: /Promoted, still tactical\s*1/ })
      .waitFor();

    await select.selectOption({ label: 'Inferred (clear override)' });
    await panel.getByRole('button', { name: 'Apply' }).click();
    await finding.waitFor();
    expect(await tier.textContent()).toBe('Tier Director · inferred from the job title');
    await page
      .getByRole('list', { name: 'Findings by kind' })
      .getByRole('button', { name: /Promoted, still tactical\s*2/ })
      .waitFor();
  });
});
