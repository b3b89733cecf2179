import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/uuid';

/** What an argument's value identifies; each leads to exactly one organization. */
export type OrganizationReference =
  | 'organization'
  | 'organizationName'
  | 'snapshot'
  | 'position'
  | 'person'
  | 'action'
  | 'surveyCampaign'
  | 'scenario';

const LOOKUPS: Record<OrganizationReference, string> = {
  organization: 'SELECT id AS organization_id FROM organization WHERE id = $1',
  organizationName: 'SELECT id AS organization_id FROM organization WHERE name = $1',
  snapshot: 'SELECT organization_id FROM org_snapshot WHERE id = $1',
  position: 'SELECT s.organization_id FROM position p JOIN org_snapshot s ON s.id = p.snapshot_id WHERE p.id = $1',
  person: 'SELECT s.organization_id FROM person p JOIN org_snapshot s ON s.id = p.snapshot_id WHERE p.id = $1',
  action: 'SELECT organization_id FROM finding_action WHERE id = $1',
  surveyCampaign: 'SELECT organization_id FROM survey_campaign WHERE id = $1',
  scenario: 'SELECT organization_id FROM scenario WHERE id = $1',
};

/**
 * The organization a request argument belongs to (an organization id or name, a snapshot,
 * position, person, action, survey campaign or scenario id), or null when it names nothing. The one place access checks learn
 * which organization an operation touches, whatever the operation.
 */
export async function organizationOf(
  manager: EntityManager,
  reference: OrganizationReference,
  value: unknown,
): Promise<string | null> {
  if (typeof value !== 'string' || value === '') return null;
  if (reference !== 'organizationName' && !isUuid(value)) return null;
  const rows: { organization_id: string }[] = await manager.query(LOOKUPS[reference], [
    reference === 'organizationName' ? value.trim() : value,
  ]);
  return rows[0]?.organization_id ?? null;
}
