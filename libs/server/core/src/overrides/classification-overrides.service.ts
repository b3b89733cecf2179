import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ClassificationOverrides, responsibilityKey } from '@rolemap/analysis';
import type { Tier, ValueLevel } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess } from '../common/caller';
import { OrganizationsService } from '../organizations/organizations.service';
import { ClassificationOverrideEntity, type OverrideKind } from './classification-override.entity';

/** HR's corrections of inferred tiers and classified value levels, kept across snapshots. */
@Injectable()
export class ClassificationOverridesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  async setTier(caller: Caller, organizationId: string, externalId: string, tier: Tier | null): Promise<void> {
    await this.append(caller, organizationId, 'TIER', externalId, tier);
  }

  async setValueLevel(
    caller: Caller,
    organizationId: string,
    employeeId: string,
    responsibility: string,
    valueLevel: ValueLevel | null,
  ): Promise<void> {
    await this.append(caller, organizationId, 'VALUE_LEVEL', responsibilityKey(employeeId, responsibility), valueLevel);
  }

  /**
   * Many value levels at once (the review queue's bulk confirm). Given a transaction's `manager`,
   * they commit with whatever else the caller writes there; the caller has then resolved the
   * organization already, and nothing else is read outside that transaction (the embedded
   * database serialises transactions, so a second connection would wait on this one forever).
   */
  async setValueLevels(
    caller: Caller,
    organizationId: string,
    entries: readonly { employeeId: string; responsibility: string; valueLevel: ValueLevel }[],
    manager?: EntityManager,
  ): Promise<void> {
    if (manager) assertCanAccess(caller, organizationId);
    else await this.organizations.get(caller, organizationId);
    const writer = manager ?? this.dataSource.manager;
    // Bounded statements: 5 parameters per row, far below PostgreSQL's 65,535.
    for (let start = 0; start < entries.length; start += 5_000) {
      await writer.getRepository(ClassificationOverrideEntity).insert(
        entries.slice(start, start + 5_000).map((entry) => ({
          organizationId,
          kind: 'VALUE_LEVEL' as const,
          subjectKey: responsibilityKey(entry.employeeId, entry.responsibility),
          value: entry.valueLevel,
          createdBy: caller.displayName,
        })),
      );
    }
    await this.audit.record(
      caller,
      {
        action: 'override',
        organizationId,
        target: `${entries.length} value level${entries.length === 1 ? '' : 's'}`,
        details: { kind: 'VALUE_LEVEL', confirmed: entries.length },
      },
      writer,
    );
  }

  private async append(caller: Caller, organizationId: string, kind: OverrideKind, subjectKey: string, value: string | null) {
    await this.organizations.get(caller, organizationId);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(ClassificationOverrideEntity)
        .insert({ organizationId, kind, subjectKey, value, createdBy: caller.displayName });
      await this.audit.record(
        caller,
        { action: 'override', organizationId, target: subjectKey, details: { kind, value: value ?? 'cleared' } },
        manager,
      );
    });
  }

  /** The overrides in force: the newest row per subject, cleared ones left out, and the organization's confirmed wording. */
  async inForce(organizationId: string): Promise<ClassificationOverrides> {
    // One statement for both (the analysis of a request is loaded with a bounded number of them).
    const rows: { kind: OverrideKind | 'WORDING' | 'GRADE'; subject_key: string; value: string }[] = await this.dataSource.query(
      `SELECT kind, subject_key, value FROM (
         SELECT DISTINCT ON (kind, subject_key) kind, subject_key, value
         FROM classification_override WHERE organization_id = $1
         ORDER BY kind, subject_key, created_at DESC, id DESC
       ) latest WHERE value IS NOT NULL
       UNION ALL
       SELECT 'WORDING', text_key, value_level FROM confirmed_wording WHERE organization_id = $1
       UNION ALL
       SELECT 'GRADE', grade_key, tier FROM grade_tier WHERE organization_id = $1`,
      [organizationId],
    );
    const tiers = new Map<string, Tier>();
    const levels = new Map<string, ValueLevel>();
    const wording = new Map<string, ValueLevel>();
    // Always a table, even an empty one: graded positions then follow HR's grades as they are now.
    const gradeTiers = new Map<string, Tier>();
    for (const row of rows) {
      if (row.kind === 'TIER') tiers.set(row.subject_key, row.value as Tier);
      else if (row.kind === 'WORDING') wording.set(row.subject_key, row.value as ValueLevel);
      else if (row.kind === 'GRADE') gradeTiers.set(row.subject_key, row.value as Tier);
      else levels.set(row.subject_key, row.value as ValueLevel);
    }
    return { tiers, levels, wording, gradeTiers };
  }
}
