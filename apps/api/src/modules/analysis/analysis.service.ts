import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AnalysisFinding,
  type AnalysisResult,
  type PositionMix,
  SnapshotIndex,
  type SnapshotDiff,
  analyzeSnapshot,
  diffSnapshots,
  inferredPromotions,
} from '@rolemap/analysis';
import type { FindingReview, Responsibility, ReviewStatus, SnapshotData, ValueLevelPolicy } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../../common/caller';
import { type GraphqlContext, oncePerRequest } from '../../common/graphql-context';
import { FindingReviewEntity } from './entities/finding-review.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { snapshotBefore } from '../snapshots/snapshot-order';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { currentOverrides } from './classification-overrides.service';
import { loadSnapshotData } from './snapshot-loader';

/** One analysed snapshot, with lookups the resolvers need. */
export interface SnapshotAnalysis {
  snapshot: OrgSnapshotEntity;
  data: SnapshotData;
  index: SnapshotIndex;
  policy: ValueLevelPolicy;
  result: AnalysisResult;
  mixByPosition: ReadonlyMap<string, PositionMix>;
  /** Responsibilities as analysed: with HR's value-level overrides applied. */
  responsibilityById: ReadonlyMap<string, Responsibility>;
  findingsByPosition: ReadonlyMap<string, AnalysisFinding[]>;
  /** Promotions seen by comparing with the previous snapshot, if there is one. */
  diff: SnapshotDiff | null;
}

export type NamedSnapshotDiff = Omit<SnapshotDiff, 'moves'> & {
  moves: (SnapshotDiff['moves'][number] & { fromManagerName: string | null; toManagerName: string | null })[];
};

export interface ReviewedFinding {
  finding: AnalysisFinding;
  review: FindingReview | null;
}

// Snapshots never change, so an analysis stays valid until the policy or an override changes;
// the stamp below captures both. A few entries cover the snapshots people are looking at; the
// position budget keeps a handful of 100k-person analyses from exhausting the heap.
const CACHE_MAX_ENTRIES = 6;
const CACHE_MAX_POSITIONS = 300_000;

interface CacheEntry {
  stamp: string;
  positions: number;
  analysis: Promise<SnapshotAnalysis>;
}

@Injectable()
export class AnalysisService {
  /** By snapshot id, least recently used first. */
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** The analysis for a GraphQL request: looked up once, however many fields ask for it. */
  forRequest(context: GraphqlContext, snapshotId: string): Promise<SnapshotAnalysis> {
    return oncePerRequest(context, `analysis:${snapshotId}`, () => this.forSnapshot(context.caller, snapshotId));
  }

  async forSnapshot(caller: Caller, snapshotId: string): Promise<SnapshotAnalysis> {
    const snapshot = await this.snapshots.get(caller, snapshotId);
    return this.analysisOf(caller, snapshot);
  }

  /**
   * The analysis of a snapshot under the organization's policy (cached), or under `policy`
   * when given (a what-if run: not cached, nothing saved).
   */
  async analysisOf(caller: Caller, snapshot: OrgSnapshotEntity, policy?: ValueLevelPolicy): Promise<SnapshotAnalysis> {
    assertCanAccess(caller, snapshot.organizationId);
    if (policy) return this.analyse(caller, snapshot, policy);
    const stamp = await this.stamp(snapshot);
    const cached = this.cache.get(snapshot.id);
    this.cache.delete(snapshot.id);
    if (cached && cached.stamp === stamp) {
      this.cache.set(snapshot.id, cached);
      return cached.analysis;
    }
    const entry: CacheEntry = { stamp, positions: snapshot.positionCount, analysis: this.analyse(caller, snapshot) };
    this.cache.set(snapshot.id, entry);
    entry.analysis.catch(() => {
      if (this.cache.get(snapshot.id) === entry) this.cache.delete(snapshot.id);
    });
    this.evict();
    return entry.analysis;
  }

  private evict(): void {
    let positions = 0;
    for (const entry of this.cache.values()) positions += entry.positions;
    // The newest entry always stays, however large.
    while (this.cache.size > 1 && (this.cache.size > CACHE_MAX_ENTRIES || positions > CACHE_MAX_POSITIONS)) {
      const [oldestId, oldest] = this.cache.entries().next().value as [string, CacheEntry];
      this.cache.delete(oldestId);
      positions -= oldest.positions;
    }
  }

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
    const saved = await this.dataSource.getRepository(FindingReviewEntity).save({
      organizationId,
      findingKey,
      status,
      note: note?.trim() || null,
      reviewer: caller.displayName,
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

  /** What changed between two snapshots; moves also name the managers, as people read them. */
  async diff(caller: Caller, fromSnapshotId: string, toSnapshotId: string): Promise<NamedSnapshotDiff> {
    const [from, to] = await Promise.all([this.forSnapshot(caller, fromSnapshotId), this.forSnapshot(caller, toSnapshotId)]);
    if (from.snapshot.organizationId !== to.snapshot.organizationId) {
      throw new BadRequestException('Both snapshots must belong to the same organization');
    }
    const diff = diffSnapshots(from.data, to.data);
    const nameIn = (analysis: SnapshotAnalysis, employeeId: string | null) => {
      if (employeeId === null) return null;
      const node = analysis.index.nodeOfEmployee(employeeId);
      return node?.person?.name ?? (node ? `Vacant ${node.position.title}` : null);
    };
    return {
      ...diff,
      moves: diff.moves.map((move) => ({
        ...move,
        fromManagerName: nameIn(from, move.fromManager),
        toManagerName: nameIn(to, move.toManager),
      })),
    };
  }

  private async analyse(
    caller: Caller,
    snapshot: OrgSnapshotEntity,
    policyOverride?: ValueLevelPolicy,
  ): Promise<SnapshotAnalysis> {
    const overrides = await currentOverrides(this.dataSource.manager, snapshot.organizationId);
    const [policy, data, previous] = await Promise.all([
      policyOverride ?? this.organizations.policy(caller, snapshot.organizationId),
      loadSnapshotData(this.dataSource, snapshot, overrides),
      this.previousSnapshot(snapshot),
    ]);
    const previousData = previous ? await loadSnapshotData(this.dataSource, previous, overrides) : null;
    const diff = previousData ? diffSnapshots(previousData, data) : null;
    const index = new SnapshotIndex(data);
    const result = analyzeSnapshot(index, policy, { inferredPromotions: diff ? inferredPromotions(diff) : undefined });
    const findingsByPosition = new Map<string, AnalysisFinding[]>();
    for (const finding of result.findings) {
      const list = findingsByPosition.get(finding.positionId);
      if (list) list.push(finding);
      else findingsByPosition.set(finding.positionId, [finding]);
    }
    return {
      snapshot,
      data,
      index,
      policy,
      result,
      mixByPosition: new Map(result.mixes.map((mix) => [mix.positionId, mix])),
      responsibilityById: new Map(data.responsibilities.map((responsibility) => [responsibility.id, responsibility])),
      findingsByPosition,
      diff,
    };
  }

  /** The chart before this one by as-of date: promotions are inferred from what changed since. */
  private previousSnapshot(snapshot: OrgSnapshotEntity): Promise<OrgSnapshotEntity | null> {
    return snapshotBefore(this.dataSource.manager, snapshot);
  }

  /**
   * Changes whenever the organization's policy, one of its overrides, or the snapshot's previous
   * chart changes (an older chart imported later can land right before it).
   */
  private async stamp(snapshot: OrgSnapshotEntity): Promise<string> {
    const [[row], previous] = await Promise.all([
      this.dataSource.query(
        `SELECT (SELECT COALESCE(MAX(version), 0) FROM organization_policy WHERE organization_id = $1) AS policy,
                (SELECT COUNT(*) FROM classification_override WHERE organization_id = $1) AS overrides`,
        [snapshot.organizationId],
      ),
      this.previousSnapshot(snapshot),
    ]);
    // Both tables are append-only, so a version number and a count change with every edit.
    return `${row.policy}|${row.overrides}|${previous?.id ?? '-'}`;
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
