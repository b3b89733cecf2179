import { type IsoDate, type SnapshotData, type Tier, TIERS, type ValueLevelPolicy, type ValueMix } from '@rolemap/domain';
import { laterDate } from '../dates/iso-dates';
import { type PositionMix, positionMixFor } from '../mix/position-mix';
import { type PositionNode, SnapshotIndex } from '../snapshot/snapshot-index';
import { contentStems, titleSignature } from '../text/words';

export interface KnownPromotion {
  date: IsoDate;
  source: 'LAST_PROMOTION_DATE' | 'SNAPSHOT_DIFF';
}

export interface AnalysisOptions {
  /** Defaults to the snapshot's own date. */
  asOf?: IsoDate;
  /** Promotions seen by comparing snapshots, employee id → date (see `inferredPromotions`). */
  inferredPromotions?: ReadonlyMap<string, IsoDate>;
}

/**
 * Shared state of one analysis run: the index, the mixes and the lookups several rules need,
 * each computed at most once. Rules read it; only delegation suggestions write to it
 * (the capacity already promised to delegates).
 */
export class AnalysisContext {
  readonly index: SnapshotIndex;
  readonly asOf: IsoDate;
  /** Indexed by node ordinal. */
  readonly mixes: readonly PositionMix[];
  private readonly promotions: ReadonlyArray<KnownPromotion | null>;
  /** Percent of time already suggested to each position as a delegate, by ordinal. */
  readonly promisedPct: Float64Array;
  private signatureHolders: Map<string, number> | null = null;
  private readonly childSignatureCounts = new Map<PositionNode, Map<string, number>>();
  private readonly stemsByTitle = new Map<string, ReadonlySet<string>>();
  private readonly signatureByTitle = new Map<string, string>();
  private readonly workStemsByOrdinal = new Map<number, ReadonlySet<string>>();

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
  }

  mixOf(node: PositionNode): PositionMix {
    return this.mixes[node.ordinal];
  }

  /** The holder's most recent known promotion, or null. */
  promotionOf(node: PositionNode): KnownPromotion | null {
    return this.promotions[node.ordinal];
  }

  /** Time a position has left: 100 − described work − work already suggested to it. */
  freePctOf(node: PositionNode): number {
    return 100 - this.mixes[node.ordinal].allocatedPct - this.promisedPct[node.ordinal];
  }

  stemsOfTitle(title: string): ReadonlySet<string> {
    let stems = this.stemsByTitle.get(title);
    if (!stems) {
      stems = new Set(contentStems(title));
      this.stemsByTitle.set(title, stems);
    }
    return stems;
  }

  /** Every stem of every responsibility title the position holds. */
  workStemsOf(node: PositionNode): ReadonlySet<string> {
    let stems = this.workStemsByOrdinal.get(node.ordinal);
    if (!stems) {
      const all = new Set<string>();
      for (const responsibility of node.responsibilities)
        for (const stem of this.stemsOfTitle(responsibility.title)) all.add(stem);
      stems = all;
      this.workStemsByOrdinal.set(node.ordinal, stems);
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
