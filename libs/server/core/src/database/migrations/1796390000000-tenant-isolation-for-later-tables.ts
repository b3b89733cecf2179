import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type TenantLink, disableTenantIsolation, enableTenantIsolation } from '../tenant-isolation';

/**
 * The tables that features added after the tenants migration hang off an organization: under the
 * same row-level security, so a session in one tenant neither reads nor writes another's
 * dictionaries, surveys, grade tables, actions or scenarios. Left out on purpose: single sign-on
 * links and attempts (installation-wide credentials, looked up before anyone is known, like the
 * tenants migration's sign-in lookups) and background jobs (the queue's workers serve every tenant).
 */
const ISOLATED: [table: string, link: TenantLink][] = [
  ['grade_tier', { column: 'organization_id', parent: 'organization' }],
  ['dictionary_version', { column: 'organization_id', parent: 'organization' }],
  ['dictionary_entry', { column: 'version_id', parent: 'dictionary_version' }],
  ['survey_campaign', { column: 'organization_id', parent: 'organization' }],
  ['survey_response', { column: 'campaign_id', parent: 'survey_campaign' }],
  ['survey_invitation', { column: 'campaign_id', parent: 'survey_campaign' }],
  ['finding_action', { column: 'organization_id', parent: 'organization' }],
  ['scenario', { column: 'organization_id', parent: 'organization' }],
];

export class TenantIsolationForLaterTables1796390000000 implements MigrationInterface {
  name = 'TenantIsolationForLaterTables1796390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, link] of ISOLATED) await enableTenantIsolation(queryRunner, table, link);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of [...ISOLATED].reverse()) await disableTenantIsolation(queryRunner, table);
  }
}
