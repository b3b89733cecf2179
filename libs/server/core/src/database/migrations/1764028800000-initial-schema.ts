import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. Snapshot tables (position, person, assignment, responsibility) are bulk
 * loaded with COPY, hundreds of thousands of rows at a time, and never changed afterwards.
 * Their references are checked by the importer before anything is written and indexed here,
 * but not enforced row by row with foreign keys: measured, the per-row FK checks cost more
 * than the COPY itself. Rows of a snapshot are found (and would be removed) by snapshot_id.
 */
export class InitialSchema1764028800000 implements MigrationInterface {
  name = 'InitialSchema1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE organization_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        version int NOT NULL,
        policy jsonb NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE org_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        version int NOT NULL,
        label text,
        as_of date NOT NULL,
        source_file_name text,
        content_hash text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        people_count int NOT NULL,
        position_count int NOT NULL,
        responsibility_count int NOT NULL,
        UNIQUE (organization_id, version)
      )`);
    await queryRunner.query(`CREATE INDEX org_snapshot_hash_idx ON org_snapshot (organization_id, content_hash)`);
    await queryRunner.query(`
      CREATE TABLE uploaded_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        snapshot_id uuid REFERENCES org_snapshot(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('PEOPLE', 'RESPONSIBILITIES')),
        file_name text NOT NULL,
        sha256 text NOT NULL,
        byte_size int NOT NULL,
        content_encoding text NOT NULL CHECK (content_encoding IN ('identity', 'gzip')),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Uploads arrive gzipped; a second compression by TOAST would only cost time.
    await queryRunner.query(`ALTER TABLE uploaded_file ALTER COLUMN content SET STORAGE EXTERNAL`);
    await queryRunner.query(`
      CREATE TABLE position (
        id uuid PRIMARY KEY,
        snapshot_id uuid NOT NULL,
        external_id text NOT NULL,
        title text NOT NULL,
        department text,
        location text,
        tier text NOT NULL CHECK (tier IN ('IC', 'MANAGER', 'DIRECTOR', 'EXECUTIVE')),
        tier_source text NOT NULL CHECK (tier_source IN ('TITLE', 'STRUCTURE', 'OVERRIDE')),
        fte real NOT NULL,
        reports_to_id uuid,
        vacant boolean NOT NULL,
        depth int NOT NULL,
        UNIQUE (snapshot_id, external_id)
      )`);
    await queryRunner.query(`CREATE INDEX position_reports_to_idx ON position (reports_to_id)`);
    await queryRunner.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        snapshot_id uuid NOT NULL,
        employee_id text NOT NULL,
        name text NOT NULL,
        email text,
        hire_date date,
        UNIQUE (snapshot_id, employee_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE assignment (
        person_id uuid PRIMARY KEY,
        position_id uuid NOT NULL,
        snapshot_id uuid NOT NULL,
        role_start_date date,
        previous_title text,
        last_promotion_date date,
        performance_rating real CHECK (performance_rating BETWEEN 1 AND 5)
      )`);
    await queryRunner.query(`CREATE INDEX assignment_position_idx ON assignment (position_id)`);
    await queryRunner.query(`
      CREATE TABLE responsibility (
        id uuid PRIMARY KEY,
        snapshot_id uuid NOT NULL,
        position_id uuid NOT NULL,
        title text NOT NULL,
        description text,
        value_level text NOT NULL CHECK (value_level IN ('IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP')),
        value_level_source text NOT NULL CHECK (value_level_source IN ('GIVEN', 'CLASSIFIED', 'OVERRIDE')),
        classification_confidence real NOT NULL,
        share_pct real NOT NULL CHECK (share_pct >= 0 AND share_pct <= 100),
        held_since date
      )`);
    // One index serves both ways responsibilities are read: a whole snapshot, and some positions of a snapshot.
    await queryRunner.query(`CREATE INDEX responsibility_snapshot_position_idx ON responsibility (snapshot_id, position_id)`);
    await queryRunner.query(`
      CREATE TABLE finding_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        finding_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DISMISSED')),
        note text,
        reviewer text,
        reviewed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX finding_review_key_idx ON finding_review (organization_id, finding_key, reviewed_at DESC)`,
    );
    // HR's corrections of inferred tiers and classified value levels. Appended, never updated:
    // the latest row per subject is in force (a null value clears it) and the history stays.
    await queryRunner.query(`
      CREATE TABLE classification_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('TIER', 'VALUE_LEVEL')),
        subject_key text NOT NULL,
        value text CHECK (value IN ('IC', 'MANAGER', 'DIRECTOR', 'EXECUTIVE', 'IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP')),
        created_by text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX classification_override_subject_idx ON classification_override (organization_id, kind, subject_key, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'classification_override',
      'finding_review',
      'responsibility',
      'assignment',
      'person',
      'position',
      'uploaded_file',
      'org_snapshot',
      'organization_policy',
      'organization',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
