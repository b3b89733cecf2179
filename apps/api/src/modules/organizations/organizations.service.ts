import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DeepPartialPolicy, type ValueLevelPolicy, resolvePolicy } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, assertCanAccess } from '../../common/caller';
import { isUuid } from '../../common/uuid';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { latestSnapshot, snapshotTimeline } from '../snapshots/snapshot-order';
import { OrganizationPolicyEntity } from './organization-policy.entity';
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
    if (!organization) throw new NotFoundException(`No organization with id ${id}`);
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
    if (!trimmed) throw new BadRequestException('An organization needs a name');
    if (trimmed.length > MAX_NAME_LENGTH)
      throw new BadRequestException(`An organization name has at most ${MAX_NAME_LENGTH} characters`);
    await manager.query('INSERT INTO organization (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [trimmed]);
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

  /** The policy in force: the latest saved edit merged over the default. */
  async policy(caller: Caller, organizationId: string): Promise<ValueLevelPolicy> {
    await this.get(caller, organizationId);
    const latest = await this.dataSource
      .getRepository(OrganizationPolicyEntity)
      .findOne({ where: { organizationId }, order: { version: 'DESC' } });
    return resolvePolicy(latest?.policy ?? null);
  }

  /**
   * Saves a new policy version (old versions are kept); throws PolicyError when invalid. `edit`
   * is applied to the policy in force inside the transaction, under the organization's lock, so
   * two concurrent partial edits both count.
   */
  async updatePolicy(
    caller: Caller,
    organizationId: string,
    edit: DeepPartialPolicy | ((current: ValueLevelPolicy) => DeepPartialPolicy),
  ): Promise<ValueLevelPolicy> {
    await this.get(caller, organizationId);
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const latest = await manager
        .getRepository(OrganizationPolicyEntity)
        .findOne({ where: { organizationId }, order: { version: 'DESC' } });
      const resolved = resolvePolicy(typeof edit === 'function' ? edit(resolvePolicy(latest?.policy ?? null)) : edit);
      const [{ next }] = await manager.query(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM organization_policy WHERE organization_id = $1',
        [organizationId],
      );
      await manager.getRepository(OrganizationPolicyEntity).insert({
        organizationId,
        version: Number(next),
        policy: resolved,
        createdBy: caller.displayName,
      });
      return resolved;
    });
  }
}
