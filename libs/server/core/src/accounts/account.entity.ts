import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Someone who signs in. E-mail addresses are kept lower-case, so uniqueness ignores case. */
@Entity({ name: 'accounts' })
@Unique('accounts_email_key', ['email'])
@Check('accounts_email_check', 'email = lower(trim(email)) AND length(email) BETWEEN 3 AND 320')
@Check('accounts_display_name_check', 'length(trim(display_name)) > 0')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id; null for an account that signs in only by link (the first owner) or single sign-on. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The installation's owner: HR admin of every organization, and the only one who may add organizations. */
  @Column({ type: 'boolean', default: false })
  owner: boolean;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'failed_sign_ins', type: 'int', default: 0 })
  failedSignIns: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
