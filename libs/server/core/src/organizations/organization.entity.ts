import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from '../tenants/tenant.entity';

/** Names are unique within a tenant: two customers may each have an "Acme". */
@Entity({ name: 'organization' })
@Unique('organization_tenant_name_key', ['tenantId', 'name'])
@Check('organization_name_check', 'length(trim(name)) > 0')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Filled from the session's tenant (`rolemap.tenant_id`) when not given. */
  @Column({ name: 'tenant_id', type: 'uuid', default: () => 'rolemap_current_tenant()' })
  tenantId: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'organization_tenant_id_fkey' })
  tenant?: TenantEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
