import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on: which account an identity at an OpenID Connect provider (issuer, subject) signs
 * in as, and the sign-ins under way (state, nonce and PKCE verifier, kept ten minutes, used once).
 * Only a SHA-256 of the state is stored, so the table cannot be used to finish someone's sign-in.
 */
export class SingleSignOn1796350000000 implements MigrationInterface {
  name = 'SingleSignOn1796350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sso_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT sso_identities_account_id_fkey REFERENCES accounts(id) ON DELETE CASCADE,
        issuer text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz,
        CONSTRAINT sso_identities_issuer_subject_key UNIQUE (issuer, subject)
      )`);
    await queryRunner.query('CREATE INDEX sso_identities_account_idx ON sso_identities (account_id)');
    await queryRunner.query(`
      CREATE TABLE sso_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state_hash text NOT NULL CONSTRAINT sso_attempts_state_hash_key UNIQUE,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX sso_attempts_expires_idx ON sso_attempts (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sso_attempts');
    await queryRunner.query('DROP TABLE sso_identities');
  }
}
