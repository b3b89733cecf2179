import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One audited action (see the AuditLog migration: append-only, enforced by a trigger). */
@Entity({ name: 'audit_log' })
@Index('audit_log_organization_at_idx', ['organizationId', 'at'])
@Index('audit_log_organization_action_idx', ['organizationId', 'action', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // clock_timestamp(), not now(): entries written in one transaction keep their order.
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  /** Null for actions outside any organization (a sign-in). No foreign key: the history outlives it. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /**
   * The tenant whose HR admins may read the entry (the session's, `rolemap.tenant_id`); null for
   * entries written across all tenants (a refused sign-in with an unknown e-mail). No foreign key.
   */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true, default: () => 'rolemap_current_tenant()' })
  tenantId: string | null;

  /** The account id; null for the local operator (the CLI on a local database, or no sign-in). */
  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  target: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;
}
