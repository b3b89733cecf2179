import type { DeepPartialPolicy } from '@rolemap/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every saved edit of an organization's value-level policy; the highest version is in force. */
@Entity({ name: 'organization_policy' })
export class OrganizationPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  policy: DeepPartialPolicy;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
