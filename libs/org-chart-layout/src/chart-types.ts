import type { FindingKind, Tier, ValueMix } from '@rolemap/domain';

/** What the index and the layout need of a position: where it sits. */
export interface ChartDatum {
  id: string;
  parentId: string | null;
  /** Direct reports the data says exist (a lazy chart knows them before they are loaded). */
  directReports?: number;
}

/** What a card shows: the browser chart and the printed chart draw the same fields. */
export interface ChartCardData extends ChartDatum {
  name: string;
  title: string;
  tier: Tier;
  department?: string | null;
  vacant?: boolean;
  actualMix: ValueMix;
  expectedMix: ValueMix;
  tacticalGap: number;
  badges: readonly FindingKind[];
}

/** A node placed by the layout; x is the card's centre, y its top edge (world units = CSS pixels). */
export interface PlacedNode<T extends ChartDatum = ChartDatum> {
  id: string;
  x: number;
  y: number;
  /** 1-based level for aria-level. */
  level: number;
  parentId: string | null;
  data: T;
}
