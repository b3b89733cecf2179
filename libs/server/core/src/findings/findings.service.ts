import { Injectable } from '@nestjs/common';
import { type AnalysisSummary, filterFindings, summarize } from '@rolemap/analysis';
import { DomainError, type FindingKind, type ReviewStatus } from '@rolemap/domain';
import type { Caller } from '../common/caller';
import { PositionScopeService } from '../access/position-scope.service';
import { AnalysisService, type SnapshotAnalysis } from '../analysis/analysis.service';
import { type ReviewedFinding, ReviewsService } from '../reviews/reviews.service';

/** Which findings to list; every part is optional. */
export interface FindingQuery {
  kinds?: readonly FindingKind[];
  minSeverity?: number;
  department?: string;
  /** Only this leader and the people below them. */
  leaderPositionId?: string;
  /** Review status; a finding nobody reviewed is OPEN. */
  statuses?: readonly ReviewStatus[];
}

export interface FindingPage {
  totalCount: number;
  nodes: ReviewedFinding[];
  /** The analysis the findings come from, for names and titles. */
  analysis: SnapshotAnalysis;
}

const MAX_PAGE_SIZE = 1000;

/** A snapshot's findings as people work through them: filtered, paged, with their reviews. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reviews: ReviewsService,
    private readonly scope: PositionScopeService,
  ) {}

  /** Most severe first; `first` is clamped to 1-1000 and a negative offset counts as 0. */
  async page(
    caller: Caller,
    snapshotId: string,
    query: FindingQuery = {},
    { first = 200, offset = 0 }: { first?: number; offset?: number } = {},
  ): Promise<FindingPage> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const positionIds = await this.scopedPositionIds(caller, analysis, query.leaderPositionId);
    const matching = filterFindings(analysis.result.findings, {
      kinds: query.kinds,
      minSeverity: query.minSeverity,
      department: query.department,
      positionIds,
    });
    let reviewed = await this.reviews.reviewed(caller, analysis.snapshot.organizationId, matching);
    if (query.statuses?.length) {
      const statuses = new Set(query.statuses);
      reviewed = reviewed.filter((item) => statuses.has(item.review?.status ?? 'OPEN'));
    }
    const start = Math.max(0, offset);
    const page = reviewed.slice(start, start + Math.min(Math.max(first, 1), MAX_PAGE_SIZE));
    return { totalCount: reviewed.length, nodes: page, analysis };
  }

  /** Counts per kind and department, leaders' tactical load, worst subtrees: of a leader's subtree when given. */
  async summary(caller: Caller, snapshotId: string, leaderPositionId?: string | null): Promise<AnalysisSummary> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const positionIds = await this.scopedPositionIds(caller, analysis, leaderPositionId);
    return positionIds ? summarize(analysis.result, positionIds) : analysis.result.summary;
  }

  /**
   * The positions to report on: the leader's subtree when one is asked for, narrowed to the
   * caller's own scope (a leader sees only their subtree, whatever they ask); undefined for all.
   */
  private async scopedPositionIds(
    caller: Caller,
    analysis: SnapshotAnalysis,
    leaderPositionId?: string | null,
  ): Promise<string[] | undefined> {
    const visible = await this.scope.visible(caller, analysis.snapshot);
    const asked = leaderPositionId ? analysis.index.subtreeOf(leaderPositionId).map((p) => p.id) : undefined;
    if (!visible) return asked;
    return (asked ?? [...visible]).filter((id) => visible.has(id));
  }

  /** One position's findings, most severe first, with their reviews. */
  async ofPosition(caller: Caller, analysis: SnapshotAnalysis, positionId: string): Promise<ReviewedFinding[]> {
    const visible = await this.scope.visible(caller, analysis.snapshot);
    if (visible && !visible.has(positionId)) return [];
    const own = analysis.findingsByPosition.get(positionId) ?? [];
    return this.reviews.reviewed(caller, analysis.snapshot.organizationId, own);
  }

  /** Accepts or dismisses a finding of the snapshot; the review is kept by key for later snapshots too. */
  async review(
    caller: Caller,
    snapshotId: string,
    key: string,
    status: ReviewStatus,
    note: string | null,
  ): Promise<{ reviewed: ReviewedFinding; analysis: SnapshotAnalysis }> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const finding = analysis.result.findings.find((candidate) => candidate.key === key);
    if (!finding) throw new DomainError('NOT_FOUND', `No finding with key ${key} in this snapshot`);
    await this.scope.assertVisible(caller, analysis.snapshot, finding.positionId, `No finding with key ${key} in this snapshot`);
    const review = await this.reviews.review(caller, analysis.snapshot.organizationId, key, status, note);
    return { reviewed: { finding, review }, analysis };
  }
}
