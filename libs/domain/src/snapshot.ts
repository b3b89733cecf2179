import type { Tier, TierSource } from './tier';
import type { ResponsibilityLevel, ValueLevel } from './value-level';

/**
 * The in-memory shape of one org-chart snapshot: what the importer produces, what the
 * database stores and what the analysis reads. Ids are strings (UUIDs once stored).
 * Dates are ISO `YYYY-MM-DD` strings so they survive JSON and SQL without time-zone drift.
 */
export type IsoDate = string;

export interface Organization {
  id: string;
  name: string;
  createdAt: string;
}

export interface OrgSnapshot {
  id: string;
  organizationId: string;
  /** 1, 2, 3 … per organization, in import order. */
  version: number;
  label: string | null;
  /** The date the chart describes (defaults to the import date). */
  asOf: IsoDate;
  sourceFileName: string | null;
  /** SHA-256 of the normalised rows, used to detect re-imports of an identical file. */
  contentHash: string;
  importedAt: string;
  peopleCount: number;
  positionCount: number;
  responsibilityCount: number;
}

export interface Person {
  id: string;
  /** The HRIS employee id, stable across snapshots. */
  employeeId: string;
  name: string;
  email: string | null;
  hireDate: IsoDate | null;
}

export interface Position {
  id: string;
  /** Stable key across snapshots: the holder's employee id, or the post reference for vacant posts. */
  externalId: string;
  title: string;
  department: string | null;
  location: string | null;
  tier: Tier;
  tierSource: TierSource;
  /** The post's grade or job level as imported, when the file has one. */
  grade?: string | null;
  /** Full-time equivalent, 0-1 (or more for a shared post). */
  fte: number;
  reportsToId: string | null;
  /**
   * Position ids of dotted-line (matrix) managers: a second reporting line that is drawn but does
   * not place the post in the tree. Absent when the post has none.
   */
  dottedLineManagerIds?: string[];
  vacant: boolean;
}

export interface Assignment {
  personId: string;
  positionId: string;
  roleStartDate: IsoDate | null;
  previousTitle: string | null;
  lastPromotionDate: IsoDate | null;
  /** 1 (low) to 5 (high). */
  performanceRating: number | null;
}

export const VALUE_LEVEL_SOURCES = ['GIVEN', 'CLASSIFIED', 'OVERRIDE'] as const;
export type ValueLevelSource = (typeof VALUE_LEVEL_SOURCES)[number];

export interface Responsibility {
  id: string;
  positionId: string;
  title: string;
  description: string | null;
  /** UNCLASSIFIED when the classifier abstained: left out of mixes and findings until HR confirms a level. */
  valueLevel: ResponsibilityLevel;
  valueLevelSource: ValueLevelSource;
  /** 0-1 for classified levels (for UNCLASSIFIED, the probability of the likeliest level); 1 for given or overridden ones. */
  classificationConfidence: number;
  /** Percent of the holder's time, 0-100. */
  sharePct: number;
  heldSince: IsoDate | null;
}

/** A responsibility placed on one of the four levels (not awaiting review). */
export type ClassifiedResponsibility = Responsibility & { valueLevel: ValueLevel };

/** Everything the analysis needs about one snapshot, held in memory. */
export interface SnapshotData {
  organizationId: string;
  snapshotId: string;
  asOf: IsoDate;
  people: Person[];
  positions: Position[];
  assignments: Assignment[];
  responsibilities: Responsibility[];
}
