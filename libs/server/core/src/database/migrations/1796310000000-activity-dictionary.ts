import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity dictionary: published versions per organization and their entries (function →
 * process → activity). Published versions are immutable, enforced by the database: a trigger
 * refuses UPDATE on both tables (rows go only with their organization).
 */
export class ActivityDictionary1796310000000 implements MigrationInterface {
  name = 'ActivityDictionary1796310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dictionary_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        version int NOT NULL,
        source text NOT NULL,
        summary text NOT NULL,
        entry_count int NOT NULL,
        activity_count int NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT dictionary_version_pkey PRIMARY KEY (id),
        CONSTRAINT dictionary_version_organization_id_version_key UNIQUE (organization_id, version),
        CONSTRAINT dictionary_version_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT dictionary_version_source_check CHECK (source IN ('STARTER', 'IMPORT', 'EDIT'))
      )`);
    await queryRunner.query(`
      CREATE TABLE dictionary_entry (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL,
        key text NOT NULL,
        parent_key text,
        kind text NOT NULL,
        label text NOT NULL,
        description text,
        value_level text,
        level_source text,
        position int NOT NULL,
        CONSTRAINT dictionary_entry_pkey PRIMARY KEY (id),
        CONSTRAINT dictionary_entry_version_id_key_key UNIQUE (version_id, key),
        CONSTRAINT dictionary_entry_version_id_fkey FOREIGN KEY (version_id) REFERENCES dictionary_version(id) ON DELETE CASCADE,
        CONSTRAINT dictionary_entry_kind_check CHECK (kind IN ('FUNCTION', 'PROCESS', 'ACTIVITY')),
        CONSTRAINT dictionary_entry_value_level_check CHECK (value_level IN ('IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP')),
        CONSTRAINT dictionary_entry_level_source_check CHECK (level_source IN ('CONFIRMED', 'SUGGESTED')),
        CONSTRAINT dictionary_entry_activity_level_check CHECK ((kind = 'ACTIVITY') = (value_level IS NOT NULL AND level_source IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION dictionary_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are a published dictionary version and never change; publish a new version instead', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['dictionary_version', 'dictionary_entry']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION dictionary_refuse_update()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dictionary_entry');
    await queryRunner.query('DROP TABLE dictionary_version');
    await queryRunner.query('DROP FUNCTION dictionary_refuse_update()');
  }
}
