import { ORGANIZATION_ROLES, type OrganizationRole } from '@rolemap/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AccountEntity } from './account.entity';

/**
 * An account's role in one organization, and who they are in its chart: the person's HRIS
 * employee id, stable across snapshots, is the root of a leader's subtree and an employee's own role.
 */
@Entity({ name: 'memberships' })
@Unique('memberships_account_organization_key', ['accountId', 'organizationId'])
@Check('memberships_role_check', oneOf('role', ORGANIZATION_ROLES))
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'memberships_account_id_fkey' })
  account?: AccountEntity;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'memberships_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  role: OrganizationRole;

  @Column({ name: 'person_external_id', type: 'text', nullable: true })
  personExternalId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
