import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in: accounts, their roles per organization, and the three kinds of credential. Only a
 * SHA-256 of every session token, API token and sign-in link is stored, so a copy of the
 * database signs nobody in; passwords are argon2id hashes.
 */
export class Accounts1796212800000 implements MigrationInterface {
  name = 'Accounts1796212800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT accounts_email_check CHECK (email = lower(trim(email)) AND length(email) BETWEEN 3 AND 320),
        display_name text NOT NULL CONSTRAINT accounts_display_name_check CHECK (length(trim(display_name)) > 0),
        password_hash text,
        owner boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        failed_sign_ins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_email_key UNIQUE (email)
      )`);
    await queryRunner.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT memberships_account_id_fkey REFERENCES accounts(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL CONSTRAINT memberships_organization_id_fkey REFERENCES organization(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT memberships_role_check CHECK (role IN ('HR_ADMIN', 'LEADER', 'EMPLOYEE', 'VIEWER')),
        person_external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_account_organization_key UNIQUE (account_id, organization_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT sessions_account_id_fkey REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT sessions_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX sessions_account_idx ON sessions (account_id)');
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT api_tokens_account_id_fkey REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT api_tokens_name_check CHECK (length(trim(name)) > 0),
        token_hash text NOT NULL CONSTRAINT api_tokens_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX api_tokens_account_idx ON api_tokens (account_id)');
    await queryRunner.query(`
      CREATE TABLE sign_in_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT sign_in_links_account_id_fkey REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT sign_in_links_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sign_in_links');
    await queryRunner.query('DROP TABLE api_tokens');
    await queryRunner.query('DROP TABLE sessions');
    await queryRunner.query('DROP TABLE memberships');
    await queryRunner.query('DROP TABLE accounts');
  }
}
