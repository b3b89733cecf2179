import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderUser {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers rolemap as the provider's one client, sending browsers back to `redirectUri`. */
  serve(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified one) on an ephemeral port
 * of this process, with its development login and consent pages: any login name is a user's
 * subject, and `users` says what the ID token claims for it.
 */
export async function startTestProvider(users: Record<string, ProviderUser>): Promise<TestProvider> {
  let handler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const server = http.createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'rolemap';
  const clientSecret = 'a-test-client-secret-of-some-length';
  return {
    issuer,
    clientId,
    clientSecret,
    serve(redirectUri: string) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: ['test-provider-cookie-key'] },
        findAccount: async (_ctx: unknown, sub: string) =>
          users[sub] ? { accountId: sub, claims: async () => ({ sub, ...users[sub] }) } : undefined,
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per origin, as a browser keeps them (paths and expiry aside: these flows are short). */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map()).entries()]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
    this.cookies.set(host, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    this.cookies.set(host, (this.cookies.get(host) ?? new Map()).set(name, value));
  }
}

export interface BrowseResult {
  /** The last redirect that left the flow: rolemap's page the browser lands on. */
  landedOn: URL;
  /** Every URL the browser was sent to, in order. */
  visited: string[];
}

/**
 * Walks a browser through the sign-in: follows redirects, fills the provider's login form with
 * `login` and confirms its consent page, until the flow lands on a page of rolemap's web app.
 * `beforeCallback` may change the provider's answer before it reaches rolemap's callback.
 */
export async function browseSignIn(
  startUrl: string,
  jar: CookieJar,
  { login, appOrigin, beforeCallback }: { login: string; appOrigin: string; beforeCallback?: (url: URL) => URL | Promise<URL> },
): Promise<BrowseResult> {
  const visited: string[] = [];
  let url = startUrl;
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 20; step++) {
    let target = new URL(url);
    if (beforeCallback && target.origin === appOrigin && target.pathname === '/api/auth/sso/callback') {
      target = await beforeCallback(target);
    }
    url = target.href;
    visited.push(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.take(url, response);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      await response.arrayBuffer();
      if (next.origin === appOrigin && !next.pathname.startsWith('/api/')) return { landedOn: next, visited };
      url = next.href;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 500)}`);
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`${url} shows no form: ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
      const value = /value="([^"]*)"/.exec(input[0])?.[1];
      if (input[1] === 'login') fields.set('login', login);
      else if (input[1] === 'password') fields.set('password', 'any password');
      else if (value !== undefined) fields.set(input[1], value);
    }
    url = new URL(form[1].replace(/&amp;/g, '&'), url).href;
    init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error(`The sign-in did not finish: ${visited.join(' → ')}`);
}
