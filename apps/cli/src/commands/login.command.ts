import os from 'node:os';
import { CliError, EXIT } from '../cli-context';
import { credentialsPath, saveToken, serverKey } from '../remote/credentials-file';
import { remoteGraphql } from '../remote/remote-server';

interface LoginOptions {
  server: string;
  email: string;
  passwordStdin?: boolean;
  days?: string;
}

/**
 * `rolemap login --server URL --email E --password-stdin`: signs in once with the password, has
 * the server issue a personal API token for this machine, and keeps only that token (0600).
 */
export async function runLogin(options: LoginOptions): Promise<void> {
  const origin = serverKey(options.server);
  const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : process.env.ROLEMAP_PASSWORD;
  if (!password)
    throw new CliError('Give the password on standard input with --password-stdin (or in ROLEMAP_PASSWORD)', EXIT.invalidInput);
  const days = options.days === undefined ? 90 : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new CliError('--days must be a whole number from 1 to 366', EXIT.invalidInput);
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.email, password }),
  }).catch((error: Error) => {
    throw new CliError(`Could not reach ${origin}: ${error.message}`);
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new CliError(`${origin}: ${answer?.message ?? `sign-in answered ${response.status}`}`, EXIT.invalidInput);
  }
  const cookie = /rolemap_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new CliError(`${origin} signed in but set no session`);
  const created = await remoteGraphql<{ createApiToken: { token: string; apiToken: { expiresAt: string | null } } }>(
    origin,
    'mutation($name: String!, $days: Int) { createApiToken(name: $name, days: $days) { token apiToken { expiresAt } } }',
    { name: `rolemap CLI on ${os.hostname()}`, days },
    { cookie },
  );
  // The password's session is not needed any more; the token is what the CLI keeps.
  await fetch(`${origin}/api/auth/sign-out`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: '{}',
  });
  saveToken(origin, created.createApiToken.token);
  console.log(
    `Signed in to ${origin}; an API token valid until ${created.createApiToken.apiToken.expiresAt} is saved in ${credentialsPath()}.`,
  );
}

/** `rolemap whoami [--server URL]`: who the CLI acts as, here or on a remote server. */
export async function runWhoami(options: { server?: string; json?: boolean }): Promise<void> {
  if (!options.server) {
    const text = 'the local operator: the owner of the database this machine opens (DATABASE_URL or the embedded one)';
    console.log(options.json ? JSON.stringify({ local: true, displayName: 'local operator', owner: true }) : text);
    return;
  }
  const { me } = await remoteGraphql<{
    me: {
      displayName: string;
      email: string | null;
      owner: boolean;
      memberships: { organizationName: string; role: string }[];
    } | null;
  }>(options.server, '{ me { displayName email owner memberships { organizationName role } } }');
  if (!me) {
    const origin = serverKey(options.server);
    // `me` answers null rather than refusing, so a token the server no longer accepts shows here.
    throw new CliError(
      `${origin} did not accept the saved token (revoked or expired?): run \`rolemap login --server ${origin}\``,
      EXIT.invalidInput,
    );
  }
  if (options.json) {
    console.log(JSON.stringify(me));
    return;
  }
  const roles = me.owner
    ? ['owner (HR admin of every organization)']
    : me.memberships.map((m) => `${m.role} in ${m.organizationName}`);
  console.log(`${me.displayName} <${me.email}> on ${serverKey(options.server)}: ${roles.join(', ') || 'no organization yet'}`);
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}
