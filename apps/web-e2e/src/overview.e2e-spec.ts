import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

describe('organization overview', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('shows the finding counts and the org chart of the latest snapshot', async () => {
    const { page } = session;
    // What the page asks the server for, by operation, while it opens, and whether the snapshots were known by then.
    const asked: { operationName: string; variables: Record<string, unknown>; afterSnapshots: boolean }[] = [];
    let snapshotsAnswered = false;
    const operationOf = (request: import('playwright-core').Request) =>
      request.postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
    const record = (request: import('playwright-core').Request) => {
      const body = operationOf(request);
      if (body?.operationName) {
        asked.push({ operationName: body.operationName, variables: body.variables ?? {}, afterSnapshots: snapshotsAnswered });
      }
    };
    const answered = (request: import('playwright-core').Request) => {
      if (operationOf(request)?.operationName === 'OrganizationSnapshots') snapshotsAnswered = true;
    };
    page.on('request', record);
    page.on('requestfinished', answered);
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.getByRole('heading', { name: 'Northwind Robotics' }).waitFor();
    const cards = page.getByRole('list', { name: 'Findings by kind' });
    await cards.getByRole('button', { name: /Promoted, still tactical\s*2/ }).waitFor();
    await page.getByRole('tree', { name: 'Organization chart' }).waitFor();
    await page.getByRole('treeitem', { name: /^Helena Marsh, Chief Executive Officer/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Snapshot' }).inputValue()).toBe(demo.snapshotId);
    page.off('request', record);
    page.off('requestfinished', answered);
    // The chart's first levels were asked for once, by the link, before the snapshots were known (the
    // prefetch's answer was handed to the chart), not after them.
    expect(asked.filter((entry) => entry.operationName === 'OrgChartTop')).toEqual([
      {
        operationName: 'OrgChartTop',
        variables: { organizationId: demo.orgId, snapshotId: null, depth: 2, rootPositionId: null },
        afterSnapshots: false,
      },
    ]);
  });

  it('finds a person: highlights and centres their card', async () => {
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('Maya Lindqvist');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 match for “Maya Lindqvist”' }).waitFor();

    const card = page.getByRole('treeitem', { name: /^Maya Lindqvist/ });
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('rm-node--highlighted');
    // Centred once the pan settles: the card's centre is near the middle of the chart's viewport.
    await page.waitForFunction(() => {
      const container = document.querySelector('[data-testid="org-chart-container"]')!.getBoundingClientRect();
      const node = [...document.querySelectorAll('[role="treeitem"]')].find((el) =>
        el.getAttribute('aria-label')?.startsWith('Maya Lindqvist'),
      );
      if (!node) return false;
      const box = node.getBoundingClientRect();
      const dx = Math.abs(box.x + box.width / 2 - (container.x + container.width / 2));
      const dy = Math.abs(box.y + box.height / 2 - (container.y + container.height / 2));
      return dx < 30 && dy < 30;
    });
    // Only the match is highlighted.
    expect(await page.locator('.rm-node--highlighted').count()).toBe(1);
  });

  it('opens the side panel with the role definition and the explanation of her finding', async () => {
    const { page } = session;
    await page.getByRole('treeitem', { name: /^Maya Lindqvist/ }).click();
    const panel = page.getByRole('complementary', { name: 'Maya Lindqvist' });
    await panel.waitFor();
    await panel.getByRole('list', { name: 'Value-level mix of Maya Lindqvist' }).waitFor();
    const finding = panel.locator('[data-kind="PROMOTED_STILL_TACTICAL"]');
    await finding.getByText('Promoted, still tactical').waitFor();
    expect(await finding.textContent()).toMatch(
      /Maya Lindqvist was promoted to Director of Engineering, Platform on 2026-02-14 .* 45% of their time on implementation work/,
    );
    expect(await panel.getByText('Carried over').count()).toBeGreaterThan(0);
    await panel.getByRole('heading', { name: 'Suggested delegations' }).waitFor();

    // Her role definition, downloaded from the panel, is a real PDF streamed by the server.
    const [roleReport] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Download role definition as PDF' }).click(),
    ]);
    expect(roleReport.suggestedFilename()).toBe(`northwind-robotics-v${demo.snapshotVersion}-role.pdf`);
    const chunks: Buffer[] = [];
    for await (const chunk of await roleReport.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');

    await panel.getByRole('button', { name: 'Close role details' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('gives an open position its own URL: shareable, and the back button closes it again', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.getByRole('treeitem', { name: /^Helena Marsh/ }).click();
    await page.getByRole('complementary', { name: 'Helena Marsh' }).waitFor();
    await page.waitForURL(/[?&]position=[0-9a-f-]{36}/);
    const helenaUrl = page.url();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('Maya Lindqvist');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('treeitem', { name: /^Maya Lindqvist/ }).click();
    await page.getByRole('complementary', { name: 'Maya Lindqvist' }).waitFor();
    const mayaUrl = page.url();
    expect(mayaUrl).not.toBe(helenaUrl);

    await page.goBack();
    await page.getByRole('complementary', { name: 'Helena Marsh' }).waitFor();
    expect(page.url()).toBe(helenaUrl);
    await page.goBack();
    await page.getByRole('complementary').waitFor({ state: 'detached' });

    // Shared: the link opens the same card in a fresh page, found and revealed however deep it is.
    const other = await session.context.newPage();
    await other.goto(mayaUrl);
    await other.getByRole('complementary', { name: 'Maya Lindqvist' }).waitFor();
    await other.getByRole('treeitem', { name: /^Maya Lindqvist/ }).waitFor();
    await other.close();
  });

  it('never lets the minimap cover a card, wherever the chart is panned', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/overview`);
    await page.getByRole('treeitem', { name: /^Helena Marsh/ }).waitFor();
    const overlaps = () =>
      page.evaluate(() => {
        const map = document.querySelector('.rm-minimap') as SVGSVGElement | null;
        if (!map || getComputedStyle(map).display === 'none') return [];
        const box = map.getBoundingClientRect();
        return [...document.querySelectorAll('.rm-node')]
          .map((node) => ({ label: node.getAttribute('aria-label'), rect: node.getBoundingClientRect() }))
          .filter(({ rect }) => rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top)
          .map(({ label }) => label);
      });
    const corner = () => page.locator('.rm-minimap').getAttribute('data-corner');
    const corners = [await corner()];
    expect(await overlaps()).toEqual([]);
    // Drag the chart so cards pass through every corner; after each step nothing is under the map.
    const frame = (await page.getByTestId('org-chart-container').boundingBox())!;
    const start = { x: frame.x + frame.width / 2, y: frame.y + 60 };
    for (const [dx, dy] of [
      [250, 380],
      [-600, 0],
      [0, -300],
      [500, 0],
    ]) {
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(150);
      expect(await overlaps()).toEqual([]);
      corners.push(await corner());
    }
    // It was shown, and it moved out of the way rather than only hiding.
    expect(corners.filter((placed) => placed !== 'hidden').length).toBeGreaterThan(0);
  });

  it('downloads the chart as SVG', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`northwind-robotics-v${demo.snapshotVersion}-org-chart.svg`);
    const stream = await download.createReadStream();
    let svg = '';
    for await (const chunk of stream) svg += String(chunk);
    expect(svg).toContain('<svg');
    expect(svg).toContain('Helena Marsh');
  });

  it('downloads the chart as a real PNG', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`northwind-robotics-v${demo.snapshotVersion}-org-chart.png`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The header chunk holds the image size: the drawn chart, not an empty canvas.
    expect(png.subarray(12, 16).toString()).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100);
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);
  });
});
