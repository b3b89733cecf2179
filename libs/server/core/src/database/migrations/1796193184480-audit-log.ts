import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: who did what, when and from where. Append-only, enforced by the database and
 * not only by the code: a trigger refuses UPDATE, DELETE and TRUNCATE. The one exception is the
 * erasure of a person (privacy), which may rewrite an entry's target, details and actor name to
 * take that person's name, e-mail and identifiers out, and nothing else; it has to ask for it in
 * its own transaction (`SET LOCAL rolemap.audit_redaction = 'on'`).
 * No foreign key to organization: the history outlives the organization it describes.
 */
export class AuditLog1796193184480 implements MigrationInterface {
  name = 'AuditLog1796193184480';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        organization_id uuid,
        actor_id text,
        actor_name text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}',
        ip text,
        user_agent text
      )`);
    await queryRunner.query('CREATE INDEX audit_log_organization_at_idx ON audit_log (organization_id, at)');
    // Counting one action (erasures invalidate cached analyses) without reading the whole log.
    await queryRunner.query('CREATE INDEX audit_log_organization_action_idx ON audit_log (organization_id, action, at)');
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND current_setting('rolemap.audit_redaction', true) = 'on'
           AND (NEW.id, NEW.at, NEW.organization_id, NEW.actor_id, NEW.action, NEW.ip, NEW.user_agent)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.organization_id, OLD.actor_id, OLD.action, OLD.ip, OLD.user_agent)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
