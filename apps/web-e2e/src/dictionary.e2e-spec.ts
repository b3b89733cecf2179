import { baseUrl, demoOrg, openBrowser, type DemoOrg, type Session } from './support/browser';

/** A demo user's e-mail and password as the first start printed them. */
function demoUser(role: string): { email: string; password: string } {
  const logs = process.env.ROLEMAP_E2E_LOGS ?? '';
  const match = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)`, 'm').exec(logs);
  if (!match) throw new Error(`The first start printed no demo ${role}:\n${logs}`);
  return { email: match[1], password: match[2] };
}

describe('activity dictionary page', () => {
  let session: Session;
  let demo: DemoOrg;

  beforeAll(async () => {
    demo = await demoOrg();
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('browses by function and searches the demo organization’s copy of the starter dictionary', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/org/${demo.orgId}/dictionary`);
    await page.getByRole('heading', { name: 'Activity dictionary' }).waitFor();
    // Version 1 is the starter's copy; version 2 is HR's additions before the demo's survey.
    await page.getByText(/Version 2 · \d+ activities · Added process OPS-05/).waitFor();

    await page
      .getByRole('navigation', { name: 'Functions' })
      .getByRole('button', { name: /^Sales/ })
      .click();
    await page.getByRole('region', { name: 'Sales › Winning deals' }).waitFor();
    expect(await page.getByRole('region', { name: /^Engineering/ }).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Functions' })
      .getByRole('button', { name: /^All functions/ })
      .click();
    await page.getByRole('searchbox', { name: 'Search activities' }).fill('1:1s');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 activity matching “1:1s”').waitFor();
    await page.getByRole('listitem', { name: 'Hold 1:1s with direct reports' }).getByText('Unification').waitFor();
  });

  it('lets HR edit an activity’s label and level, add one with a suggested level, and remove one', async () => {
    const { page } = session;
    const item = page.getByRole('listitem', { name: 'Hold 1:1s with direct reports' });
    await item.getByRole('button', { name: 'Edit Hold 1:1s with direct reports' }).click();
    const form = page.getByRole('form', { name: 'Save MGT-01-01' });
    await form.getByLabel('Label').fill('Hold weekly 1:1s with direct reports');
    await form.getByLabel('Value level').selectOption('LEADERSHIP');
    await form.getByRole('button', { name: 'Save MGT-01-01' }).click();
    await page.getByText('Saved as version 3.').waitFor();
    await page.getByRole('searchbox', { name: 'Search activities' }).fill('weekly');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('listitem', { name: 'Hold weekly 1:1s with direct reports' }).getByText('Leadership').waitFor();

    await page.getByRole('button', { name: 'Clear' }).click();
    await page
      .getByRole('navigation', { name: 'Functions' })
      .getByRole('button', { name: /^Management/ })
      .click();
    await page.getByRole('button', { name: 'Add an activity' }).click();
    const add = page.getByRole('form', { name: 'Add activity' });
    await add.getByLabel('Process').selectOption({ label: 'Management and leadership › Direction and strategy' });
    await add.getByLabel('Label').fill('Set the company strategy for the next three years');
    await add.getByRole('button', { name: 'Suggest a level' }).click();
    await add.getByText(/Suggested: Leadership \(\d+% confident/).waitFor();
    await add.getByRole('button', { name: 'Add activity' }).click();
    await page.getByText('Saved as version 4.').waitFor();
    await page
      .getByRole('listitem', { name: 'Set the company strategy for the next three years' })
      .getByText('Leadership')
      .waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove Lead a major change programme' }).click();
    await page.getByText('Saved as version 5.').waitFor();
    expect(await page.getByRole('listitem', { name: 'Lead a major change programme' }).count()).toBe(0);
  });

  it('refuses a bad import file with its rows and changes nothing', async () => {
    const { page } = session;
    await page.getByLabel('Import a dictionary file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'id,parent_id,label,level\nS,,Sales,\nS-1,S,Deals,\nS-1-1,S-9,Orphan,IMPLEMENTATION\nS-1-2,S-1,,sometimes\n',
      ),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file has 3 problems; nothing was changed.').waitFor();
    const table = page.getByRole('table', { name: /Problems to fix/ });
    expect(await table.getByRole('row').count()).toBe(4);
    await table.getByText(/The parent id "S-9"/).waitFor();
    expect(await page.getByRole('button', { name: 'Import as new version' }).isDisabled()).toBe(true);
    await page.reload();
    await page.getByText(/Version 5 ·/).waitFor();
  });

  it('shows a viewer the dictionary without any edit controls', async () => {
    const viewer = await openBrowser({ signedIn: false });
    try {
      const { page } = viewer;
      await page.goto(`${baseUrl()}/sign-in`);
      const { email, password } = demoUser('VIEWER');
      await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${baseUrl()}/`);
      await page.goto(`${baseUrl()}/org/${demo.orgId}/dictionary`);
      await page.getByText(/Version 5 · .*Read only\./).waitFor();
      await page.getByRole('listitem', { name: 'Run product demos for prospects' }).waitFor();
      expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add an activity' }).count()).toBe(0);
      expect(await page.getByLabel('Import a dictionary file').count()).toBe(0);
      await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    } finally {
      await viewer.close();
    }
  });
});
