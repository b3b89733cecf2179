import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, assertCanAccess, isOwner } from '../common/caller';
import { isUuid } from '../common/uuid';
import { currentTenantId } from '../database/tenant-scope';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { latestSnapshot, snapshotTimeline } from '../snapshots/snapshot-order';
import { OrganizationEntity } from './organization.entity';

export const MAX_NAME_LENGTH = 200;

/**
 * Locks the organization's row until the transaction ends: imports and policy edits of one
 * organization take turns, so versions stay unique and checks made under the lock stay true.
 */
export async function lockOrganization(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [organizationId]);
}

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(caller: Caller): Promise<OrganizationEntity[]> {
    const organizations = await this.dataSource.getRepository(OrganizationEntity).find({ order: { name: 'ASC' } });
    return caller.organizationIds === 'ALL'
      ? organizations
      : organizations.filter((org) => caller.organizationIds.includes(org.id));
  }

  async get(caller: Caller, id: string): Promise<OrganizationEntity> {
    const organization = isUuid(id) ? await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id }) : null;
    if (!organization) throw new DomainError('NOT_FOUND', `No organization with id ${id}`);
    assertCanAccess(caller, organization.id);
    return organization;
  }

  async findByName(caller: Caller, name: string): Promise<OrganizationEntity | null> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ name });
    if (organization) assertCanAccess(caller, organization.id);
    return organization;
  }

  /** Finds the organization by name or creates it, inside the caller's transaction when given one. */
  async findOrCreate(
    caller: Caller,
    name: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity> {
    const trimmed = name.trim();
    if (!trimmed) throw new DomainError('BAD_USER_INPUT', 'An organization needs a name');
    if (trimmed.length > MAX_NAME_LENGTH)
      throw new DomainError('BAD_USER_INPUT', `An organization name has at most ${MAX_NAME_LENGTH} characters`);
    if (!isOwner(caller)) {
      // Only the owner adds organizations; anyone else may name one they belong to.
      const existing = await manager.getRepository(OrganizationEntity).findOneBy({ name: trimmed });
      if (!existing) throw new DomainError('FORBIDDEN', `Only the owner can add organizations; there is none named "${trimmed}"`);
      assertCanAccess(caller, existing.id);
      return existing;
    }
    // The new organization joins the session's tenant (the column's default): there must be one.
    if (!currentTenantId()) throw new DomainError('FORBIDDEN', 'Organizations are added within a tenant');
    await manager.query('INSERT INTO organization (name) VALUES ($1) ON CONFLICT (tenant_id, name) DO NOTHING', [trimmed]);
    const organization = await manager.getRepository(OrganizationEntity).findOneByOrFail({ name: trimmed });
    assertCanAccess(caller, organization.id);
    return organization;
  }

  /** Newest first by as-of date (see snapshot-order.ts). */
  async snapshots(caller: Caller, organizationId: string): Promise<OrgSnapshotEntity[]> {
    assertCanAccess(caller, organizationId);
    return snapshotTimeline(this.dataSource.manager, organizationId);
  }

  /** The newest chart by as-of date, whenever it was imported. */
  async latestSnapshot(caller: Caller, organizationId: string): Promise<OrgSnapshotEntity | null> {
    assertCanAccess(caller, organizationId);
    return latestSnapshot(this.dataSource.manager, organizationId);
  }
}
