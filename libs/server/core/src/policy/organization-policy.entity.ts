import type { DeepPartialPolicy } from '@rolemap/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

/** Every saved edit of an organization's value-level policy; the highest version is in force. */
@Entity({ name: 'organization_policy' })
@Unique('organization_policy_organization_id_version_key', ['organizationId', 'version'])
export class OrganizationPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'organization_policy_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  policy: DeepPartialPolicy;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
