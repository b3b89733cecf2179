import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DeepPartialPolicy, type ValueLevelPolicy, resolvePolicy } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { Caller } from '../common/caller';
import { OrganizationsService, lockOrganization } from '../organizations/organizations.service';
import { OrganizationPolicyEntity } from './organization-policy.entity';

/** An organization's value-level policy: every edit is a new version; the latest is in force. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  /** The policy in force: the latest saved edit merged over the default. */
  async policy(caller: Caller, organizationId: string): Promise<ValueLevelPolicy> {
    await this.organizations.get(caller, organizationId);
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
    await this.organizations.get(caller, organizationId);
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
      await this.audit.record(
        caller,
        {
          action: 'policy-edit',
          organizationId,
          target: `policy v${next}`,
          details: { version: Number(next), policy: resolved },
        },
        manager,
      );
      return resolved;
    });
  }
}
