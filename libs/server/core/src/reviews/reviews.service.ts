import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnalysisFinding } from '@rolemap/analysis';
import type { ActionPlan, FindingAction, FindingReview, ReviewStatus } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertCanAccess } from '../common/caller';
import { latestActionsByKey, recordDecisionAction } from '../actions/action-store';
import { FindingReviewEntity } from './finding-review.entity';

export interface ReviewedFinding {
  finding: AnalysisFinding;
  review: FindingReview | null;
  /** The newest action a decision on the finding planned (any status), or null. */
  action?: FindingAction | null;
}

/** Where a decision is taken and what accepting it plans, for the action it opens. */
export interface DecisionContext {
  snapshotId: string;
  /** The finding's subject: employee id, or the vacant post's reference. */
  subjectRef: string;
  plan: ActionPlan | null;
}

export interface Decision {
  review: FindingReview;
  action: FindingAction | null;
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
    const keys = findings.map((finding) => finding.key);
    const [reviews, actions] = await Promise.all([
      this.latestReviews(organizationId, keys),
      latestActionsByKey(this.dataSource.manager, organizationId, keys),
    ]);
    return findings.map((finding) => ({
      finding,
      review: reviews.get(finding.key) ?? null,
      action: actions.get(finding.key) ?? null,
    }));
  }

  async review(
    caller: Caller,
    organizationId: string,
    findingKey: string,
    status: ReviewStatus,
    note: string | null,
    context?: DecisionContext,
  ): Promise<Decision> {
    assertCanAccess(caller, organizationId);
    const { row: saved, action } = await this.dataSource.transaction(async (manager) => {
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
      const action = context
        ? await recordDecisionAction(manager, {
            organizationId,
            findingKey,
            subjectRef: context.subjectRef,
            reviewId: row.id,
            snapshotId: context.snapshotId,
            status,
            plan: context.plan,
            createdBy: caller.displayName,
          })
        : null;
      if (action) {
        // Kept apart from the review entry: the action's own changes are logged under 'action' too.
        await this.audit.record(
          caller,
          {
            action: 'action',
            organizationId,
            target: findingKey,
            details: { actionId: action.id, change: 'opened', step: action.step, dueOn: action.dueOn },
          },
          manager,
        );
      }
      // Reopening or dismissing shows the action it just cancelled.
      const shown = action ?? (await latestActionsByKey(manager, organizationId, [findingKey])).get(findingKey) ?? null;
      return { row, action: shown };
    });
    return { review: toReview(saved), action };
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
