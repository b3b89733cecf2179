import { Injectable } from '@nestjs/common';
import type { FindingKind, Tier, ValueMix } from '@rolemap/domain';
import type { Caller } from '../common/caller';
import { PositionScopeService } from '../access/position-scope.service';
import { AnalysisService } from '../analysis/analysis.service';
import { ReviewsService } from '../reviews/reviews.service';

/** Everything the org chart draws for one position. */
export interface OrgChartNode {
  id: string;
  parentId: string | null;
  employeeId: string | null;
  name: string;
  title: string;
  tier: Tier;
  department: string | null;
  vacant: boolean;
  actualMix: Readonly<ValueMix>;
  expectedMix: Readonly<ValueMix>;
  tacticalGap: number;
  /** Kinds of open findings the card shows a badge for. */
  badges: FindingKind[];
  directReports: number;
  openFindings: number;
}

// Spans and layers are about the structure, not the person: the card shows no badge for them.
const BADGE_KINDS: ReadonlySet<FindingKind> = new Set(['PROMOTED_STILL_TACTICAL', 'DELEGATION_GAP', 'PIGEONHOLING_RISK']);

@Injectable()
export class OrgChartService {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reviews: ReviewsService,
    private readonly scope: PositionScopeService,
  ) {}

  /** Every position of the snapshot with its mix, colour score and open findings (accepted or dismissed ones are not open). */
  async nodes(caller: Caller, snapshotId: string): Promise<OrgChartNode[]> {
    const analysis = await this.analysis.forSnapshot(caller, snapshotId);
    const visible = await this.scope.visible(caller, analysis.snapshot);
    const reviewed = await this.reviews.reviewed(caller, analysis.snapshot.organizationId, analysis.result.findings);
    const open = new Map<string, Set<FindingKind>>();
    const openCount = new Map<string, number>();
    for (const { finding, review } of reviewed) {
      if (review && review.status !== 'OPEN') continue;
      openCount.set(finding.positionId, (openCount.get(finding.positionId) ?? 0) + 1);
      if (!BADGE_KINDS.has(finding.kind)) continue;
      const kinds = open.get(finding.positionId) ?? new Set<FindingKind>();
      kinds.add(finding.kind);
      open.set(finding.positionId, kinds);
    }
    const mixes = visible ? analysis.result.mixes.filter((mix) => visible.has(mix.positionId)) : analysis.result.mixes;
    return mixes.map((mix) => ({
      id: mix.positionId,
      // A leader's own card is the top of their chart: its parent is outside their scope.
      parentId: mix.parentPositionId && (!visible || visible.has(mix.parentPositionId)) ? mix.parentPositionId : null,
      employeeId: mix.employeeId,
      name: mix.name ?? 'Vacant',
      title: mix.title,
      tier: mix.tier,
      department: mix.department,
      vacant: mix.vacant,
      actualMix: mix.actual,
      expectedMix: mix.expected,
      tacticalGap: mix.tacticalGap,
      badges: [...(open.get(mix.positionId) ?? [])],
      directReports: mix.directReports,
      openFindings: openCount.get(mix.positionId) ?? 0,
    }));
  }
}
