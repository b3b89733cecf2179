import type { ManagerReferenceKind } from '../types';

export interface PeopleIndex {
  ids: ReadonlySet<string>;
  /** Lower-cased e-mail → rows of the people who have it. */
  emails: ReadonlyMap<string, number[]>;
  /** Normalised name → rows of the people who have it. */
  names: ReadonlyMap<string, number[]>;
}

/** Case and spacing do not tell two people apart in a "Reports To" column. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a manager column holds employee ids, e-mails or names, decided by which of the
 * three its values match most often. The header ("Manager Email") breaks ties; a column
 * matching nothing keeps the header's meaning so errors speak of the right thing.
 */
export function detectManagerReference(
  managerValues: Iterable<string>,
  index: PeopleIndex,
  hint: ManagerReferenceKind,
): ManagerReferenceKind {
  const matches: Record<ManagerReferenceKind, number> = { employee_id: 0, email: 0, name: 0 };
  for (const value of managerValues) {
    if (index.ids.has(value)) matches.employee_id++;
    if (index.emails.has(emailKey(value))) matches.email++;
    if (index.names.has(nameKey(value))) matches.name++;
  }
  const order: ManagerReferenceKind[] = [hint, ...(['employee_id', 'email', 'name'] as const).filter((kind) => kind !== hint)];
  let best = order[0];
  for (const kind of order) if (matches[kind] > matches[best]) best = kind;
  return best;
}
