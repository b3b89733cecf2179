import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PositionMix } from '@rolemap/analysis';
import { DomainError, type FindingKind, type Tier, type TierSource, type ValueMix } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, assertCanAccess } from '../common/caller';
import { isUuid } from '../common/uuid';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { latestSnapshot } from '../snapshots/snapshot-order';
import { PositionScopeService } from '../access/position-scope.service';
import { AnalysisService, type SnapshotAnalysis } from '../analysis/analysis.service';
import { ReviewsService } from '../reviews/reviews.service';
import { type ChartTree, ancestorsOf, buildChartTree, childrenOf, revealPaths, topLevels } from './chart-tree';

/** Everything the org chart draws for one position. */
export interface OrgChartNode {
  id: string;
  parentId: string | null;
  employeeId: string | null;
  name: string;
  title: string;
  tier: Tier;
  /** What decided the tier (OVERRIDE, GRADE, TITLE, STRUCTURE). */
  tierSource: TierSource;
  department: string | null;
  vacant: boolean;
  actualMix: Readonly<ValueMix>;
  expectedMix: Readonly<ValueMix>;
  tacticalGap: number;
  /** Kinds of open findings the card shows a badge for. */
  badges: FindingKind[];
  directReports: number;
  openFindings: number;
  /** At least one responsibility is recorded; without any the card shows "no data", not a gap. */
  hasData: boolean;
}

/**
 * A card of the lazy chart: what OrgChartNode has minus the expected mix (the same for every
 * position of a tier, so it is sent once per tier), plus what a collapsed card says about the
 * team below it.
 */
export interface LazyChartNode extends Omit<OrgChartNode, 'expectedMix'> {
  /** Everyone below the position, however deep. */
  descendantCount: number;
  /** Open findings in the position's whole team, its own included. */
  subtreeFindings: number;
  /** Badge kinds somewhere below the position (not its own). */
  subtreeBadges: FindingKind[];
  /** Of `descendantCount`, those with no responsibilities recorded: unknown, not healthy. */
  descendantsWithoutData: number;
  /** Dotted-line managers the caller may see (position ids); they do not move the card in the tree. */
  dottedLineManagerIds: string[];
}

export interface LazyChartSlice {
  /** The snapshot drawn: the one asked for, or the organization's latest. */
  snapshotId: string;
  expectedMixes: { tier: Tier; mix: Readonly<ValueMix> }[];
  nodes: LazyChartNode[];
}

export interface LazyChartChildren {
  totalCount: number;
  nodes: LazyChartNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface LazyChartSearch {
  /** Matches, at most `first`, exact ids first, then in the chart's reading order. */
  hits: LazyChartNode[];
  totalCount: number;
  /** What the chart needs to show the first hit in place: the path to it and each team on it. */
  nodes: LazyChartNode[];
}

export interface ChartLeader {
  id: string;
  name: string;
  title: string;
  tier: Tier;
  department: string | null;
  vacant: boolean;
}

/** Limits of one lazy chart answer, whatever the org's shape. */
export const CHART_LIMITS = {
  maxDepth: 4,
  /** A leader with more reports than this comes collapsed in the top levels (paged on expand). */
  topSpanLimit: 200,
  topNodeLimit: 3_000,
  maxChildrenPage: 1_000,
  maxSearchHits: 100,
  maxRevealIds: 100,
  maxQueryLength: 200,
  maxLeaders: 200,
} as const;

// Spans and layers are about the structure, not the person: the card shows no badge for them.
const BADGE_KINDS: ReadonlySet<FindingKind> = new Set(['PROMOTED_STILL_TACTICAL', 'DELEGATION_GAP', 'PIGEONHOLING_RISK']);
const LEADER_TIERS: ReadonlySet<Tier> = new Set(['MANAGER', 'DIRECTOR', 'EXECUTIVE']);
const TIER_ORDER: Record<Tier, number> = { EXECUTIVE: 0, DIRECTOR: 1, MANAGER: 2, IC: 3 };

/** Open findings of one analysis under one state of the reviews, per position and per team. */
interface OpenFindings {
  stamp: string;
  count: Map<string, number>;
  badges: Map<string, FindingKind[]>;
  subtreeCount: Map<string, number>;
  subtreeBadges: Map<string, FindingKind[]>;
}

/** What a chart request works from: the analysis, its chart state and what the caller may see. */
interface ChartView {
  analysis: SnapshotAnalysis;
  tree: ChartTree;
  open: OpenFindings;
  state: ChartState;
  visible: ReadonlySet<string> | null;
  dottedLines: ReadonlyMap<string, readonly string[]>;
}

interface ChartState {
  tree: ChartTree;
  /** Dotted-line managers per position id, for the positions that have any. */
  dottedLines: ReadonlyMap<string, readonly string[]>;
  open: OpenFindings | null;
  /** Lower-cased "name\ntitle\nemployee id" per position in reading order, built on the first search. */
  searchKeys?: string[];
  /** The picker's leaders in its order, with their search text; built on the first request. */
  leaders?: { leader: ChartLeader; key: string }[];
}

@Injectable()
export class OrgChartService {
  /** Per cached analysis: it is replaced (and this entry collected) when the policy or an override changes. */
  private readonly states = new WeakMap<SnapshotAnalysis, ChartState>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly reviews: ReviewsService,
    private readonly scope: PositionScopeService,
  ) {}

  /** The top `depth` levels below the top of the chart, or below `rootPositionId` (the leader review). */
  async top(caller: Caller, snapshotId: string, depth: number, rootPositionId?: string | null): Promise<LazyChartSlice> {
    checkRange('depth', depth, 0, CHART_LIMITS.maxDepth);
    return this.slice(await this.state(caller, snapshotId), depth, rootPositionId);
  }

  /**
   * `top` of the snapshot a chart of the organization shows: `snapshotId` when it is one of the
   * organization's, else its latest (as the web app does with a link to a snapshot it does not
   * know). Lets a page ask for its chart before it has the list of snapshots.
   */
  async topOfOrganization(
    caller: Caller,
    organizationId: string,
    snapshotId: string | null,
    depth: number,
    rootPositionId?: string | null,
  ): Promise<LazyChartSlice> {
    checkRange('depth', depth, 0, CHART_LIMITS.maxDepth);
    assertCanAccess(caller, organizationId);
    const snapshots = this.dataSource.getRepository(OrgSnapshotEntity);
    const named = snapshotId && isUuid(snapshotId) ? await snapshots.findOneBy({ id: snapshotId, organizationId }) : null;
    const snapshot = named ?? (await latestSnapshot(this.dataSource.manager, organizationId));
    if (!snapshot) throw new DomainError('NOT_FOUND', 'The organization has no snapshot yet');
    // The snapshot found here goes on to the analysis: it is not looked up a second time.
    return this.slice(await this.stateOf(caller, await this.analysis.analysisOf(caller, snapshot)), depth, rootPositionId);
  }

  private slice(
    { analysis, tree, open, visible, dottedLines }: ChartView,
    depth: number,
    rootPositionId?: string | null,
  ): LazyChartSlice {
    // A leader's chart starts at their own post: the tops of what they may see.
    let roots: readonly PositionMix[] = visible
      ? [...visible].map((id) => tree.byId.get(id)!).filter((mix) => mix && !isVisible(visible, mix.parentPositionId))
      : tree.roots;
    if (rootPositionId) {
      const root = tree.byId.get(rootPositionId);
      if (!root || !isVisible(visible, root.positionId)) {
        throw new DomainError('NOT_FOUND', `No position with id ${rootPositionId} in this snapshot`);
      }
      roots = [root];
    }
    const mixes = topLevels(tree, roots, depth, CHART_LIMITS.topSpanLimit, CHART_LIMITS.topNodeLimit);
    const nodes = inScope(mixes, visible).map((mix) => lazyNode(mix, open, visible, dottedLines));
    if (rootPositionId && nodes.length > 0) nodes[0] = { ...nodes[0], parentId: null };
    return { snapshotId: analysis.snapshot.id, expectedMixes: expectedMixesOf(analysis), nodes };
  }

  /** A page of a leader's direct reports, in the chart's order; `after` is the previous page's endCursor. */
  async children(
    caller: Caller,
    snapshotId: string,
    positionId: string,
    first: number,
    after?: string | null,
  ): Promise<LazyChartChildren> {
    checkRange('first', first, 1, CHART_LIMITS.maxChildrenPage);
    const { tree, open, visible, dottedLines } = await this.state(caller, snapshotId);
    if (!tree.byId.has(positionId) || !isVisible(visible, positionId)) {
      throw new DomainError('NOT_FOUND', `No position with id ${positionId} in this snapshot`);
    }
    const all = inScope(childrenOf(tree, positionId), visible);
    const start = after ? decodeOffset(after) : 0;
    const page = all.slice(start, start + first);
    const end = start + page.length;
    return {
      totalCount: all.length,
      nodes: page.map((mix) => lazyNode(mix, open, visible, dottedLines)),
      pageInfo: { hasNextPage: end < all.length, endCursor: page.length ? encodeOffset(end) : null },
    };
  }

  /** The positions with everything above them and each team on the way, so the chart can open to them. */
  async reveal(caller: Caller, snapshotId: string, positionIds: readonly string[]): Promise<LazyChartNode[]> {
    if (positionIds.length > CHART_LIMITS.maxRevealIds) {
      throw new DomainError('BAD_USER_INPUT', `positionIds: at most ${CHART_LIMITS.maxRevealIds} positions at a time`);
    }
    const { tree, open, visible, dottedLines } = await this.state(caller, snapshotId);
    const shown = positionIds.filter((id) => isVisible(visible, id));
    return inScope(revealPaths(tree, shown), visible).map((mix) => lazyNode(mix, open, visible, dottedLines));
  }

  /** The managers above a position, top first (a breadcrumb). */
  async ancestors(caller: Caller, snapshotId: string, positionId: string): Promise<LazyChartNode[]> {
    const { tree, open, visible, dottedLines } = await this.state(caller, snapshotId);
    if (!tree.byId.has(positionId) || !isVisible(visible, positionId)) {
      throw new DomainError('NOT_FOUND', `No position with id ${positionId} in this snapshot`);
    }
    return inScope(ancestorsOf(tree, positionId), visible).map((mix) => lazyNode(mix, open, visible, dottedLines));
  }

  /**
   * Case-insensitive match on the holder's name, the title or the employee id (an exact position
   * id or employee id first), then in the chart's reading order. The analysis already holds every
   * position in memory, so this scans its search keys (built once per analysis) instead of asking
   * the database for tens of thousands of matching rows only to rank them here.
   */
  async search(caller: Caller, snapshotId: string, query: string, first: number): Promise<LazyChartSearch> {
    checkRange('first', first, 1, CHART_LIMITS.maxSearchHits);
    const text = query.trim();
    if (text.length > CHART_LIMITS.maxQueryLength) {
      throw new DomainError('BAD_USER_INPUT', `query: at most ${CHART_LIMITS.maxQueryLength} characters`);
    }
    if (!text) return { hits: [], totalCount: 0, nodes: [] };
    const { tree, open, state, visible, dottedLines } = await this.state(caller, snapshotId);
    const needle = text.toLowerCase();
    const exact = tree.byId.get(text) ?? tree.readingOrder.find((mix) => mix.employeeId === text);
    const keys = (state.searchKeys ??= tree.readingOrder.map((mix) =>
      `${mix.name ?? ''}\n${mix.title}\n${mix.employeeId ?? ''}`.toLowerCase(),
    ));
    const matches: PositionMix[] = exact && isVisible(visible, exact.positionId) ? [exact] : [];
    for (let i = 0; i < keys.length; i++) {
      const mix = tree.readingOrder[i];
      if (keys[i].includes(needle) && mix !== exact && isVisible(visible, mix.positionId)) matches.push(mix);
    }
    const hits = matches.slice(0, first).map((mix) => lazyNode(mix, open, visible, dottedLines));
    const nodes = hits.length
      ? inScope(revealPaths(tree, [hits[0].id]), visible).map((mix) => lazyNode(mix, open, visible, dottedLines))
      : [];
    return { hits, totalCount: matches.length, nodes };
  }

  /**
   * Managers and above for the leader picker, most senior first, then by name: those whose name,
   * title or department holds every word of `query`, at most `first` (the picker shows a page,
   * not the thousands a large organization has). A leader sees the leaders of their own subtree.
   */
  async leaders(caller: Caller, snapshotId: string, query: string, first: number): Promise<ChartLeader[]> {
    checkRange('first', first, 1, CHART_LIMITS.maxLeaders);
    if (query.length > CHART_LIMITS.maxQueryLength) {
      throw new DomainError('BAD_USER_INPUT', `query: at most ${CHART_LIMITS.maxQueryLength} characters`);
    }
    const { analysis, state, visible } = await this.state(caller, snapshotId);
    state.leaders ??= leadersOf(analysis);
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const result: ChartLeader[] = [];
    for (const { leader, key } of state.leaders) {
      if (isVisible(visible, leader.id) && words.every((word) => key.includes(word))) result.push(leader);
      if (result.length === first) break;
    }
    return result;
  }

  private async state(caller: Caller, snapshotId: string): Promise<ChartView> {
    return this.stateOf(caller, await this.analysis.forSnapshot(caller, snapshotId));
  }

  private async stateOf(caller: Caller, analysis: SnapshotAnalysis): Promise<ChartView> {
    const visible = await this.scope.visible(caller, analysis.snapshot);
    let state = this.states.get(analysis);
    if (!state) {
      state = { tree: buildChartTree(analysis.result.mixes), dottedLines: dottedLinesOf(analysis), open: null };
      this.states.set(analysis, state);
    }
    const stamp = await this.reviewStamp(analysis.snapshot.organizationId);
    if (state.open?.stamp !== stamp) state.open = await this.openFindings(caller, analysis, state.tree, stamp);
    return { analysis, tree: state.tree, open: state.open, state, visible, dottedLines: state.dottedLines };
  }

  /** Reviews are only ever added, so their count and latest time change with every decision. */
  private async reviewStamp(organizationId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      'SELECT count(*) AS count, max(reviewed_at) AS latest FROM finding_review WHERE organization_id = $1',
      [organizationId],
    );
    return `${row.count}|${row.latest instanceof Date ? row.latest.toISOString() : (row.latest ?? '-')}`;
  }

  private async openFindings(caller: Caller, analysis: SnapshotAnalysis, tree: ChartTree, stamp: string): Promise<OpenFindings> {
    const reviewed = await this.reviews.reviewed(caller, analysis.snapshot.organizationId, analysis.result.findings);
    const count = new Map<string, number>();
    const kinds = new Map<string, Set<FindingKind>>();
    for (const { finding, review } of reviewed) {
      if (review && review.status !== 'OPEN') continue;
      count.set(finding.positionId, (count.get(finding.positionId) ?? 0) + 1);
      if (!BADGE_KINDS.has(finding.kind)) continue;
      const set = kinds.get(finding.positionId) ?? new Set<FindingKind>();
      set.add(finding.kind);
      kinds.set(finding.positionId, set);
    }
    // Each finding counts once for every manager above it: findings × depth, not positions.
    const subtreeCount = new Map<string, number>();
    const subtreeKinds = new Map<string, Set<FindingKind>>();
    for (const [positionId, n] of count) {
      subtreeCount.set(positionId, (subtreeCount.get(positionId) ?? 0) + n);
      const own = kinds.get(positionId);
      for (const manager of ancestorsOf(tree, positionId)) {
        subtreeCount.set(manager.positionId, (subtreeCount.get(manager.positionId) ?? 0) + n);
        if (!own) continue;
        const set = subtreeKinds.get(manager.positionId) ?? new Set<FindingKind>();
        for (const kind of own) set.add(kind);
        subtreeKinds.set(manager.positionId, set);
      }
    }
    const toArrays = (map: Map<string, Set<FindingKind>>) => new Map([...map].map(([id, set]) => [id, [...set]]));
    return { stamp, count, badges: toArrays(kinds), subtreeCount, subtreeBadges: toArrays(subtreeKinds) };
  }

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
      tierSource: mix.tierSource,
      department: mix.department,
      vacant: mix.vacant,
      actualMix: mix.actual,
      expectedMix: mix.expected,
      tacticalGap: mix.tacticalGap,
      badges: [...(open.get(mix.positionId) ?? [])],
      directReports: mix.directReports,
      openFindings: openCount.get(mix.positionId) ?? 0,
      hasData: mix.hasData,
    }));
  }
}

/** Null `visible` means the caller sees every position (HR admins, viewers). */
function isVisible(visible: ReadonlySet<string> | null, positionId: string | null): boolean {
  return positionId !== null && (!visible || visible.has(positionId));
}

function inScope(mixes: readonly PositionMix[], visible: ReadonlySet<string> | null): PositionMix[] {
  return visible ? mixes.filter((mix) => visible.has(mix.positionId)) : [...mixes];
}

function lazyNode(
  mix: PositionMix,
  open: OpenFindings,
  visible: ReadonlySet<string> | null,
  dottedLines: ReadonlyMap<string, readonly string[]>,
): LazyChartNode {
  const dotted = dottedLines.get(mix.positionId);
  return {
    id: mix.positionId,
    // The top of a leader's chart: its manager is outside their scope.
    parentId: isVisible(visible, mix.parentPositionId) ? mix.parentPositionId : null,
    employeeId: mix.employeeId,
    name: mix.name ?? 'Vacant',
    title: mix.title,
    tier: mix.tier,
    tierSource: mix.tierSource,
    department: mix.department,
    vacant: mix.vacant,
    actualMix: mix.actual,
    tacticalGap: mix.tacticalGap,
    badges: open.badges.get(mix.positionId) ?? [],
    directReports: mix.directReports,
    openFindings: open.count.get(mix.positionId) ?? 0,
    descendantCount: mix.subtreeSize - 1,
    subtreeFindings: open.subtreeCount.get(mix.positionId) ?? 0,
    subtreeBadges: open.subtreeBadges.get(mix.positionId) ?? [],
    hasData: mix.hasData,
    descendantsWithoutData: mix.subtreeSize - mix.subtreeWithData - (mix.hasData ? 0 : 1),
    dottedLineManagerIds: dotted ? dotted.filter((id) => isVisible(visible, id)) : [],
  };
}

function dottedLinesOf(analysis: SnapshotAnalysis): Map<string, readonly string[]> {
  const lines = new Map<string, readonly string[]>();
  for (const position of analysis.data.positions) {
    if (position.dottedLineManagerIds?.length) lines.set(position.id, position.dottedLineManagerIds);
  }
  return lines;
}

/** One entry per tier present: every position of a tier shares the policy's expected mix. */
function expectedMixesOf(analysis: SnapshotAnalysis): { tier: Tier; mix: Readonly<ValueMix> }[] {
  const byTier = new Map<Tier, Readonly<ValueMix>>();
  for (const mix of analysis.result.mixes) if (!byTier.has(mix.tier)) byTier.set(mix.tier, mix.expected);
  return [...byTier].map(([tier, mix]) => ({ tier, mix }));
}

function checkRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a whole number from ${min} to ${max} (got ${value})`);
  }
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('BAD_USER_INPUT', 'after: not a cursor this query returned');
  return Number(match[1]);
}

function leadersOf(analysis: SnapshotAnalysis): { leader: ChartLeader; key: string }[] {
  return analysis.result.mixes
    .filter((mix) => LEADER_TIERS.has(mix.tier))
    .map((mix) => {
      const name = mix.vacant || !mix.name ? `Vacant (${mix.title})` : mix.name;
      const leader = {
        id: mix.positionId,
        name,
        title: mix.title,
        tier: mix.tier,
        department: mix.department,
        vacant: mix.vacant,
      };
      return { leader, key: `${name} ${mix.title} ${mix.department ?? ''}`.toLowerCase() };
    })
    .sort((a, b) => TIER_ORDER[a.leader.tier] - TIER_ORDER[b.leader.tier] || a.leader.name.localeCompare(b.leader.name));
}
