// A real OpenID Connect provider (oidc-provider, the certified one) for the browser specs that ask
// for it with the docblock pragma `@oidc-provider`: on a free port of the jest process, with its
// development login and consent pages. The login name is taken as the user's e-mail, which the
// provider vouches for (email_verified), so a spec can sign in as an existing account or a new one.
const http = require('node:http');

const CLIENT_ID = 'rolemap-e2e';
const CLIENT_SECRET = 'a-browser-test-client-secret';

async function startOidcProvider(redirectUri) {
  // ESM only: loaded through Node's require(esm) (Node 20.19+).
  const { default: Provider } = require('oidc-provider');
  let handler = null;
  const server = http.createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['browser-test-provider-cookie-key'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        email: sub,
        email_verified: true,
        name: sub
          .split('@')[0]
          .replace(/[._]/g, ' ')
          .replace(/\b\w/g, (c) => c.toUpperCase()),
      }),
    }),
  });
  handler = provider.callback();
  return {
    env: {
      ROLEMAP_OIDC_ISSUER: issuer,
      ROLEMAP_OIDC_CLIENT_ID: CLIENT_ID,
      ROLEMAP_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      ROLEMAP_OIDC_NAME: 'Test IdP',
      ROLEMAP_OIDC_DEFAULT_ORG: 'Northwind Robotics',
      ROLEMAP_OIDC_DEFAULT_ROLE: 'VIEWER',
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startOidcProvider };
