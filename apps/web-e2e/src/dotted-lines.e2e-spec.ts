import { baseUrl, importPeople, openBrowser, type Session } from './support/browser';

// Dee (engineering) also answers to the VP Product, Eve (product) to the VP Engineering.
const PEOPLE = [
  'employee_id,name,title,manager_id,dotted_line_manager_id',
  'D1,Ada Chief,Chief Executive Officer,,',
  'D2,Bea Engineer,VP Engineering,D1,',
  'D3,Cal Product,VP Product,D1,',
  'D4,Dee Developer,Software Engineer,D2,D3',
  'D5,Eve Planner,Product Manager,D3,D2',
].join('\n');

describe('dotted-line managers in the browser', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('draws a dashed connector per dotted line and lists both ends in the panel', async () => {
    const { page } = session;
    const imported = await importPeople('Dotted Lines Co', PEOPLE, '2026-06-01');
    await page.goto(`${baseUrl()}/org/${imported.organizationId}/overview?snapshot=${imported.snapshotId}`);
    await page.getByRole('treeitem', { name: /^Dee Developer/ }).waitFor();
    const dashed = page.locator('g.rm-dotted-links path.rm-dotted-link');
    await dashed.first().waitFor({ state: 'attached' });
    expect(await dashed.count()).toBe(2);
    expect(await dashed.first().getAttribute('stroke-dasharray')).toBe('6 4');

    await page.getByRole('treeitem', { name: /^Cal Product/ }).click();
    const panel = page.getByRole('complementary', { name: 'Cal Product' });
    const dotted = panel.getByRole('region', { name: 'Dotted lines' });
    await dotted.waitFor();
    expect(await dotted.textContent()).toContain('Dotted-line reports');
    await dotted.getByRole('button', { name: 'Dee Developer' }).click();
    await page.getByRole('complementary', { name: 'Dee Developer' }).waitFor();
    expect(await page.getByRole('region', { name: 'Dotted lines' }).textContent()).toContain('Cal Product');
  });
});
