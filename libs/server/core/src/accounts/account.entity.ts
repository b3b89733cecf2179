import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '../tenants/tenant.entity';

/**
 * Someone who signs in. E-mail addresses are kept lower-case, so uniqueness ignores case; they are
 * unique in the whole installation, because signing in names no tenant: an account belongs to one
 * tenant, and the caller acts in it.
 */
@Entity({ name: 'accounts' })
@Unique('accounts_email_key', ['email'])
@Index('accounts_tenant_idx', ['tenantId'])
@Check('accounts_email_check', 'email = lower(trim(email)) AND length(email) BETWEEN 3 AND 320')
@Check('accounts_display_name_check', 'length(trim(display_name)) > 0')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  /** Filled from the session's tenant (`rolemap.tenant_id`) when not given. */
  @Column({ name: 'tenant_id', type: 'uuid', default: () => 'rolemap_current_tenant()' })
  tenantId: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'accounts_tenant_id_fkey' })
  tenant?: TenantEntity;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id; null for an account that signs in only by link (the first owner) or single sign-on. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The installation's owner: HR admin of every organization of its tenant, and the only one who may add organizations there. */
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
