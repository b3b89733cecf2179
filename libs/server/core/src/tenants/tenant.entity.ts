import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A customer of a shared installation: its organizations, accounts and everything under them are
 * kept apart from every other tenant's by row-level security (see the Tenants migration).
 */
@Entity({ name: 'tenant' })
@Unique('tenant_name_key', ['name'])
@Check('tenant_name_check', 'length(trim(name)) > 0')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
