import type { ValueLevel } from './value-level';

export const FINDING_KINDS = [
  'PROMOTED_STILL_TACTICAL',
  'DELEGATION_GAP',
  'PIGEONHOLING_RISK',
  'SPAN_OF_CONTROL',
  'LAYERS',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  PROMOTED_STILL_TACTICAL: 'Promoted, still tactical',
  DELEGATION_GAP: 'Delegation gap',
  PIGEONHOLING_RISK: 'Pigeonholing risk',
  SPAN_OF_CONTROL: 'Span of control',
  LAYERS: 'Layers',
};

export const REVIEW_STATUSES = ['OPEN', 'ACCEPTED', 'DISMISSED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface DelegationSuggestion {
  responsibilityId: string;
  responsibility: string;
  sharePct: number;
  valueLevel: ValueLevel;
  /** Employee id of the suggested delegate, or null with `noDelegateReason`. */
  delegateTo: string | null;
  delegatePositionId: string | null;
  delegateName: string | null;
  noDelegateReason: string | null;
}

interface FindingBase {
  /**
   * Stable across snapshots for the same person (and responsibility), so a review
   * given on one snapshot still applies to the next.
   */
  key: string;
  kind: FindingKind;
  /** 0 (informational) to 1 (urgent). */
  severity: number;
  employeeId: string | null;
  positionId: string;
  /** Plain language, citing the numbers; a leader understands it without the manual. */
  explanation: string;
}

export interface PromotedStillTacticalFinding extends FindingBase {
  kind: 'PROMOTED_STILL_TACTICAL';
  promotedOn: string;
  promotionSource: 'LAST_PROMOTION_DATE' | 'SNAPSHOT_DIFF';
  implementationPct: number;
  expectedImplementationPct: number;
  carriedOverPct: number;
}

export interface DelegationGapFinding extends FindingBase, DelegationSuggestion {
  kind: 'DELEGATION_GAP';
}

export interface PigeonholingRiskFinding extends FindingBase {
  kind: 'PIGEONHOLING_RISK';
  rating: number;
  yearsInRole: number;
  implementationPct: number;
  soleHolderOf: string[];
  hasSuccessor: boolean;
}

export interface SpanOfControlFinding extends FindingBase {
  kind: 'SPAN_OF_CONTROL';
  directReports: number;
  limit: number;
}

export interface LayersFinding extends FindingBase {
  kind: 'LAYERS';
  layers: number;
  limit: number;
}

export type Finding =
  | PromotedStillTacticalFinding
  | DelegationGapFinding
  | PigeonholingRiskFinding
  | SpanOfControlFinding
  | LayersFinding;

export interface FindingReview {
  findingKey: string;
  status: ReviewStatus;
  note: string | null;
  reviewer: string | null;
  reviewedAt: string;
}
