import { LOCAL_OPERATOR, TenantsService } from '@rolemap/server-core';
import { withServices } from '../cli-app';

/** `rolemap tenants list`: every tenant of the database (the installation operator's view). */
export async function listTenants(options: { json?: boolean }): Promise<void> {
  await withServices([], async (app) => {
    const tenants = await app.get(TenantsService).list(LOCAL_OPERATOR);
    if (options.json) {
      console.log(JSON.stringify(tenants, null, 2));
      return;
    }
    for (const tenant of tenants) {
      console.log(`${tenant.name}\t${tenant.id}\t${tenant.organizationCount} organization(s)\t${tenant.accountCount} account(s)`);
    }
  });
}

/** `rolemap tenants add <name> [--owner <email>]`: prints the owner's one-time sign-in link. */
export async function addTenant(name: string, options: { owner?: string; url?: string; json?: boolean }): Promise<void> {
  await withServices([], async (app) => {
    const { tenant, owner } = await app.get(TenantsService).add(LOCAL_OPERATOR, name, options.owner ?? null);
    const base = (options.url ?? `http://localhost:${process.env.PORT?.trim() || '3000'}`).replace(/\/$/, '');
    const signInLink = owner ? `${base}/sign-in?link=${owner.link.token}` : null;
    if (options.json) {
      console.log(JSON.stringify({ id: tenant.id, name: tenant.name, owner: owner?.email ?? null, signInLink }, null, 2));
      return;
    }
    console.log(`${tenant.name}\t${tenant.id}`);
    if (owner && signInLink) {
      console.log(signInLink);
      console.error(`rolemap: signs ${owner.email} in once, until ${owner.link.expiresAt!.toISOString()}.`);
    }
    console.error(`rolemap: act in it with --tenant "${tenant.name}" or ROLEMAP_TENANT.`);
  });
}
