import { Injectable } from '@nestjs/common';
import {
  type AnalysisFinding,
  type AnalysisSummary,
  actionOwnerFor,
  filterFindings,
  suggestedActionFor,
  summarize,
} from '@rolemap/analysis';
import {
  type ActionPlan,
  DomainError,
  type FindingKind,
  HIGH_SEVERITY,
  type Tier,
  type ReviewStatus,
  validateActionPlan,
} from '@rolemap/domain';
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

/** A leader whose team has findings nobody has decided on yet, for the review's landing list. */
export interface LeaderToReview {
  positionId: string;
  employeeId: string | null;
  name: string | null;
  title: string;
  tier: Tier;
  department: string | null;
  /** Open findings about the leader or the reports who have no team of their own. */
  openCount: number;
  highCount: number;
  maxSeverity: number;
}

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
  async scopedPositionIds(
    caller: Caller,
    analysis: SnapshotAnalysis,
    leaderPositionId?: string | null,
  ): Promise<string[] | undefined> {
    const visible = await this.scope.visible(caller, analysis.snapshot);
    const asked = leaderPositionId ? analysis.index.subtreeOf(leaderPositionId).map((p) => p.id) : undefined;
    if (!visible) return asked;
    return (asked ?? [...visible]).filter((id) => visible.has(id));
  }

  /**
   * Leaders with open findings, most severe first (then most findings, then name). Each open
   * finding counts once, for the leader who acts on it: its subject when they lead a team, else
   * their manager. A leader sees only their own subtree.
   */
  async leadersToReview(
    caller: Caller,
    snapshotId: string,
    first = 50,
  ): Promise<{ totalCount: number; nodes: LeaderToReview[] }> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const positionIds = await this.scopedPositionIds(caller, analysis);
    const matching = filterFindings(analysis.result.findings, { positionIds });
    const reviewed = await this.reviews.reviewed(caller, analysis.snapshot.organizationId, matching);
    const inScope = positionIds ? new Set(positionIds) : null;
    const byLeader = new Map<string, LeaderToReview>();
    for (const { finding, review } of reviewed) {
      if ((review?.status ?? 'OPEN') !== 'OPEN') continue;
      const subject = analysis.index.node(finding.positionId);
      if (!subject) continue;
      let leader = subject.children.length > 0 ? subject : (subject.parent ?? subject);
      // A leader's own review stops at their position: their manager is outside their scope.
      if (inScope && !inScope.has(leader.position.id)) leader = subject;
      let entry = byLeader.get(leader.position.id);
      if (!entry) {
        entry = {
          positionId: leader.position.id,
          employeeId: leader.person?.employeeId ?? null,
          name: leader.person?.name ?? null,
          title: leader.position.title,
          tier: leader.position.tier,
          department: leader.position.department,
          openCount: 0,
          highCount: 0,
          maxSeverity: 0,
        };
        byLeader.set(leader.position.id, entry);
      }
      entry.openCount += 1;
      if (finding.severity >= HIGH_SEVERITY) entry.highCount += 1;
      entry.maxSeverity = Math.max(entry.maxSeverity, finding.severity);
    }
    const sorted = [...byLeader.values()].sort(
      (a, b) =>
        b.maxSeverity - a.maxSeverity ||
        b.highCount - a.highCount ||
        b.openCount - a.openCount ||
        (a.name ?? a.title).localeCompare(b.name ?? b.title),
    );
    return { totalCount: sorted.length, nodes: sorted.slice(0, Math.min(Math.max(first, 1), MAX_PAGE_SIZE)) };
  }

  /** One position's findings, most severe first, with their reviews. */
  async ofPosition(caller: Caller, analysis: SnapshotAnalysis, positionId: string): Promise<ReviewedFinding[]> {
    const visible = await this.scope.visible(caller, analysis.snapshot);
    if (visible && !visible.has(positionId)) return [];
    const own = analysis.findingsByPosition.get(positionId) ?? [];
    return this.reviews.reviewed(caller, analysis.snapshot.organizationId, own);
  }

  /**
   * Accepts, dismisses or reopens a finding of the snapshot; the decision is appended to its
   * history, kept by key for later snapshots too. Accepting opens an action: the plan given, or
   * the suggested one (the leader, a month from today, the step that fits the finding).
   */
  async review(
    caller: Caller,
    snapshotId: string,
    key: string,
    status: ReviewStatus,
    note: string | null,
    plan?: { [K in keyof ActionPlan]?: ActionPlan[K] | null } | null,
  ): Promise<{ reviewed: ReviewedFinding; analysis: SnapshotAnalysis }> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const finding = analysis.result.findings.find((candidate) => candidate.key === key);
    if (!finding) throw new DomainError('NOT_FOUND', `No finding with key ${key} in this snapshot`);
    await this.scope.assertVisible(caller, analysis.snapshot, finding.positionId, `No finding with key ${key} in this snapshot`);
    const action =
      status === 'ACCEPTED'
        ? validateActionPlan({ ...this.suggestedAction(caller, analysis, finding), ...definedOnly(plan) })
        : null;
    const decision = await this.reviews.review(caller, analysis.snapshot.organizationId, key, status, note, {
      snapshotId,
      subjectRef: subjectRefOf(analysis, finding),
      plan: action,
    });
    return { reviewed: { finding, review: decision.review, action: decision.action }, analysis };
  }

  /** What accepting the finding would plan, before the reviewer changes it. */
  suggestedAction(caller: Caller, analysis: SnapshotAnalysis, finding: AnalysisFinding): ActionPlan {
    return suggestedActionFor(finding, actionOwnerFor(finding, analysis.index) ?? caller.displayName, todayIso());
  }
}

/** The employee id of the finding's subject, or the vacant post's reference: the `who` of its key. */
export function subjectRefOf(analysis: SnapshotAnalysis, finding: AnalysisFinding): string {
  return finding.employeeId ?? analysis.index.position(finding.positionId)?.externalId ?? finding.positionId;
}

function definedOnly<T extends object>(value: T | null | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as Partial<T>;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
