import {
  type IsoDate,
  type SnapshotData,
  type Tier,
  TIERS,
  type ValueLevel,
  type ValueLevelPolicy,
  type ValueMix,
} from '@rolemap/domain';
import { laterDate } from '../dates/iso-dates';
import { type PositionMix, positionMixFor } from '../mix/position-mix';
import { type PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';
import { contentStems, titleSignature } from '../text/words';

export interface KnownPromotion {
  date: IsoDate;
  source: 'LAST_PROMOTION_DATE' | 'SNAPSHOT_DIFF';
}

/** The stems of a responsibility's title and how much each tells (see AnalysisContext.similarity). */
export interface Wording {
  stems: readonly string[];
  weights: readonly number[];
  total: number;
}

export interface AnalysisOptions {
  /** Defaults to the snapshot's own date. */
  asOf?: IsoDate;
  /** Promotions seen by comparing snapshots, employee id → date (see `inferredPromotions`). */
  inferredPromotions?: ReadonlyMap<string, IsoDate>;
}

/**
 * Shared state of one analysis run: the index, the mixes and the lookups several rules need,
 * each computed at most once. Rules read it; only delegation suggestions write to it: the
 * capacity ledger (work promised to delegates, work they hand on), shared by every leader's
 * suggestions so nobody is handed more than their time.
 */
export class AnalysisContext {
  readonly index: SnapshotIndex;
  readonly asOf: IsoDate;
  /** Indexed by node ordinal. */
  readonly mixes: readonly PositionMix[];
  private readonly promotions: ReadonlyArray<KnownPromotion | null>;
  /** Percent of time already suggested to each position as a delegate, by ordinal. */
  readonly promisedPct: Float64Array;
  /** Percent of time each position would hand on to others in a suggested chain, by ordinal. */
  readonly releasedPct: Float64Array;
  /** Ids of responsibilities some suggestion already moves: nobody hands the same work on twice. */
  readonly handedOn = new Set<string>();
  private readonly levelDeltas = new Map<ValueLevel, Float64Array>();
  private stemWeights: Map<string, number> | null = null;
  private readonly wordingByTitle = new Map<string, Wording>();
  private readonly titleStemsByOrdinal: Array<ReadonlyArray<ReadonlySet<string>> | undefined> = [];
  private signatureHolders: Map<string, number> | null = null;
  private readonly childSignatureCounts = new Map<PositionNode, Map<string, number>>();
  private readonly stemsByTitle = new Map<string, ReadonlySet<string>>();
  private readonly signatureByTitle = new Map<string, string>();

  constructor(
    snapshotOrIndex: SnapshotData | SnapshotIndex,
    readonly policy: ValueLevelPolicy,
    options: AnalysisOptions = {},
  ) {
    this.index = snapshotOrIndex instanceof SnapshotIndex ? snapshotOrIndex : new SnapshotIndex(snapshotOrIndex);
    this.asOf = options.asOf ?? this.index.snapshot.asOf;
    const inferred = options.inferredPromotions;
    this.promotions = this.index.nodes.map((node) => promotionOf(node, inferred));
    // A frozen copy per tier, shared by all mixes: callers cannot change the policy through a mix.
    const expectedByTier = Object.fromEntries(
      TIERS.map((tier) => [tier, Object.freeze({ ...policy.expectedMix[tier] })]),
    ) as Record<Tier, Readonly<ValueMix>>;
    this.mixes = this.index.nodes.map((node) =>
      positionMixFor(node, policy, this.promotions[node.ordinal]?.date ?? null, expectedByTier),
    );
    this.promisedPct = new Float64Array(this.index.nodes.length);
    this.releasedPct = new Float64Array(this.index.nodes.length);
    // Children follow their parent in preorder: one backward pass sums data coverage per subtree.
    const order = this.index.preorder;
    for (let i = order.length - 1; i >= 0; i--) {
      const parent = order[i].parent;
      if (parent) this.mixes[parent.ordinal].subtreeWithData += this.mixes[order[i].ordinal].subtreeWithData;
    }
  }

  mixOf(node: PositionNode): PositionMix {
    return this.mixes[node.ordinal];
  }

  /** The holder's most recent known promotion, or null. */
  promotionOf(node: PositionNode): KnownPromotion | null {
    return this.promotions[node.ordinal];
  }

  /** Per position (by ordinal), the net share of one level suggestions move to (+) or from (−) it. */
  levelDeltaOf(level: ValueLevel): Float64Array {
    let deltas = this.levelDeltas.get(level);
    if (!deltas) {
      deltas = new Float64Array(this.index.nodes.length);
      this.levelDeltas.set(level, deltas);
    }
    return deltas;
  }

  /** At least one responsibility is recorded for the position. */
  hasData(node: PositionNode): boolean {
    return node.responsibilities.length > 0;
  }

  /**
   * Time a position has left: 100 − described work − work already suggested to it + work it
   * would hand on. Null when no responsibilities are recorded: their time is unknown, not free.
   */
  freePctOf(node: PositionNode): number | null {
    if (node.responsibilities.length === 0) return null;
    const ordinal = node.ordinal;
    return 100 - this.mixes[ordinal].allocatedPct - this.promisedPct[ordinal] + this.releasedPct[ordinal];
  }

  /** A responsibility's stems with their weights, for `similarity` (cached per title). */
  wordingOf(title: string): Wording {
    let wording = this.wordingByTitle.get(title);
    if (!wording) {
      const weights = this.stemWeights ?? (this.stemWeights = this.countStemWeights());
      const stems = Array.from(this.stemsOfTitle(title));
      const stemWeights = stems.map((stem) => weights.get(stem) ?? 1);
      wording = { stems, weights: stemWeights, total: stemWeights.reduce((sum, weight) => sum + weight, 0) };
      this.wordingByTitle.set(title, wording);
    }
    return wording;
  }

  /**
   * How much of a responsibility's wording the position's work covers, 0-1: the shared stems'
   * weight over the weight of all the responsibility's stems. A stem weighs more the fewer
   * responsibilities in the snapshot use it, so "reconcile" or "pipeline" tell more than "weekly"
   * or "prepare". It runs for every candidate delegate of every gap, so it walks cached arrays.
   */
  similarity(wording: Wording, node: PositionNode): number {
    if (wording.total <= 0) return 0;
    const titles = this.titleStemsOf(node);
    let shared = 0;
    for (let i = 0; i < wording.stems.length; i++) {
      const stem = wording.stems[i];
      for (let j = 0; j < titles.length; j++) {
        if (titles[j].has(stem)) {
          shared += wording.weights[i];
          break;
        }
      }
    }
    return shared / wording.total;
  }

  /** As `similarity`, against one other title. */
  titleSimilarity(wording: Wording, title: string): number {
    if (wording.total <= 0) return 0;
    const have = this.stemsOfTitle(title);
    let shared = 0;
    for (let i = 0; i < wording.stems.length; i++) if (have.has(wording.stems[i])) shared += wording.weights[i];
    return shared / wording.total;
  }

  private titleStemsOf(node: PositionNode): ReadonlyArray<ReadonlySet<string>> {
    let titles = this.titleStemsByOrdinal[node.ordinal];
    if (!titles) {
      titles = node.responsibilities.map((responsibility) => this.stemsOfTitle(responsibility.title));
      this.titleStemsByOrdinal[node.ordinal] = titles;
    }
    return titles;
  }

  /** ln(1 + responsibilities / responsibilities using the stem), counted once per distinct title. */
  private countStemWeights(): Map<string, number> {
    const titleCounts = new Map<string, number>();
    for (const responsibility of this.index.snapshot.responsibilities) {
      titleCounts.set(responsibility.title, (titleCounts.get(responsibility.title) ?? 0) + 1);
    }
    const uses = new Map<string, number>();
    for (const [title, count] of titleCounts) {
      for (const stem of this.stemsOfTitle(title)) uses.set(stem, (uses.get(stem) ?? 0) + count);
    }
    const total = this.index.snapshot.responsibilities.length;
    const weights = new Map<string, number>();
    for (const [stem, count] of uses) weights.set(stem, Math.log(1 + total / count));
    return weights;
  }

  stemsOfTitle(title: string): ReadonlySet<string> {
    let stems = this.stemsByTitle.get(title);
    if (!stems) {
      stems = new Set(contentStems(title));
      this.stemsByTitle.set(title, stems);
    }
    return stems;
  }

  signatureOfTitle(title: string): string {
    let signature = this.signatureByTitle.get(title);
    if (signature === undefined) {
      signature = titleSignature(title);
      this.signatureByTitle.set(title, signature);
    }
    return signature;
  }

  /** How many positions in the whole snapshot hold a responsibility with this signature. */
  holdersOfSignature(signature: string): number {
    if (!this.signatureHolders) this.signatureHolders = this.countSignatureHolders();
    return this.signatureHolders.get(signature) ?? 0;
  }

  /** Direct reports of `node` at `tier` holding a responsibility with `signature`. Built once per node. */
  childrenHoldingSignature(node: PositionNode, tier: Tier, signature: string): number {
    let counts = this.childSignatureCounts.get(node);
    if (!counts) {
      counts = new Map();
      for (const child of node.children) {
        for (const signatureKey of new Set(
          child.responsibilities.map((r) => `${child.position.tier}|${this.signatureOfTitle(r.title)}`),
        )) {
          counts.set(signatureKey, (counts.get(signatureKey) ?? 0) + 1);
        }
      }
      this.childSignatureCounts.set(node, counts);
    }
    return counts.get(`${tier}|${signature}`) ?? 0;
  }

  private countSignatureHolders(): Map<string, number> {
    const holders = new Map<string, number>();
    // Last position counted per signature, so a position holding it twice counts once.
    const lastHolder = new Map<string, number>();
    for (const node of this.index.nodes) {
      for (const responsibility of node.responsibilities) {
        const signature = this.signatureOfTitle(responsibility.title);
        if (signature === '' || lastHolder.get(signature) === node.ordinal) continue;
        lastHolder.set(signature, node.ordinal);
        holders.set(signature, (holders.get(signature) ?? 0) + 1);
      }
    }
    return holders;
  }
}

function promotionOf(node: PositionNode, inferred: ReadonlyMap<string, IsoDate> | undefined): KnownPromotion | null {
  const fromHr = node.assignment?.lastPromotionDate ?? null;
  const fromDiff = node.person && inferred ? (inferred.get(node.person.employeeId) ?? null) : null;
  const date = laterDate(fromHr, fromDiff);
  if (!date) return null;
  return { date, source: date === fromHr ? 'LAST_PROMOTION_DATE' : 'SNAPSHOT_DIFF' };
}
