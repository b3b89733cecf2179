import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  MAX_ROLE_KEY_LENGTH,
  type RolePurposeLookup,
  type RolePurposeScope,
  type WrittenRolePurpose,
  checkRolePurposeText,
  isRolePurposeScope,
  rolePurposeKey,
} from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { Caller } from '../common/caller';
import { OrganizationsService, lockOrganization } from '../organizations/organizations.service';
import { RolePurposeEntity } from './role-purpose.entity';

/** The post a purpose is written for: its key across snapshots and its title. */
export interface PurposeTarget {
  externalId: string;
  title: string;
}

/**
 * The purposes HR writes for the roles of an organization (see RolePurposeEntity). Reports and
 * the role page read them through `lookup`; every change is audited.
 */
@Injectable()
export class RolePurposesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  /** Every purpose of the organization, by post and by title (a few hundred rows at most in practice). */
  async lookup(caller: Caller, organizationId: string): Promise<RolePurposeLookup> {
    await this.organizations.get(caller, organizationId);
    const rows = await this.dataSource.getRepository(RolePurposeEntity).find({ where: { organizationId } });
    const byPosition = new Map<string, WrittenRolePurpose>();
    const byTitle = new Map<string, WrittenRolePurpose>();
    for (const row of rows) {
      const purpose: WrittenRolePurpose = {
        text: row.text,
        appliesTo: row.appliesTo,
        setBy: row.setBy,
        setAt: row.setAt.toISOString(),
      };
      (row.appliesTo === 'POSITION' ? byPosition : byTitle).set(row.roleKey, purpose);
    }
    return { byPosition, byTitle };
  }

  /**
   * Writes (or, with an empty text, removes) the purpose of a post's title or of the post itself.
   * Returns what is stored now, null after a removal.
   */
  async setPurpose(
    caller: Caller,
    organizationId: string,
    target: PurposeTarget,
    appliesTo: RolePurposeScope,
    text: string,
  ): Promise<WrittenRolePurpose | null> {
    await this.organizations.get(caller, organizationId);
    if (!isRolePurposeScope(appliesTo)) {
      throw new DomainError('BAD_USER_INPUT', `appliesTo: "${String(appliesTo)}" is not TITLE or POSITION`);
    }
    const paragraph = checkRolePurposeText(text);
    const roleKey = rolePurposeKey(appliesTo, target);
    if (roleKey === '') throw new DomainError('BAD_USER_INPUT', 'title: this position has no job title to write a purpose for');
    if (roleKey.length > MAX_ROLE_KEY_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `title: at most ${MAX_ROLE_KEY_LENGTH} characters to key a purpose by`);
    }
    const setAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const repository = manager.getRepository(RolePurposeEntity);
      if (paragraph === null) await repository.delete({ organizationId, appliesTo, roleKey });
      else
        await repository.upsert(
          { organizationId, appliesTo, roleKey, title: target.title, text: paragraph, setBy: caller.displayName, setAt },
          ['organizationId', 'appliesTo', 'roleKey'],
        );
      await this.audit.record(
        caller,
        {
          action: 'role-purpose',
          organizationId,
          target:
            appliesTo === 'TITLE'
              ? `purpose of every "${target.title}"`
              : `purpose of post ${target.externalId} (${target.title})`,
          details: { appliesTo, roleKey, title: target.title, cleared: paragraph === null, length: paragraph?.length ?? 0 },
        },
        manager,
      );
    });
    return paragraph === null ? null : { text: paragraph, appliesTo, setBy: caller.displayName, setAt: setAt.toISOString() };
  }
}
