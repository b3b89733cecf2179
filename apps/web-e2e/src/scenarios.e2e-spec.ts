import type { BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, demoOrg, graphql, openBrowser, type DemoOrg, type Session } from './support/browser';

/** A demo user's e-mail and password as the first start printed them. */
function demoUser(role: string): { email: string; password: string } {
  const logs = process.env.ROLEMAP_E2E_LOGS ?? '';
  const match = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)`, 'm').exec(logs);
  if (!match) throw new Error(`The first start printed no demo ${role}:\n${logs}`);
  return { email: match[1], password: match[2] };
}

async function signedInPage(session: Session, role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'UTC' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const user = demoUser(role);
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl()}/`);
  return { context, page };
}

const editsList = (page: Page) => page.getByRole('list', { name: 'Edits in order' });

/** Waits until the scenario lists `count` edits. */
async function waitForEdits(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Edits in order"] > li').length === n, count);
}

/** Two cards of one level, both wholly inside the chart's frame: moving one under the other makes no cycle. */
async function twoVisibleCards(page: Page, inView = true): Promise<[Locator, Locator]> {
  const ids = await page.evaluate((inView) => {
    const frame = document.querySelector('[data-testid="org-chart-container"]')!.getBoundingClientRect();
    const inside = [...document.querySelectorAll<SVGGElement>('.rm-node')].filter((node) => {
      const box = node.getBoundingClientRect();
      return (
        !inView || (box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom)
      );
    });
    const byLevel = new Map<string, string[]>();
    for (const node of inside) {
      const level = node.getAttribute('aria-level')!;
      if (level === '1' || node.dataset.changed || node.getAttribute('aria-label')?.startsWith('Vacant')) continue;
      byLevel.set(level, [...(byLevel.get(level) ?? []), node.dataset.id!]);
    }
    return [...byLevel.values()].find((list) => list.length >= 2)?.slice(0, 2) ?? null;
  }, inView);
  if (!ids) throw new Error('No two cards of one level are in view');
  return [page.locator(`.rm-node[data-id="${ids[0]}"]`), page.locator(`.rm-node[data-id="${ids[1]}"]`)];
}

/** A card (not `exceptId`, not vacant) wholly inside both the chart's frame and the window: in reach of the mouse. */
async function cardInReach(page: Page, exceptId: string): Promise<Locator> {
  const id = await page.evaluate((exceptId) => {
    const frame = document.querySelector('[data-testid="org-chart-container"]')!.getBoundingClientRect();
    const top = Math.max(frame.top, 0);
    const bottom = Math.min(frame.bottom, window.innerHeight);
    const card = [...document.querySelectorAll<SVGGElement>('.rm-node')].find((node) => {
      const box = node.getBoundingClientRect();
      const inside = box.left >= frame.left && box.right <= frame.right && box.top >= top && box.bottom <= bottom;
      return inside && node.dataset.id !== exceptId && !node.getAttribute('aria-label')?.startsWith('Vacant');
    });
    return card?.dataset.id ?? null;
  }, exceptId);
  if (!id) throw new Error('No card is in reach of the mouse');
  return page.locator(`.rm-node[data-id="${id}"]`);
}

/** "Time booked: 80% → 110%" of one person in "Everyone affected", as numbers. */
async function timeBooked(page: Page, name: string): Promise<[number, number]> {
  const text = await page
    .getByRole('region', { name: 'Everyone affected' })
    .getByRole('listitem', { name, exact: true })
    .getByTestId('load')
    .textContent();
  const match = /Time booked: (\d+(?:\.\d+)?)% → (\d+(?:\.\d+)?)%/.exec(text ?? '');
  if (!match) throw new Error(`No time booked for ${name}: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

const shareOf = async (row: Locator) => Number(/· (\d+(?:\.\d+)?)%/.exec((await row.textContent()) ?? '')![1]);

describe('scenarios and delegation plans in the browser', () => {
  let session: Session;
  let demo: DemoOrg;
  let planUrl: string;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('a leader plans two delegations from their findings, sees mixes and loads change, and submits the plan', async () => {
    const { context, page } = await signedInPage(session, 'LEADER');
    try {
      await page.goto(`${baseUrl()}/org/${demo.orgId}/review`);
      await page.getByRole('list', { name: 'Findings to review' }).waitFor();
      const plans = page.getByRole('button', { name: /^Plan this delegation to / });
      await plans.first().waitFor();
      expect(await plans.count()).toBeGreaterThanOrEqual(2);

      await plans.first().click();
      const impact = page.getByRole('status').filter({ hasText: 'Added to' }).first();
      await impact.waitFor();
      expect(await impact.textContent()).toMatch(/Added to Delegation plan, v\d+ \(\d+ edits?, draft\)/);
      // Before and after for everyone affected: the leader's mix and the delegate's load.
      const people = impact.getByRole('region', { name: 'Before and after, for everyone affected' });
      await people
        .getByRole('list', { name: /before$/ })
        .first()
        .waitFor();
      expect(
        await people
          .getByRole('listitem')
          .filter({ has: page.getByTestId('load') })
          .count(),
      ).toBeGreaterThanOrEqual(2);
      const loads = await people.getByTestId('load').allTextContents();
      expect(loads.some((text) => /Time booked: \d+% → \d+%/.test(text))).toBe(true);
      expect(await impact.getByRole('region', { name: 'Findings that disappear' }).textContent()).toMatch(/Disappear · [1-9]/);

      // The second delegation goes into the same plan.
      await plans.first().click();
      await page.getByRole('status').filter({ hasText: 'Added to' }).nth(1).waitFor();
      const second = (await page.getByRole('status').filter({ hasText: 'Added to' }).nth(1).textContent())!;
      const edits = Number(/\((\d+) edits?, draft\)/.exec(second)![1]);
      expect(edits).toBeGreaterThanOrEqual(2);

      await page.getByRole('status').filter({ hasText: 'Added to' }).nth(1).getByRole('link').click();
      await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}/);
      planUrl = page.url();
      await waitForEdits(page, edits);
      // Scoring: the findings go down and the leaders' time below level with them.
      const findings = page.locator('tr[data-figure="findings"] td');
      await findings.first().waitFor();
      const [before, after] = (await findings.allTextContents()).map(Number);
      expect(after).toBeLessThan(before);
      await page.getByRole('button', { name: 'Submit for approval' }).click();
      await page.getByTestId('scenario-status').filter({ hasText: 'Proposed' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('HR creates another scenario, moves a card by dragging and another with “Move to…”, compares both and approves the plan', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/scenarios`);
    await page
      .getByRole('table', { name: 'Scenarios' })
      .getByRole('link', { name: /Delegation plan/ })
      .waitFor();
    const form = page.getByRole('form', { name: 'New scenario' });
    await form.getByLabel('Name').fill('Flatter engineering');
    await form.getByRole('button', { name: 'Create scenario' }).click();
    await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}/);
    await page.getByText('No edits yet.').waitFor();
    await page.locator('.rm-node').first().waitFor();

    // Drag: a card onto another of its level.
    await page.getByTestId('org-chart-container').scrollIntoViewIfNeeded();
    const [dragged, target] = await twoVisibleCards(page);
    const from = (await dragged.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    await waitForEdits(page, 1);
    expect(await editsList(page).textContent()).toMatch(/^move E\d+ under E\d+/);
    await page.locator('.rm-node[data-changed="true"]').first().waitFor();

    // The keyboard alternative: select a card with Enter, "Move to…", search, pick.
    // (Keyboard users need no card in view: any two cards of one level the chart has drawn.)
    const [card, manager] = await twoVisibleCards(page, false);
    const managerName = ((await manager.getAttribute('aria-label')) ?? '').split(',')[0];
    await card.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Move to…', exact: true }).press('Enter');
    await page.keyboard.type(managerName);
    const pick = page
      .getByRole('list', { name: /^New manager for .*: matches$/ })
      .getByRole('button', { name: new RegExp(`^${managerName}`) });
    await pick.first().focus();
    await page.keyboard.press('Enter');
    await waitForEdits(page, 2);
    expect(await page.locator('.rm-node[data-changed="true"]').count()).toBeGreaterThanOrEqual(2);

    // The baseline shows the chart as it is, the changed cards still marked.
    await page.getByLabel('Show the baseline').check();
    await page.getByRole('heading', { name: 'Chart as it is (baseline)' }).waitFor();
    await page.getByLabel('Show the baseline').uncheck();

    // Undo one by one.
    await editsList(page).getByRole('button', { name: 'Undo' }).click();
    await waitForEdits(page, 1);

    // Someone else changes the scenario meanwhile: the next change is refused with a clear message.
    const scenarioId = /\/scenarios\/([0-9a-f-]{36})/.exec(page.url())![1];
    await graphql('mutation($id: ID!) { updateScenario(scenarioId: $id, notes: "Edited elsewhere") { version } }', {
      id: scenarioId,
    });
    await editsList(page).getByRole('button', { name: 'Undo' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this scenario' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/changed by someone else \(now version \d+\)/);
    await alert.getByRole('button', { name: 'Reload the scenario' }).click();
    await page.getByText('Edited elsewhere').waitFor();
    await waitForEdits(page, 1);

    // Compare the plan with this scenario.
    await page.getByRole('link', { name: '← All scenarios' }).click();
    const table = page.getByRole('table', { name: 'Scenarios' });
    await table.getByRole('checkbox', { name: /Compare Delegation plan/ }).check();
    await table.getByRole('checkbox', { name: 'Compare Flatter engineering' }).check();
    await page.getByRole('link', { name: 'Compare 2 scenarios' }).click();
    const side = page.getByRole('table', { name: 'Scenarios side by side' });
    await side.waitFor();
    expect(await side.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Delegation plan/), expect.stringMatching(/^Flatter engineering/)]),
    );
    expect(
      await side
        .getByRole('row', { name: /^Findings/ })
        .first()
        .textContent(),
    ).toMatch(/\(−\d+\)/);

    // HR approves the proposed plan.
    await page.goto(planUrl);
    await page.getByTestId('scenario-status').filter({ hasText: 'Proposed' }).waitFor();
    await page.getByLabel('Note for the owner (optional)').fill('Go ahead');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('scenario-status').filter({ hasText: 'Approved' }).waitFor();
    // Tracked against the next snapshot, once there is one.
    await page.getByRole('heading', { name: 'Was it done?' }).waitFor();
    await page.getByText('Not tracked yet.').waitFor();

    // The plan report downloads from the page: a real PDF, and Markdown naming the decision.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download plan report as PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`northwind-robotics-v${demo.snapshotVersion}-plan.pdf`);
    const pdfChunks: Buffer[] = [];
    for await (const chunk of await pdf.createReadStream()) pdfChunks.push(chunk as Buffer);
    expect(Buffer.concat(pdfChunks).subarray(0, 5).toString()).toBe('%PDF-');
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download plan report as MD' }).click(),
    ]);
    const mdChunks: Buffer[] = [];
    for await (const chunk of await md.createReadStream()) mdChunks.push(chunk as Buffer);
    const text = Buffer.concat(mdChunks).toString('utf8');
    expect(text).toMatch(/^# Delegation plan: Northwind Robotics/);
    expect(text).toContain('- Status: Approved');
    expect(text).toContain('APPROVED: Go ahead');
  });

  it('moves a responsibility with “Move to…” and another by dragging it onto a card; loads and mixes follow', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/scenarios`);
    const form = page.getByRole('form', { name: 'New scenario' });
    await form.getByLabel('Name').fill('Shared reviews');
    await form.getByRole('button', { name: 'Create scenario' }).click();
    await page.waitForURL(/\/scenarios\/[0-9a-f-]{36}/);
    await page.getByText('No edits yet.').waitFor();
    await page.locator('.rm-node').first().waitFor();

    const name = async (card: Locator) => ((await card.getAttribute('aria-label')) ?? '').split(',')[0];
    const responsibilitiesOf = async (card: Locator) => {
      // A click selects the card and lists the person's responsibilities under the chart.
      await card.click({ position: { x: 30, y: 20 } });
      expect(await card.getAttribute('aria-selected')).toBe('true');
      const list = page.getByRole('list', { name: `Responsibilities of ${await name(card)}` });
      await list.waitFor();
      const rows = list.locator('[draggable="true"]');
      await rows.first().waitFor();
      const all = await rows.all();
      return Promise.all(
        all.map(async (row) => ({ row, title: (await row.getAttribute('data-responsibility'))!, share: await shareOf(row) })),
      );
    };
    // The holder's smallest responsibility, its row scrolled to the bottom of the window: the chart
    // above it and the card it is dropped on must both be in reach of the mouse.
    const smallestRow = async (card: Locator) => {
      const rows = await responsibilitiesOf(card);
      const smallest = rows.reduce((a, b) => (b.share < a.share ? b : a));
      await smallest.row.evaluate((row) => row.scrollIntoView({ block: 'end' }));
      return smallest;
    };

    await page.getByTestId('org-chart-container').evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
    const [holder] = await twoVisibleCards(page);
    const holderName = await name(holder);
    const moved = await smallestRow(holder);
    const receiver = await cardInReach(page, (await holder.getAttribute('data-id'))!);
    const receiverName = await name(receiver);

    // Keyboard: everyone in reach is booked at 100%, so the receiver first hands a duty to the
    // newcomer (E0128, booked at 60%) with “Move to…”, found in the picker by employee id.
    const handedOver = (await responsibilitiesOf(receiver)).find((row) => row.share >= moved.share && row.share <= 40);
    if (!handedOver) throw new Error(`${receiverName} has no duty of ${moved.share}–40% to hand over`);
    await page.getByRole('button', { name: `Move “${handedOver.title}” to…` }).press('Enter');
    await page.keyboard.type('E0128');
    const pick = page
      .getByRole('list', { name: `Who takes on “${handedOver.title}”: matches` })
      .getByRole('button')
      .filter({ hasText: 'E0128' });
    const newcomer = ((await pick.first().textContent()) ?? '').split(' · ')[0];
    await pick.first().focus();
    await page.keyboard.press('Enter');
    await waitForEdits(page, 1);
    expect(await editsList(page).textContent()).toMatch(/^move "[^"]+" from E\d+ to E0128Undo$/);

    // Pointer: drag the holder's responsibility onto the receiver's card; the share is all of it unless changed.
    await smallestRow(holder);
    const from = (await moved.row.boundingBox())!;
    const to = (await receiver.boundingBox())!;
    // Onto the card in one move, as locator.dragTo does: Playwright tells a drag started from the
    // first move after the button goes down (a first step too small to start one is missed), and
    // sends that move as dragenter only; the next one, a dragover, rings the card.
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2);
    await page.mouse.move(to.x + to.width / 2 + 5, to.y + to.height / 2);
    await receiver.and(page.locator('.rm-node--drop-target')).waitFor();
    await page.mouse.up();
    const confirm = page.getByRole('form', { name: `Move “${moved.title}” to ${receiverName}` });
    await confirm.getByRole('button', { name: 'Move' }).click();
    await waitForEdits(page, 2);
    // All of it: the edit names no share.
    const edits = await editsList(page).getByRole('listitem').allTextContents();
    expect(edits[1]).toMatch(/^move "[^"]+" from E\d+ to E\d+Undo$/);
    expect(edits[1]).toContain(`move "${moved.title}"`);

    // The scoring: the three people changed; time leaves the holder, the receiver swaps one duty for the other.
    for (const card of [holder, receiver]) {
      await page.locator(`.rm-node[data-id="${await card.getAttribute('data-id')}"][data-changed="true"]`).waitFor();
    }
    const [holderBefore, holderAfter] = await timeBooked(page, holderName);
    const [receiverBefore, receiverAfter] = await timeBooked(page, receiverName);
    const [newcomerBefore, newcomerAfter] = await timeBooked(page, newcomer);
    expect(holderBefore - holderAfter).toBeCloseTo(moved.share, 0);
    expect(receiverAfter - receiverBefore).toBeCloseTo(moved.share - handedOver.share, 0);
    expect(newcomerAfter - newcomerBefore).toBeCloseTo(handedOver.share, 0);
    const affected = page.getByRole('region', { name: 'Everyone affected' });
    for (const who of [holderName, receiverName, newcomer]) {
      expect(await affected.getByRole('listitem', { name: who, exact: true }).getByText('After', { exact: true }).count()).toBe(
        1,
      );
    }
  });
});
