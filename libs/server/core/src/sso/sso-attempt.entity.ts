import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A single sign-on under way: what the callback must check the provider's answer against. Used once. */
@Entity({ name: 'sso_attempts' })
@Unique('sso_attempts_state_hash_key', ['stateHash'])
@Index('sso_attempts_expires_idx', ['expiresAt'])
export class SsoAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'state_hash', type: 'text' })
  stateHash: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  /** The page of this app to open after signing in (a path, never another site). */
  @Column({ name: 'return_to', type: 'text' })
  returnTo: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
