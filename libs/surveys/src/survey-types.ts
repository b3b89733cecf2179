import type { IsoDate, ValueLevel } from '@rolemap/domain';

/**
 * Who fills in a person's form: the person (SELF), their line manager for them (MANAGER), or the
 * person first and then the manager, who reviews and may adjust (BOTH).
 */
export const SURVEY_MODES = ['SELF', 'MANAGER', 'BOTH'] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];

/** Which part of the base snapshot is surveyed. */
export const CAMPAIGN_SCOPES = ['ORGANIZATION', 'DEPARTMENT', 'SUBTREE'] as const;
export type CampaignScopeKind = (typeof CAMPAIGN_SCOPES)[number];

export interface CampaignScope {
  kind: CampaignScopeKind;
  /** The department's name (DEPARTMENT) or the leader's employee id (SUBTREE); null for ORGANIZATION. */
  value: string | null;
}

/** What happens to people who did not answer when the campaign closes into a snapshot. */
export const NON_RESPONDENT_POLICIES = ['KEEP_PREVIOUS', 'NONE'] as const;
export type NonRespondentPolicy = (typeof NON_RESPONDENT_POLICIES)[number];

/** The accepted total of the shares at submit, in percent of the week (default 95-105). */
export interface AcceptedRange {
  minTotalPct: number;
  maxTotalPct: number;
}

export const DEFAULT_ACCEPTED_RANGE: AcceptedRange = Object.freeze({ minTotalPct: 95, maxTotalPct: 105 });

/** One activity on a form: picked from the dictionary (activityId) or written in ("other"). */
export interface SurveyLine {
  activityId: string | null;
  otherText: string | null;
  sharePct: number;
  /**
   * The level the answer gives a written-in activity (the offline template's picklist); absent or
   * null leaves it to the classifier. A dictionary activity always has the dictionary's level.
   */
  valueLevel?: ValueLevel | null;
}

export interface SurveyAnswers {
  weeklyHours: number | null;
  lines: SurveyLine[];
}

/** A dictionary activity as the survey needs it. */
export interface SurveyActivity {
  id: string;
  label: string;
  valueLevel: ValueLevel;
  /** The function it belongs to (for browsing); null when the dictionary has none. */
  functionName: string | null;
}

/** A problem with an answer, naming the field as the form shows it. */
export interface AnswerIssue {
  /** `weeklyHours`, `lines[2].sharePct`, `lines`, `total`. */
  field: string;
  code:
    | 'NOT_A_NUMBER'
    | 'OUT_OF_RANGE'
    | 'DUPLICATE_ACTIVITY'
    | 'UNKNOWN_ACTIVITY'
    | 'MISSING_ACTIVITY'
    | 'TEXT_TOO_LONG'
    | 'TOO_MANY_LINES'
    | 'TOTAL_OUT_OF_RANGE'
    | 'EMPTY';
  message: string;
}

/** Where a window stands at a moment. */
export type CampaignPhase = 'SCHEDULED' | 'OPEN' | 'ENDED' | 'CLOSED';

export interface CampaignWindow {
  opensAt: Date;
  closesAt: Date;
  /** Set once HR closed it into a snapshot. */
  closedAt: Date | null;
}

export type { IsoDate };
