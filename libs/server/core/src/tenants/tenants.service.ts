import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AccountsService, type IssuedToken } from '../accounts/accounts.service';
import type { Caller } from '../common/caller';
import { isUuid } from '../common/uuid';
import { acrossAllTenants, withTenant } from '../database/tenant-scope';
import { TenantEntity } from './tenant.entity';

export const MAX_TENANT_NAME_LENGTH = 100;

export interface TenantSummary {
  id: string;
  name: string;
  createdAt: Date;
  organizationCount: number;
  accountCount: number;
}

export interface AddedTenant {
  tenant: TenantEntity;
  /** The tenant's first owner and their one-time sign-in link, when an e-mail was given. */
  owner: { email: string; link: IssuedToken } | null;
}

/**
 * The tenants of the installation. Adding and listing them is maintenance for whoever runs the
 * installation (the local operator: the CLI on this machine's database), never for an account,
 * which lives inside one tenant and cannot see the others.
 */
@Injectable()
export class TenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  async list(caller: Caller): Promise<TenantSummary[]> {
    assertInstallationOperator(caller);
    const rows: { id: string; name: string; created_at: Date; organizations: number; accounts: number }[] =
      await acrossAllTenants(() =>
        this.dataSource.query(
          `SELECT t.id, t.name, t.created_at,
                  (SELECT count(*)::int FROM organization o WHERE o.tenant_id = t.id) AS organizations,
                  (SELECT count(*)::int FROM accounts a WHERE a.tenant_id = t.id) AS accounts
           FROM tenant t ORDER BY t.name`,
        ),
      );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      organizationCount: row.organizations,
      accountCount: row.accounts,
    }));
  }

  /** Adds a tenant and, given an e-mail, its first owner (who signs in with the link returned, once). */
  async add(caller: Caller, name: string, ownerEmail: string | null = null): Promise<AddedTenant> {
    assertInstallationOperator(caller);
    const trimmed = name?.trim() ?? '';
    if (!trimmed || trimmed.length > MAX_TENANT_NAME_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `A tenant's name has 1 to ${MAX_TENANT_NAME_LENGTH} characters`);
    }
    const tenant = await acrossAllTenants(async () => {
      const repository = this.dataSource.getRepository(TenantEntity);
      if (await repository.findOneBy({ name: trimmed }))
        throw new DomainError('CONFLICT', `A tenant named "${trimmed}" exists already`);
      return repository.save({ name: trimmed });
    });
    if (!ownerEmail) return { tenant, owner: null };
    const owner = await withTenant(tenant.id, () => this.accounts.createFirstOwner(ownerEmail, 'Owner'));
    return { tenant, owner: owner && { email: owner.account.email, link: owner.link } };
  }

  /** The tenant named (or with this id), looked up across all of them; null when there is none. */
  async find(nameOrId: string): Promise<TenantEntity | null> {
    const key = nameOrId.trim();
    return acrossAllTenants(() =>
      this.dataSource.getRepository(TenantEntity).findOne({ where: isUuid(key) ? [{ id: key }, { name: key }] : { name: key } }),
    );
  }
}

function assertInstallationOperator(caller: Caller): void {
  if (caller.via !== 'local') {
    throw new DomainError('FORBIDDEN', 'Tenants are managed by the installation operator (the rolemap CLI on its database)');
  }
}
