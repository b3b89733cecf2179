import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-tenants-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const peopleOf = (prefix: string) => {
  const file = path.join(dir, `${prefix}-people.csv`);
  fs.writeFileSync(
    file,
    'employee_id,name,title,manager_id\n' +
      `${prefix}1,${prefix} Chief,Chief Executive Officer,\n` +
      `${prefix}2,${prefix} Director,Director of Engineering,${prefix}1\n` +
      `${prefix}3,${prefix} Engineer,Software Engineer,${prefix}2\n`,
  );
  return file;
};

interface ListedTenant {
  id: string;
  name: string;
  organizationCount: number;
  accountCount: number;
}

/** The same organization name in two tenants, each seen only from its own. */
function describeTenantsOn(label: string, env: () => Record<string, string | undefined>) {
  describe(`rolemap tenants, --tenant and ROLEMAP_TENANT (${label})`, () => {
    const tenant = `gamma-${Date.now()}`;
    const organization = `Same Name ${Date.now()}`;

    it('adds a tenant with its first owner and a one-time sign-in link, and refuses the same name twice', () => {
      const added = runCli(
        ['tenants', 'add', tenant, '--owner', `owner-${tenant}@example.com`, '--url', 'https://rolemap.example.com', '--json'],
        env(),
      );
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(JSON.parse(added.stdout)).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: tenant,
        owner: `owner-${tenant}@example.com`,
        signInLink: expect.stringMatching(/^https:\/\/rolemap\.example\.com\/sign-in\?link=rml_\S+$/),
      });
      const again = runCli(['tenants', 'add', tenant], env());
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/exists already/);
    });

    it('imports an organization of the same name into the default tenant and the new one, each seeing only its own', () => {
      const inDefault = runCli(['import', peopleOf('D'), '--org', organization, '--json'], env());
      expect(inDefault.status).toBe(0);
      const inTenant = runCli(['--tenant', tenant, 'import', peopleOf('G'), '--org', organization, '--json'], env());
      expect(inTenant.status).toBe(0);
      expect(JSON.parse(inTenant.stdout)).toMatchObject({ organization, snapshot: 1 });

      const analyzedDefault = runCli(['analyze', '--org', organization, '--json'], env());
      expect(analyzedDefault.status).toBe(0);
      expect(analyzedDefault.stdout).toContain('D Chief');
      expect(analyzedDefault.stdout).not.toContain('G Chief');
      const analyzedTenant = runCli(['analyze', '--org', organization, '--json'], { ...env(), ROLEMAP_TENANT: tenant });
      expect(analyzedTenant.status).toBe(0);
      expect(analyzedTenant.stdout).toContain('G Chief');
      expect(analyzedTenant.stdout).not.toContain('D Chief');
    });

    it('lists the tenants with their counts, and refuses an unknown one', () => {
      const listed = runCli(['tenants', 'list', '--json'], env());
      expect(listed.status).toBe(0);
      const tenants = JSON.parse(listed.stdout) as ListedTenant[];
      expect(tenants.find((t) => t.name === tenant)).toMatchObject({ organizationCount: 1, accountCount: 1 });
      expect(tenants.find((t) => t.name === 'default')).toMatchObject({ id: '00000000-0000-4000-8000-000000000001' });
      const unknown = runCli(['analyze', '--org', organization], { ...env(), ROLEMAP_TENANT: 'no-such-tenant' });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/No tenant named "no-such-tenant"/);
    });
  });
}

describeTenantsOn('PostgreSQL', () => ({}));

const dataDir = path.join(dir, 'embedded');
describeTenantsOn('the embedded database', () => ({ DATABASE_URL: '', ROLEMAP_DATA_DIR: dataDir }));
