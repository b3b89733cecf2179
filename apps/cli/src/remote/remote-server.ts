import { CliError, EXIT } from '../cli-context';
import { savedToken, serverKey } from './credentials-file';

/** One GraphQL request to a remote rolemap server, signed in with a personal API token or a session cookie. */
export async function remoteGraphql<T>(
  server: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: { token?: string | null; cookie?: string } = { token: savedToken(server) },
): Promise<T> {
  const origin = serverKey(server);
  if (!credentials.token && !credentials.cookie) {
    throw new CliError(`Not signed in to ${origin}: run \`rolemap login --server ${origin}\` first`, EXIT.invalidInput);
  }
  let response: Response;
  try {
    response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-rolemap-client': 'cli',
        ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
        ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new CliError(`Could not reach ${origin}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const error = body?.errors?.[0];
  if (error?.extensions?.code === 'UNAUTHENTICATED') {
    throw new CliError(
      `${origin} did not accept the saved token (revoked or expired?): run \`rolemap login --server ${origin}\``,
      EXIT.invalidInput,
    );
  }
  if (error) throw new CliError(`${origin}: ${error.message}`, EXIT.invalidInput);
  if (!body?.data) throw new CliError(`${origin} answered ${response.status} without data`);
  return body.data;
}
