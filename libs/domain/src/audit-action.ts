/**
 * What the audit log records. `sign-in`, `sign-in-failed` and `role-change` are written by the
 * accounts feature; the rest by the services that do the work (so the CLI's actions count too).
 * The web's audit-log filter offers the same list.
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'role-change',
  'import',
  'policy-edit',
  'grade-tiers',
  'override',
  'review',
  'action',
  'export',
  'privacy-export',
  'erasure',
  'organization-export',
  'organization-import',
  'survey-create',
  'survey-invite',
  'survey-close',
  'dictionary-edit',
  'scenario',
  'role-purpose',
  'survey-upload',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
