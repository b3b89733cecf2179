import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Tier, defaultTierForGrade, gradeKey, isTier } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import type { Caller } from '../common/caller';
import { OrganizationsService, lockOrganization } from '../organizations/organizations.service';
import { GradeTierEntity } from './grade-tier.entity';

/** Where a grade's tier comes from: HR's table, a scheme rolemap knows, or nowhere (title and structure decide). */
export type GradeTierSource = 'HR' | 'DEFAULT' | 'NONE';

export interface GradeTierRow {
  grade: string;
  tier: Tier | null;
  source: GradeTierSource;
  /** The known scheme behind a DEFAULT tier ("UK Senior Civil Service"). */
  scheme: string | null;
  /** Positions with this grade in the organization's latest snapshot. */
  positions: number;
}

export interface GradeTierEdit {
  grade: string;
  /** Null takes the grade out of HR's table (back to the known scheme, or none). */
  tier: Tier | null;
}

export const MAX_GRADE_EDITS = 1_000;
export const MAX_GRADE_LENGTH = 200;

/**
 * HR's grade → tier table of an organization. Imports read it (see gradeTiersOf): a grade in
 * it decides a position's tier before the title. Every change is audited.
 */
@Injectable()
export class GradeTiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLogService,
  ) {}

  /** Every grade of the latest snapshot and every grade HR mapped, with its tier and where that comes from. */
  async gradeTiers(caller: Caller, organizationId: string): Promise<GradeTierRow[]> {
    await this.organizations.get(caller, organizationId);
    const counts: { grade: string; positions: number }[] = await this.dataSource.query(
      `SELECT p.grade, COUNT(*)::int AS positions
         FROM position p
        WHERE p.snapshot_id = (SELECT id FROM org_snapshot WHERE organization_id = $1 ORDER BY as_of DESC, version DESC LIMIT 1)
          AND p.grade IS NOT NULL AND p.grade <> ''
        GROUP BY p.grade`,
      [organizationId],
    );
    const mapped = await this.dataSource.getRepository(GradeTierEntity).find({ where: { organizationId } });
    const byKey = new Map<string, GradeTierRow>();
    for (const { grade, positions } of counts) {
      const key = gradeKey(grade);
      const row = byKey.get(key);
      if (row) row.positions += positions;
      else {
        const known = defaultTierForGrade(grade);
        byKey.set(key, {
          grade,
          tier: known?.tier ?? null,
          source: known ? 'DEFAULT' : 'NONE',
          scheme: known?.scheme ?? null,
          positions,
        });
      }
    }
    for (const entry of mapped) {
      const row = byKey.get(entry.gradeKey);
      if (row) Object.assign(row, { tier: entry.tier, source: 'HR', scheme: null });
      else byKey.set(entry.gradeKey, { grade: entry.grade, tier: entry.tier, source: 'HR', scheme: null, positions: 0 });
    }
    return [...byKey.values()].sort(
      (a, b) => b.positions - a.positions || a.grade.localeCompare(b.grade, 'en', { numeric: true }),
    );
  }

  /** Saves HR's tiers for some grades (tier null removes one); the next import uses them. */
  async setGradeTiers(caller: Caller, organizationId: string, edits: readonly GradeTierEdit[]): Promise<GradeTierRow[]> {
    await this.organizations.get(caller, organizationId);
    checkEdits(edits);
    await this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const repository = manager.getRepository(GradeTierEntity);
      for (const { grade, tier } of edits) {
        const key = gradeKey(grade);
        if (tier === null) await repository.delete({ organizationId, gradeKey: key });
        else
          await repository.upsert(
            { organizationId, gradeKey: key, grade: grade.trim(), tier, setBy: caller.displayName, setAt: new Date() },
            ['organizationId', 'gradeKey'],
          );
      }
      await this.audit.record(
        caller,
        {
          action: 'grade-tiers',
          organizationId,
          target: `${edits.length} grade${edits.length === 1 ? '' : 's'}`,
          details: { grades: edits.map(({ grade, tier }) => ({ grade: grade.trim(), tier })) },
        },
        manager,
      );
    });
    return this.gradeTiers(caller, organizationId);
  }
}

/** gradeKey → tier of HR's table, as the import's tier inference takes it. */
export async function gradeTiersOf(manager: { query: DataSource['query'] }, organizationId: string): Promise<Map<string, Tier>> {
  const rows: { grade_key: string; tier: Tier }[] = await manager.query(
    'SELECT grade_key, tier FROM grade_tier WHERE organization_id = $1',
    [organizationId],
  );
  return new Map(rows.map((row) => [row.grade_key, row.tier]));
}

function checkEdits(edits: readonly GradeTierEdit[]): void {
  if (edits.length === 0) throw new DomainError('BAD_USER_INPUT', 'grades: give at least one grade');
  if (edits.length > MAX_GRADE_EDITS) {
    throw new DomainError('BAD_USER_INPUT', `grades: at most ${MAX_GRADE_EDITS} per request (got ${edits.length})`);
  }
  const seen = new Set<string>();
  edits.forEach(({ grade, tier }, index) => {
    const key = gradeKey(grade);
    if (key === '') throw new DomainError('BAD_USER_INPUT', `grades[${index}]: the grade is empty`);
    if (grade.length > MAX_GRADE_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `grades[${index}]: a grade has at most ${MAX_GRADE_LENGTH} characters`);
    }
    if (grade.includes('\u0000')) throw new DomainError('BAD_USER_INPUT', `grades[${index}]: a grade cannot contain NUL`);
    if (tier !== null && !isTier(tier)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `grades[${index}]: tier "${String(tier)}" is not IC, MANAGER, DIRECTOR or EXECUTIVE`,
      );
    }
    if (seen.has(key)) throw new DomainError('BAD_USER_INPUT', `grades[${index}]: grade "${grade}" is given twice`);
    seen.add(key);
  });
}
