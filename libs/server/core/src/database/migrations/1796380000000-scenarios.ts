import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scenarios and delegation plans: ordered edits over a snapshot, versioned for optimistic checks. */
export class Scenarios1796380000000 implements MigrationInterface {
  name = 'Scenarios1796380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scenario (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        snapshot_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL DEFAULT 'SCENARIO',
        status text NOT NULL DEFAULT 'DRAFT',
        notes text,
        owner_account_id uuid,
        owner_name text NOT NULL,
        scope_employee_id text,
        edits jsonb NOT NULL DEFAULT '[]',
        dropped_edits jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        CONSTRAINT scenario_pkey PRIMARY KEY (id),
        CONSTRAINT scenario_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT scenario_snapshot_id_fkey FOREIGN KEY (snapshot_id) REFERENCES org_snapshot(id) ON DELETE CASCADE,
        CONSTRAINT scenario_status_check CHECK (status IN ('DRAFT', 'PROPOSED', 'APPROVED', 'REJECTED')),
        CONSTRAINT scenario_kind_check CHECK (kind IN ('SCENARIO', 'DELEGATION_PLAN'))
      )`);
    await queryRunner.query('CREATE INDEX scenario_organization_snapshot_idx ON scenario (organization_id, snapshot_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE scenario');
  }
}
