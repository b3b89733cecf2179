import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type OrganizationRole, isOrganizationRole } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess, roleIn } from '../common/caller';
import { isUuid } from '../common/uuid';
import { AccountsService } from './accounts.service';

/** Someone with access to an organization, as its HR admins see them. */
export interface Member {
  accountId: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
  personExternalId: string | null;
  /** How they can sign in: a password, single sign-on, neither yet (a sign-in link will do). */
  hasPassword: boolean;
  singleSignOn: boolean;
  disabled: boolean;
  memberSince: Date;
}

export interface MemberChange {
  role: OrganizationRole;
  personExternalId?: string | null;
}

const MAX_EXTERNAL_ID_LENGTH = 200;

/**
 * "People with access": an organization's HR admins see its members, change their roles, add
 * someone by e-mail (a new account without a password when there is none: they sign in with
 * single sign-on or a sign-in link) and remove them. Every change is in the audit log. Nobody
 * changes their own access, so an organization cannot lose its last HR admin by a slip.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditLogService,
  ) {}

  async list(caller: Caller, organizationId: string): Promise<Member[]> {
    this.assertHrAdmin(caller, organizationId);
    return this.members(this.dataSource.manager, organizationId);
  }

  async add(
    caller: Caller,
    organizationId: string,
    input: MemberChange & { email: string; displayName?: string | null },
  ): Promise<Member> {
    this.assertHrAdmin(caller, organizationId);
    const change = checkedChange(input);
    const email = (input.email ?? '').trim().toLowerCase();
    const existing = await this.accounts.byEmail(email);
    if (existing && (await this.membership(existing.id, organizationId))) {
      throw new DomainError('CONFLICT', `${email} has access already; change their role instead`);
    }
    const account =
      existing ?? (await this.accounts.createWithoutPassword(email, input.displayName?.trim() || email.split('@')[0]));
    return this.write(caller, organizationId, account.id, change, 'added');
  }

  async change(caller: Caller, organizationId: string, accountId: string, input: MemberChange): Promise<Member> {
    this.assertHrAdmin(caller, organizationId);
    const change = checkedChange(input);
    this.assertNotSelf(caller, accountId, 'change your own role');
    if (!(await this.membership(accountId, organizationId))) throw notAMember(accountId);
    return this.write(caller, organizationId, accountId, change, 'changed');
  }

  async remove(caller: Caller, organizationId: string, accountId: string): Promise<void> {
    this.assertHrAdmin(caller, organizationId);
    this.assertNotSelf(caller, accountId, 'remove your own access');
    await this.dataSource.transaction(async (manager) => {
      const [removed] = (await manager.query(
        `DELETE FROM memberships m USING accounts a WHERE a.id = m.account_id AND m.account_id = $1 AND m.organization_id = $2
         RETURNING a.email, m.role`,
        [isUuid(accountId) ? accountId : null, organizationId],
      )) as [{ email: string; role: string }[], number];
      if (!removed.length) throw notAMember(accountId);
      await this.audit.record(
        caller,
        { action: 'role-change', organizationId, target: removed[0].email, details: { role: null, was: removed[0].role } },
        manager,
      );
    });
  }

  private async write(
    caller: Caller,
    organizationId: string,
    accountId: string,
    change: Required<MemberChange>,
    how: 'added' | 'changed',
  ): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO memberships (account_id, organization_id, role, person_external_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, organization_id) DO UPDATE SET role = EXCLUDED.role, person_external_id = EXCLUDED.person_external_id`,
        [accountId, organizationId, change.role, change.personExternalId],
      );
      const [member] = await this.members(manager, organizationId, accountId);
      await this.audit.record(
        caller,
        {
          action: 'role-change',
          organizationId,
          target: member.email,
          details: { role: change.role, personExternalId: change.personExternalId, ...(how === 'added' ? { added: true } : {}) },
        },
        manager,
      );
      return member;
    });
  }

  private async members(manager: EntityManager, organizationId: string, accountId?: string): Promise<Member[]> {
    const rows: {
      account_id: string;
      email: string;
      display_name: string;
      role: OrganizationRole;
      person_external_id: string | null;
      has_password: boolean;
      single_sign_on: boolean;
      disabled: boolean;
      created_at: Date;
    }[] = await manager.query(
      `SELECT m.account_id, a.email, a.display_name, m.role, m.person_external_id, a.password_hash IS NOT NULL AS has_password,
              EXISTS (SELECT 1 FROM sso_identities i WHERE i.account_id = a.id) AS single_sign_on, a.disabled, m.created_at
       FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.organization_id = $1 AND ($2::uuid IS NULL OR m.account_id = $2)
       ORDER BY lower(a.display_name), a.email`,
      [organizationId, accountId ?? null],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      personExternalId: row.person_external_id,
      hasPassword: row.has_password,
      singleSignOn: row.single_sign_on,
      disabled: row.disabled,
      memberSince: row.created_at,
    }));
  }

  private async membership(accountId: string, organizationId: string): Promise<boolean> {
    if (!isUuid(accountId)) return false;
    const rows = await this.dataSource.query('SELECT 1 FROM memberships WHERE account_id = $1 AND organization_id = $2', [
      accountId,
      organizationId,
    ]);
    return rows.length > 0;
  }

  private assertHrAdmin(caller: Caller, organizationId: string): void {
    if (!isUuid(organizationId)) throw new DomainError('NOT_FOUND', `No organization with id ${organizationId}`);
    assertCanAccess(caller, organizationId);
    if (roleIn(caller, organizationId) !== 'HR_ADMIN') {
      throw new DomainError('FORBIDDEN', 'Only HR admins of the organization see and change who has access');
    }
  }

  private assertNotSelf(caller: Caller, accountId: string, what: string): void {
    if (caller.id && caller.id === accountId) {
      throw new DomainError('BAD_USER_INPUT', `You cannot ${what}; ask another HR admin`);
    }
  }
}

function checkedChange(input: MemberChange): Required<MemberChange> {
  if (!isOrganizationRole(input.role)) {
    throw new DomainError('BAD_USER_INPUT', `role must be one of HR_ADMIN, LEADER, EMPLOYEE, VIEWER (got "${input.role}")`);
  }
  const personExternalId = input.personExternalId?.trim() || null;
  if (personExternalId && personExternalId.length > MAX_EXTERNAL_ID_LENGTH) {
    throw new DomainError('BAD_USER_INPUT', `personExternalId has at most ${MAX_EXTERNAL_ID_LENGTH} characters`);
  }
  if ((input.role === 'LEADER' || input.role === 'EMPLOYEE') && !personExternalId) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `A ${input.role} needs the employee id of their person in the chart (personExternalId)`,
    );
  }
  return { role: input.role, personExternalId };
}

function notAMember(accountId: string): DomainError {
  return new DomainError('NOT_FOUND', `Account ${accountId} has no access to this organization`);
}
