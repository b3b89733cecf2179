import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationRole } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import type { RequestOrigin } from '../accounts/accounts.service';
import type { SignInMethod, SignInObserver, SignInRefusal } from '../accounts/sign-in-observer';
import { type Caller, LOCAL_OPERATOR } from '../common/caller';
import type { AuditAction } from './audit-actions';
import { AuditLogService } from './audit-log.service';

/**
 * Sign-ins, refused sign-ins and role changes in the audit log. A sign-in goes into the log of
 * every organization the account belongs to, so each organization's HR admins see who signed in;
 * an unknown e-mail or an account without one gets an entry outside any organization.
 */
@Injectable()
export class AuditAccountEvents implements SignInObserver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async signedIn(
    caller: Caller,
    method: SignInMethod,
    _origin?: RequestOrigin,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const email = await this.emailOf(caller.id);
    await this.recordForAccount('sign-in', caller, email, { method, ...details });
  }

  async signInRefused(email: string | null, reason: SignInRefusal, _origin: RequestOrigin, detail?: string): Promise<void> {
    const rows: { id: string; display_name: string }[] = email
      ? await this.dataSource.query('SELECT id, display_name FROM accounts WHERE email = $1', [email])
      : [];
    // The attempt is by whoever typed the e-mail, named after the account it tried.
    const actor: Caller = rows[0]
      ? { ...LOCAL_OPERATOR, id: rows[0].id, displayName: rows[0].display_name, organizationIds: [], via: 'session' }
      : { ...LOCAL_OPERATOR, displayName: 'unknown', organizationIds: [], via: 'session' };
    await this.recordForAccount('sign-in-failed', actor, email, detail ? { reason, detail } : { reason });
  }

  async roleChanged(
    caller: Caller,
    email: string,
    organizationId: string,
    role: OrganizationRole,
    personExternalId: string | null,
  ): Promise<void> {
    await this.audit.record(caller, {
      action: 'role-change',
      organizationId,
      target: email,
      details: { role, personExternalId },
    });
  }

  async sessionsRevoked(caller: Caller, count: number): Promise<void> {
    await this.recordForAccount('sign-out', caller, await this.emailOf(caller.id), { everywhere: true, sessions: count });
  }

  private async recordForAccount(
    action: AuditAction,
    actor: Caller,
    email: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    const rows: { organization_id: string }[] = actor.id
      ? await this.dataSource.query('SELECT organization_id FROM memberships WHERE account_id = $1', [actor.id])
      : [];
    const organizations = rows.length ? rows.map((row) => row.organization_id) : [null];
    for (const organizationId of organizations)
      await this.audit.record(actor, { action, organizationId, target: email, details });
  }

  private async emailOf(accountId: string | null): Promise<string | null> {
    if (!accountId) return null;
    const rows: { email: string }[] = await this.dataSource.query('SELECT email FROM accounts WHERE id = $1', [accountId]);
    return rows[0]?.email ?? null;
  }
}
