import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time-allocation survey campaigns: the campaign (scope, modes, window, dictionary version,
 * accepted total, the snapshot it closed into), one form per person asked, and the personal
 * links (only their SHA-256). Forms and links belong to the person's row in the base snapshot,
 * so erasing the person erases them.
 */
export class SurveyCampaigns1796320000000 implements MigrationInterface {
  name = 'SurveyCampaigns1796320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE survey_campaign (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        base_snapshot_id uuid NOT NULL,
        scope_kind text NOT NULL,
        scope_value text,
        default_mode text NOT NULL,
        mode_rules jsonb NOT NULL DEFAULT '[]',
        dictionary_version_id uuid,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        min_total_pct double precision NOT NULL DEFAULT '95',
        max_total_pct double precision NOT NULL DEFAULT '105',
        participant_count integer NOT NULL DEFAULT '0',
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        non_respondents text,
        result_snapshot_id uuid,
        close_coverage jsonb,
        CONSTRAINT survey_campaign_pkey PRIMARY KEY (id),
        CONSTRAINT survey_campaign_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT survey_campaign_base_snapshot_id_fkey FOREIGN KEY (base_snapshot_id) REFERENCES org_snapshot(id) ON DELETE CASCADE,
        CONSTRAINT survey_campaign_result_snapshot_id_fkey FOREIGN KEY (result_snapshot_id) REFERENCES org_snapshot(id) ON DELETE SET NULL,
        CONSTRAINT survey_campaign_dictionary_version_id_fkey FOREIGN KEY (dictionary_version_id) REFERENCES dictionary_version(id),
        CONSTRAINT survey_campaign_scope_kind_check CHECK (scope_kind IN ('ORGANIZATION', 'DEPARTMENT', 'SUBTREE')),
        CONSTRAINT survey_campaign_default_mode_check CHECK (default_mode IN ('SELF', 'MANAGER', 'BOTH')),
        CONSTRAINT survey_campaign_window_check CHECK (closes_at > opens_at),
        CONSTRAINT survey_campaign_range_check CHECK (min_total_pct >= 0 AND min_total_pct <= 100 AND max_total_pct >= 100 AND max_total_pct <= 200),
        CONSTRAINT survey_campaign_non_respondents_check CHECK (non_respondents IS NULL OR non_respondents IN ('KEEP_PREVIOUS', 'NONE'))
      )`);
    await queryRunner.query('CREATE INDEX survey_campaign_organization_idx ON survey_campaign (organization_id, created_at)');
    await queryRunner.query(`
      CREATE TABLE survey_response (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        employee_id text NOT NULL,
        person_id uuid NOT NULL,
        department text,
        manager_employee_id text,
        mode text NOT NULL,
        self_status text NOT NULL DEFAULT 'NOT_STARTED',
        manager_status text NOT NULL DEFAULT 'NOT_STARTED',
        self_answers jsonb,
        manager_answers jsonb,
        self_submitted_at timestamptz,
        manager_submitted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        outcome text,
        CONSTRAINT survey_response_pkey PRIMARY KEY (id),
        CONSTRAINT survey_response_campaign_id_employee_id_key UNIQUE (campaign_id, employee_id),
        CONSTRAINT survey_response_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES survey_campaign(id) ON DELETE CASCADE,
        CONSTRAINT survey_response_person_id_fkey FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT survey_response_mode_check CHECK (mode IN ('SELF', 'MANAGER', 'BOTH')),
        CONSTRAINT survey_response_self_status_check CHECK (self_status IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED')),
        CONSTRAINT survey_response_manager_status_check CHECK (manager_status IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED'))
      )`);
    await queryRunner.query('CREATE INDEX survey_response_manager_idx ON survey_response (campaign_id, manager_employee_id)');
    await queryRunner.query('CREATE INDEX survey_response_person_idx ON survey_response (person_id)');
    await queryRunner.query(`
      CREATE TABLE survey_invitation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        employee_id text NOT NULL,
        person_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        reminded_at timestamptz,
        CONSTRAINT survey_invitation_pkey PRIMARY KEY (id),
        CONSTRAINT survey_invitation_token_hash_key UNIQUE (token_hash),
        CONSTRAINT survey_invitation_campaign_id_employee_id_purpose_key UNIQUE (campaign_id, employee_id, purpose),
        CONSTRAINT survey_invitation_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES survey_campaign(id) ON DELETE CASCADE,
        CONSTRAINT survey_invitation_person_id_fkey FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT survey_invitation_purpose_check CHECK (purpose IN ('SELF', 'MANAGER'))
      )`);
    await queryRunner.query('CREATE INDEX survey_invitation_person_idx ON survey_invitation (person_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE survey_invitation');
    await queryRunner.query('DROP TABLE survey_response');
    await queryRunner.query('DROP TABLE survey_campaign');
  }
}
