import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnalysisFinding } from '@rolemap/analysis';
import type { FindingReview, ReviewStatus } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess } from '../common/caller';
import { FindingReviewEntity } from './finding-review.entity';

export interface ReviewedFinding {
  finding: AnalysisFinding;
  review: FindingReview | null;
}

/** Leaders' accept/dismiss decisions, kept by finding key so they carry across snapshots. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /** Findings with their latest review; reviews are kept by key across snapshots. */
  async reviewed(caller: Caller, organizationId: string, findings: readonly AnalysisFinding[]): Promise<ReviewedFinding[]> {
    assertCanAccess(caller, organizationId);
    const reviews = await this.latestReviews(
      organizationId,
      findings.map((finding) => finding.key),
    );
    return findings.map((finding) => ({ finding, review: reviews.get(finding.key) ?? null }));
  }

  async review(
    caller: Caller,
    organizationId: string,
    findingKey: string,
    status: ReviewStatus,
    note: string | null,
  ): Promise<FindingReview> {
    assertCanAccess(caller, organizationId);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(FindingReviewEntity).save({
        organizationId,
        findingKey,
        status,
        note: note?.trim() || null,
        reviewer: caller.displayName,
      });
      // The note itself stays out of the log: it is about a person and is erased with them.
      await this.audit.record(
        caller,
        { action: 'review', organizationId, target: findingKey, details: { status, withNote: row.note !== null } },
        manager,
      );
      return row;
    });
    return { findingKey, status, note: saved.note, reviewer: saved.reviewer, reviewedAt: saved.reviewedAt.toISOString() };
  }

  async reviewHistory(caller: Caller, organizationId: string, findingKey: string): Promise<FindingReview[]> {
    assertCanAccess(caller, organizationId);
    const rows = await this.dataSource
      .getRepository(FindingReviewEntity)
      .find({ where: { organizationId, findingKey }, order: { reviewedAt: 'DESC' } });
    return rows.map(toReview);
  }

  private async latestReviews(organizationId: string, keys: readonly string[]): Promise<Map<string, FindingReview>> {
    if (keys.length === 0) return new Map();
    const rows: FindingReviewEntity[] = await this.dataSource
      .getRepository(FindingReviewEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.finding_key'])
      .where('r.organization_id = :organizationId', { organizationId })
      .andWhere('r.finding_key = ANY(:keys)', { keys: [...keys] })
      .orderBy('r.finding_key')
      .addOrderBy('r.reviewed_at', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.findingKey, toReview(row)]));
  }
}

function toReview(row: FindingReviewEntity): FindingReview {
  return {
    findingKey: row.findingKey,
    status: row.status,
    note: row.note,
    reviewer: row.reviewer,
    reviewedAt: row.reviewedAt.toISOString(),
  };
}
