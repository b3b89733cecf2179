import { runCli } from './run-cli';

describe('rolemap accounts: adding accounts and one-time sign-in links on the local database', () => {
  const email = `colleague-${Date.now()}@example.com`;

  it('adds an account with a generated password, printed once, and refuses a second with the same e-mail', () => {
    const added = runCli(['accounts', 'add', email.toUpperCase(), '--name', 'A Colleague']);
    expect(added.stderr).toMatch(/shown only now/);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^${email.replace(/\./g, '\\.')}\\t\\S{16}\\n$`));
    const again = runCli(['accounts', 'add', email, '--name', 'Again']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
  });

  it('prints a one-time sign-in link for an account, and says so when there is none', () => {
    const link = runCli(['accounts', 'link', email, '--url', 'https://rolemap.example.com/']);
    expect(link.status).toBe(0);
    expect(link.stdout).toMatch(/^https:\/\/rolemap\.example\.com\/sign-in\?link=rml_\S+\n$/);
    const unknown = runCli(['accounts', 'link', 'nobody@example.com']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No account with the e-mail nobody@example.com/);
  });

  it('refuses a role without an organization, and an unknown role', () => {
    expect(runCli(['accounts', 'add', 'x@example.com', '--name', 'X', '--role', 'LEADER']).stderr).toMatch(
      /--org and --role go together/,
    );
    expect(runCli(['accounts', 'add', 'x@example.com', '--name', 'X', '--org', 'A', '--role', 'BOSS']).stderr).toMatch(
      /--role must be HR_ADMIN, LEADER, EMPLOYEE or VIEWER/,
    );
  });
});
