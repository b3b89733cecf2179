import type { EntityManager } from 'typeorm';
import type {
  AcceptedRange,
  CampaignPhase,
  CampaignProgress,
  CampaignScope,
  ClosingCoverage,
  ModeRule,
  NonRespondentPolicy,
  ResponseStatus,
  SurveyActivity,
  SurveyAnswers,
  SurveyMode,
} from '@rolemap/surveys';
import type { ResponsibilityLevel } from '@rolemap/domain';

export interface NewCampaign {
  organizationId: string;
  name: string;
  baseSnapshotId: string;
  scope: CampaignScope;
  defaultMode: SurveyMode;
  modeRules?: ModeRule[];
  opensAt: Date;
  closesAt: Date;
  acceptedRange?: AcceptedRange;
  /** Null: the organization's current dictionary version. */
  dictionaryVersionId?: string | null;
}

export interface CampaignSummary {
  id: string;
  organizationId: string;
  name: string;
  baseSnapshotId: string;
  baseSnapshotVersion: number;
  scope: CampaignScope;
  defaultMode: SurveyMode;
  modeRules: ModeRule[];
  dictionaryVersionId: string | null;
  opensAt: Date;
  closesAt: Date;
  acceptedRange: AcceptedRange;
  phase: CampaignPhase;
  participantCount: number;
  createdAt: Date;
  createdBy: string | null;
  closedAt: Date | null;
  nonRespondents: NonRespondentPolicy | null;
  resultSnapshotId: string | null;
  resultSnapshotVersion: number | null;
  closeCoverage: ClosingCoverage | null;
}

export type InvitationDelivery = 'EMAIL' | 'CSV';

export interface InvitationOutcome {
  /** Links issued (new, or replacing an earlier link of the same person and purpose). */
  issued: number;
  emailed: number;
  /** People with no e-mail address in the base snapshot: their links are in the CSV only. */
  withoutEmail: number;
  failed: { employeeId: string; error: string }[];
  /** employee_id,name,email,purpose,link,expires_at — present when the delivery is CSV. */
  csv: string | null;
}

/** One person's personal link: the raw token is shown once, only its hash is stored. */
export interface PersonalLink {
  employeeId: string;
  personId: string;
  name: string;
  email: string | null;
  /** SELF: their own form; MANAGER: their reports' forms. */
  purpose: 'SELF' | 'MANAGER';
  /** Forms the MANAGER link opens (0 for SELF). */
  reports: number;
  token: string;
}

export interface MissingParticipant {
  responseId: string;
  employeeId: string;
  name: string;
  department: string | null;
  managerName: string | null;
  mode: SurveyMode;
  /** Whose form is outstanding: the person's own (SELF) or their manager's (MANAGER). */
  waitingFor: 'SELF' | 'MANAGER';
  status: ResponseStatus;
}

export interface WrittenInActivity {
  text: string;
  count: number;
  /** The classifier's reading, for HR's review; UNCLASSIFIED when it abstains. */
  suggestedLevel: ResponsibilityLevel;
  confidence: number;
}

export interface CampaignProgressReport extends CampaignProgress {
  campaignId: string;
  writtenIn: WrittenInActivity[];
}

export interface MissingPage {
  totalCount: number;
  nodes: MissingParticipant[];
}

/** What a closing job hooks into: its progress, and its own bookkeeping inside the closing's transaction. */
export interface ClosingHooks {
  onProgress?(fraction: number, stage: string): void;
  beforeCommit?(
    manager: EntityManager,
    closed: { snapshotId: string; snapshotVersion: number; coverage: ClosingCoverage },
  ): Promise<void>;
}

export interface ClosingResult {
  campaign: CampaignSummary;
  snapshotId: string;
  snapshotVersion: number;
  coverage: ClosingCoverage;
}

export interface SurveyFormView {
  responseId: string;
  campaignId: string;
  /** The campaign's organization: whose membership (and employee id) the visitor acts with. */
  organizationId: string;
  campaignName: string;
  opensAt: Date;
  closesAt: Date;
  phase: CampaignPhase;
  acceptedRange: AcceptedRange;
  /** Whose form it is. */
  subjectEmployeeId: string;
  subjectName: string;
  subjectTitle: string | null;
  department: string | null;
  /** SELF: one's own form; MANAGER: a report's, filled in or reviewed by their manager. */
  side: 'SELF' | 'MANAGER';
  mode: SurveyMode;
  status: ResponseStatus;
  answers: SurveyAnswers;
  /** For a manager's review (BOTH): what the person said themselves. */
  selfAnswers: SurveyAnswers | null;
  submittedAt: Date | null;
  /** Why the form cannot be changed now (submitted, window ended, waiting for the person); null when it can. */
  lockedReason: string | null;
}

export interface SurveyFormsPage {
  forms: SurveyFormView[];
}

export interface SurveyActivitiesView {
  versionId: string | null;
  activities: SurveyActivity[];
}
