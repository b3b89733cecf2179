import { DomainError } from './domain-error';

/**
 * A role's purpose as HR writes it: one paragraph, kept per organization and reused by every
 * snapshot. It is written for one job title (every "Engineering Manager") or for one post, keyed
 * like positions across snapshots (the holder's employee id, or the post reference when vacant);
 * a post's own purpose wins over its title's.
 */
export const ROLE_PURPOSE_SCOPES = ['TITLE', 'POSITION'] as const;
export type RolePurposeScope = (typeof ROLE_PURPOSE_SCOPES)[number];

export const MAX_ROLE_PURPOSE_LENGTH = 2_000;
export const MAX_ROLE_KEY_LENGTH = 500;

export interface WrittenRolePurpose {
  text: string;
  appliesTo: RolePurposeScope;
  setBy: string | null;
  /** ISO timestamp. */
  setAt: string;
}

/** Purposes of one organization, as reports and the role page look them up. */
export interface RolePurposeLookup {
  /** By position external id. */
  byPosition: ReadonlyMap<string, WrittenRolePurpose>;
  /** By `roleTitleKey(title)`. */
  byTitle: ReadonlyMap<string, WrittenRolePurpose>;
}

/** "  Engineering  manager " and "engineering manager" are one title. */
export function roleTitleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key a purpose is stored under for a position (its external id) or its title. */
export function rolePurposeKey(appliesTo: RolePurposeScope, position: { externalId: string; title: string }): string {
  return appliesTo === 'POSITION' ? position.externalId : roleTitleKey(position.title);
}

/** The purpose HR wrote for a position: its own, else its title's, else none. */
export function writtenPurposeOf(
  lookup: RolePurposeLookup | undefined,
  position: { externalId: string; title: string },
): WrittenRolePurpose | null {
  if (!lookup) return null;
  return lookup.byPosition.get(position.externalId) ?? lookup.byTitle.get(roleTitleKey(position.title)) ?? null;
}

export function isRolePurposeScope(value: unknown): value is RolePurposeScope {
  return typeof value === 'string' && (ROLE_PURPOSE_SCOPES as readonly string[]).includes(value);
}

/**
 * Checks a purpose as HR typed it: trimmed, one paragraph (line breaks become spaces), at most
 * MAX_ROLE_PURPOSE_LENGTH characters, no NUL. Returns null for an empty text, which removes the
 * written purpose (the role goes back to its generated draft).
 */
export function checkRolePurposeText(text: string): string | null {
  if (text.includes('\u0000')) throw new DomainError('BAD_USER_INPUT', 'text: a purpose cannot contain NUL characters');
  const paragraph = text.replace(/\s+/g, ' ').trim();
  if (paragraph === '') return null;
  if (paragraph.length > MAX_ROLE_PURPOSE_LENGTH) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `text: a purpose is one paragraph of at most ${MAX_ROLE_PURPOSE_LENGTH} characters (got ${paragraph.length})`,
    );
  }
  return paragraph;
}
