import { oidcConfigFrom } from '../oidc-config';

const base = { ROLEMAP_OIDC_ISSUER: 'https://login.example.com/tenant', ROLEMAP_OIDC_CLIENT_ID: 'rolemap' };

describe('single sign-on configuration (ROLEMAP_OIDC_*)', () => {
  it('is off without an issuer', () => {
    expect(oidcConfigFrom({})).toBeNull();
  });

  it('reads a provider with defaults: named after its host, linking by e-mail, new accounts join nothing', () => {
    expect(oidcConfigFrom(base)).toEqual({
      issuer: 'https://login.example.com/tenant',
      clientId: 'rolemap',
      clientSecret: null,
      redirectUrl: null,
      providerName: 'login.example.com',
      defaultOrganization: null,
      defaultRole: null,
      linkByEmail: true,
    });
  });

  it('makes new accounts employees of the default organization unless told otherwise', () => {
    expect(oidcConfigFrom({ ...base, ROLEMAP_OIDC_DEFAULT_ORG: 'Acme' })).toMatchObject({
      defaultOrganization: 'Acme',
      defaultRole: 'EMPLOYEE',
    });
    expect(oidcConfigFrom({ ...base, ROLEMAP_OIDC_DEFAULT_ORG: 'Acme', ROLEMAP_OIDC_DEFAULT_ROLE: 'viewer' })?.defaultRole).toBe(
      'VIEWER',
    );
    expect(
      oidcConfigFrom({ ...base, ROLEMAP_OIDC_DEFAULT_ORG: 'Acme', ROLEMAP_OIDC_DEFAULT_ROLE: 'none' })?.defaultRole,
    ).toBeNull();
  });

  it('refuses settings that would be unsafe or do nothing, naming the variable', () => {
    expect(() => oidcConfigFrom({ ...base, ROLEMAP_OIDC_ISSUER: 'http://login.example.com' })).toThrow(
      /ROLEMAP_OIDC_ISSUER must be an https:\/\/ URL/,
    );
    expect(oidcConfigFrom({ ...base, ROLEMAP_OIDC_ISSUER: 'http://127.0.0.1:4100' })?.issuer).toBe('http://127.0.0.1:4100/');
    expect(() => oidcConfigFrom({ ROLEMAP_OIDC_ISSUER: base.ROLEMAP_OIDC_ISSUER })).toThrow(/ROLEMAP_OIDC_CLIENT_ID is required/);
    expect(() => oidcConfigFrom({ ROLEMAP_OIDC_CLIENT_ID: 'x' })).toThrow(
      /ROLEMAP_OIDC_CLIENT_ID set without ROLEMAP_OIDC_ISSUER/,
    );
    expect(() => oidcConfigFrom({ ...base, ROLEMAP_OIDC_DEFAULT_ORG: 'Acme', ROLEMAP_OIDC_DEFAULT_ROLE: 'HR_ADMIN' })).toThrow(
      /ROLEMAP_OIDC_DEFAULT_ROLE must be one of EMPLOYEE, VIEWER or none/,
    );
    expect(() => oidcConfigFrom({ ...base, ROLEMAP_OIDC_DEFAULT_ROLE: 'VIEWER' })).toThrow(/needs ROLEMAP_OIDC_DEFAULT_ORG/);
    expect(() => oidcConfigFrom({ ...base, ROLEMAP_OIDC_REDIRECT_URL: 'https://rolemap.example.com/elsewhere' })).toThrow(
      /must end in \/api\/auth\/sso\/callback/,
    );
  });
});
