import { randomBytes } from 'node:crypto';
import { isOrganizationRole } from '@rolemap/domain';
import { AccountsService, LOCAL_OPERATOR, OrganizationsService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';

/** `rolemap accounts link <email>`: a one-time sign-in link (the owner's lost first link, a new colleague). */
export async function runAccountsLink(email: string, options: { url?: string }): Promise<void> {
  await withServices([], async (app) => {
    const accounts = app.get(AccountsService);
    const account = await accounts.byEmail(email);
    if (!account) throw new CliError(`No account with the e-mail ${email}`, EXIT.invalidInput);
    const link = await accounts.createSignInLink(LOCAL_OPERATOR, account.id);
    const base = (options.url ?? `http://localhost:${process.env.PORT?.trim() || '3000'}`).replace(/\/$/, '');
    console.log(`${base}/sign-in?link=${link.token}`);
    console.error(`rolemap: signs ${account.email} in once, until ${link.expiresAt!.toISOString()}.`);
  });
}

interface AddOptions {
  name: string;
  org?: string;
  role?: string;
  person?: string;
}

/** `rolemap accounts add <email> --name … [--org … --role … --person …]`: prints a generated password once. */
export async function runAccountsAdd(email: string, options: AddOptions): Promise<void> {
  if (options.role && !isOrganizationRole(options.role)) {
    throw new CliError(`--role must be HR_ADMIN, LEADER, EMPLOYEE or VIEWER (got "${options.role}")`, EXIT.invalidInput);
  }
  if (Boolean(options.role) !== Boolean(options.org)) throw new CliError('--org and --role go together', EXIT.invalidInput);
  await withServices([], async (app) => {
    const accounts = app.get(AccountsService);
    const password = randomBytes(12).toString('base64url');
    const organization = options.org ? await app.get(OrganizationsService).findByName(LOCAL_OPERATOR, options.org) : null;
    if (options.org && !organization) throw new CliError(`No organization named "${options.org}"`, EXIT.invalidInput);
    const account = await accounts.create(LOCAL_OPERATOR, { email, displayName: options.name, password });
    if (organization && options.role && isOrganizationRole(options.role)) {
      await accounts.grant(LOCAL_OPERATOR, account.id, organization.id, options.role, options.person ?? null);
    }
    console.log(`${account.email}\t${password}`);
    console.error('rolemap: the password is shown only now.');
  });
}
