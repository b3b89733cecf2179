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

/**
 * How a delegation gap can be closed:
 * - DELEGATE_HAS_ROOM: a report who fits takes it on in time they have free;
 * - DELEGATE_MAKES_ROOM: a report who fits takes it on and hands some of their own work on
 *   (`handOffs`), the last person in that chain having the time;
 * - PEER_TEAM: nobody in the leader's team can, but someone doing similar work in a peer
 *   team has the time (to be agreed with that team's leader);
 * - NO_ROOM: the best-fitting report is named (`bestFit…`), but nobody has the time, even by
 *   passing work on: hire or re-scope;
 * - NO_DELEGATE: nobody suitable (no reports, no report whose role includes the work, or no
 *   responsibilities recorded for them).
 */
export const DELEGATION_OUTCOMES = ['DELEGATE_HAS_ROOM', 'DELEGATE_MAKES_ROOM', 'PEER_TEAM', 'NO_ROOM', 'NO_DELEGATE'] as const;
export type DelegationOutcome = (typeof DELEGATION_OUTCOMES)[number];

/** One knock-on step of a delegation: `from` hands one of their responsibilities to `to`. */
export interface DelegationHandOff {
  fromEmployeeId: string;
  fromPositionId: string;
  fromName: string;
  responsibilityId: string;
  responsibility: string;
  sharePct: number;
  valueLevel: ValueLevel;
  toEmployeeId: string;
  toPositionId: string;
  toName: string;
}

export interface DelegationSuggestion {
  responsibilityId: string;
  responsibility: string;
  sharePct: number;
  valueLevel: ValueLevel;
  /** Employee id of the suggested delegate (who takes the work on), or null with `noDelegateReason`. */
  delegateTo: string | null;
  delegatePositionId: string | null;
  delegateName: string | null;
  noDelegateReason: string | null;
  outcome: DelegationOutcome;
  /** The knock-on, in order: the delegate hands work on, and so on (empty unless DELEGATE_MAKES_ROOM). */
  handOffs: DelegationHandOff[];
  /** The best-fitting report: the delegate when there is one, the person to make room for under NO_ROOM, else null. */
  bestFitEmployeeId: string | null;
  bestFitPositionId: string | null;
  bestFitName: string | null;
  /** What to do next when nobody can take it on now (hire, train a named report, move it to a peer team…); else null. */
  nextStep: string | null;
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
  /** Hands-on (implementation) responsibilities nobody else in the organisation holds. */
  soleHolderOf: string[];
  /** A peer or report at the same tier already does some of their hands-on work (`sharedWork`). */
  hasSuccessor: boolean;
  /** Their hands-on responsibilities that such a peer or report also holds. */
  sharedWork: string[];
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

/**
 * Why a rule could not judge a position: the data it needs is missing. Missing data is
 * unknown, not a clean bill of health, so these are reported beside the findings.
 */
export const NOT_CHECKED_REASONS = [
  'NO_RESPONSIBILITIES',
  'LEVELS_NEED_REVIEW',
  'NO_PERFORMANCE_RATING',
  'NO_ROLE_DATES',
] as const;
export type NotCheckedReason = (typeof NOT_CHECKED_REASONS)[number];

export const NOT_CHECKED_REASON_TEXT: Record<NotCheckedReason, string> = {
  NO_RESPONSIBILITIES: 'no responsibilities recorded',
  LEVELS_NEED_REVIEW: 'every recorded responsibility needs review of its level',
  NO_PERFORMANCE_RATING: 'no performance rating',
  NO_ROLE_DATES: 'no role start or promotion date',
};

/** One rule that could not be checked for one position, and why. */
export interface NotCheckedFinding {
  kind: FindingKind;
  positionId: string;
  employeeId: string | null;
  department: string | null;
  reason: NotCheckedReason;
}

export const SEVERITY_LABELS = ['High', 'Medium', 'Low'] as const;
export type SeverityLabel = (typeof SEVERITY_LABELS)[number];

/** Severity at or above which a finding reads as "High" / "Medium". */
export const HIGH_SEVERITY = 0.7;
export const MEDIUM_SEVERITY = 0.4;

/** What each band asks of the reader. */
export const SEVERITY_MEANINGS: Record<SeverityLabel, string> = {
  High: 'act on it this review cycle: a large share of someone’s time, or a person the organisation is likely to lose',
  Medium: 'worth a conversation soon: a real gap, but smaller or with some cover',
  Low: 'for information: the shape of the chart, or a small share of time',
};

export function severityLabel(severity: number): SeverityLabel {
  if (severity >= HIGH_SEVERITY) return 'High';
  if (severity >= MEDIUM_SEVERITY) return 'Medium';
  return 'Low';
}

/** "High (0.82): act on it this review cycle: …". */
export function severityInWords(severity: number): string {
  const label = severityLabel(severity);
  return `${label} (${severity.toFixed(2)}): ${SEVERITY_MEANINGS[label]}`;
}
