import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens, API tokens, sign-in links and survey invitations: 32 random bytes behind a prefix that says what
 * the token is (so one pasted in the wrong place is recognised). Only the SHA-256 is stored: the
 * tokens are random, so a slow password hash would add nothing but time to every request.
 */
export type TokenKind = 'session' | 'api' | 'link' | 'survey';

const PREFIXES: Record<TokenKind, string> = { session: 'rms_', api: 'rmt_', link: 'rml_', survey: 'rsv_' };

export function newToken(kind: TokenKind): string {
  return PREFIXES[kind] + randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isTokenOfKind(token: string, kind: TokenKind): boolean {
  return token.startsWith(PREFIXES[kind]) && token.length > PREFIXES[kind].length + 40 && token.length < 100;
}
