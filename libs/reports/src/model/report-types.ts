import type { Coverage } from '@rolemap/analysis';
import type {
  DelegationOutcome,
  EditProgress,
  FindingKind,
  IsoDate,
  NotCheckedReason,
  ReviewStatus,
  RolePurposeLookup,
  ScenarioEditKind,
  ScenarioStatus,
  RolePurposeScope,
  SeverityLabel,
  Tier,
  ValueLevel,
  ValueLevelSource,
} from '@rolemap/domain';

export type { Coverage, SeverityLabel };

/**
 * Plain data behind every report format. Builders produce it from a snapshot and its analysis;
 * writers only lay it out, so PDF, XLSX, CSV and Markdown always say the same thing.
 */

export type ReportKind = 'ROLE_DEFINITIONS' | 'DELEGATION_REVIEW' | 'ORGANIZATION_SUMMARY' | 'DELEGATION_PLAN';

/** A review HR gave a finding, keyed by the finding's stable key. */
export interface ReportReviewInput {
  status: ReviewStatus;
  note: string | null;
  reviewer: string | null;
  reviewedAt: string;
}

export interface ReportOptions {
  organizationName: string;
  snapshotVersion: number;
  asOf: IsoDate;
  /** Reviews by finding key; findings without one are OPEN. */
  reviews?: ReadonlyMap<string, ReportReviewInput>;
  /** The purposes HR wrote; roles without one get a draft. */
  purposes?: RolePurposeLookup;
}

export interface ReportHeader {
  kind: ReportKind;
  /** "Role definitions", "Delegation review", "Organization summary". */
  title: string;
  organizationName: string;
  snapshotVersion: number;
  asOf: IsoDate;
  /** What the report covers, in words: "All roles (150)", "Engineering department (42 roles)". */
  scopeLabel: string;
}

export interface ReviewState {
  status: ReviewStatus;
  note: string | null;
  reviewer: string | null;
  /** Null while the finding has not been reviewed. */
  reviewedAt: string | null;
}

/** Someone (or a vacant post) named in a report. */
export interface PositionRef {
  positionId: string;
  employeeId: string | null;
  /** Null for a vacant post. */
  name: string | null;
  title: string;
}

export interface MixLine {
  level: ValueLevel;
  label: string;
  expectedPct: number;
  actualPct: number;
  /** actual − expected, in points. */
  gapPoints: number;
}

export interface TierExpectation {
  tier: Tier;
  label: string;
  mix: MixLine[];
}

export interface ResponsibilityLine {
  id: string;
  title: string;
  description: string | null;
  sharePct: number;
  heldSince: IsoDate | null;
  /** Held since before the holder's last promotion. */
  carriedOver: boolean;
  valueLevelSource: ValueLevelSource;
}

export interface ResponsibilityGroup {
  level: ValueLevel;
  label: string;
  /** "setting direction and strategy, building leaders". */
  description: string;
  expectedPct: number;
  actualPct: number;
  responsibilities: ResponsibilityLine[];
}

export interface ReportFinding {
  key: string;
  kind: FindingKind;
  kindLabel: string;
  /** 0-1. */
  severity: number;
  severityLabel: SeverityLabel;
  subject: PositionRef;
  department: string | null;
  explanation: string;
  review: ReviewState;
}

export interface DelegationLine {
  findingKey: string;
  severity: number;
  severityLabel: SeverityLabel;
  /** The leader holding the work. */
  leader: PositionRef;
  responsibilityId: string;
  responsibility: string;
  sharePct: number;
  valueLevel: ValueLevel;
  /** Null with `noDelegateReason` when nobody suitable has room. */
  delegate: PositionRef | null;
  noDelegateReason: string | null;
  /** How the gap can be closed (see DelegationOutcome): with room, by a chain, via a peer team, or not yet. */
  outcome: DelegationOutcome;
  /** The knock-on that makes room for the delegate, in order (DELEGATE_MAKES_ROOM). */
  handOffs: HandOffLine[];
  /** The best-fitting report: the delegate, or under NO_ROOM the person to make room for. */
  bestFit: PositionRef | null;
  /** What to do next when nobody can take it on now. */
  nextStep: string | null;
  explanation: string;
  review: ReviewState;
}

export interface HandOffLine {
  from: PositionRef;
  to: PositionRef;
  responsibility: string;
  sharePct: number;
}

/** A rule that could not judge someone for lack of data. */
export interface NotCheckedLine {
  kind: FindingKind;
  kindLabel: string;
  reason: NotCheckedReason;
  /** "no responsibilities recorded". */
  reasonText: string;
}

/** What a role's data allows: a mix to compare, or nothing recorded, or only work whose level awaits review. */
export type RoleDataStatus = 'RECORDED' | 'NO_RESPONSIBILITIES' | 'LEVELS_NEED_REVIEW';

/** How severity is computed and what it means, printed at the end of every report. */
export interface ReportAppendix {
  severityBands: Array<{ label: SeverityLabel; range: string; meaning: string }>;
  severityRules: Array<{ kind: FindingKind; label: string; rule: string }>;
  /** What coverage and "not checked" mean, and how delegates are chosen. */
  notes: string[];
}

export interface LevelToTakeOn {
  level: ValueLevel;
  label: string;
  actualPct: number;
  expectedPct: number;
  /** expected − actual, in points (at least TAKE_ON_MIN_SHORTFALL_POINTS). */
  shortfallPoints: number;
  /** "Take on about 20% more leadership work: direction, strategy, developing leaders (…)". */
  advice: string;
}

/** The role's purpose: HR's paragraph, or a draft generated from its tier and main accountabilities. */
export interface RolePurpose {
  text: string;
  /** WRITTEN by HR, or a DRAFT that writers mark as such. */
  status: 'WRITTEN' | 'DRAFT';
  /** Whether HR wrote it for the job title or for this post; null for a draft. */
  appliesTo: RolePurposeScope | null;
  setBy: string | null;
  setAt: string | null;
}

/** One value level of a role's key accountabilities. */
export interface AccountabilityGroup {
  level: ValueLevel;
  label: string;
  /** The level's share of the role's time, and what its tier is expected to spend there. */
  sharePct: number;
  expectedPct: number;
  /** The key ones, biggest share first. */
  items: Array<{ responsibilityId: string; title: string; sharePct: number; carriedOver: boolean }>;
  /** Smaller responsibilities of this level left out of the key list, and their summed share. */
  otherCount: number;
  otherSharePct: number;
}

export type DecisionRightKind = 'DECIDES' | 'RECOMMENDS' | 'CONSULTED';

/** What a role decides, recommends or is consulted on at one value level, and why. */
export interface DecisionRight {
  level: ValueLevel;
  label: string;
  right: DecisionRightKind;
  /** "Decides", "Recommends", "Is consulted on". */
  rightLabel: string;
  /** "the team’s plans, priorities and standards, and who does what". */
  matter: string;
  /** The tier's expected share of time at the level, from the policy. */
  expectedPct: number;
  /** "The policy expects 35% unification work of a manager". */
  basis: string;
}

export interface RoleDefinition {
  positionId: string;
  /** Employee id, or the post reference of a vacant post. */
  externalId: string;
  title: string;
  holder: { employeeId: string; name: string } | null;
  vacant: boolean;
  tier: Tier;
  tierLabel: string;
  department: string | null;
  location: string | null;
  purpose: RolePurpose;
  /** Direct manager first, up to the top of the chart. */
  reportingLine: PositionRef[];
  /** Managers outside the line, when the chart records dotted lines. */
  dottedLineManagers: PositionRef[];
  directReports: number;
  /** Everyone beneath the role, directly or not. */
  totalReports: number;
  mix: MixLine[];
  allocatedPct: number;
  unallocatedPct: number;
  overallocatedPct: number;
  /** The holder's last known promotion; responsibilities held since before it are carried over. */
  promotedOn: IsoDate | null;
  carriedOverPct: number;
  /** Highest level first; levels without responsibilities are left out. */
  responsibilityGroups: ResponsibilityGroup[];
  /** The same groups cut to the key accountabilities (see keyAccountabilitiesOf). */
  keyAccountabilities: AccountabilityGroup[];
  /** Highest level first; from the tier and the policy (see decisionRightsOf). */
  decisionRights: DecisionRight[];
  /** What to delegate and to whom: the position's delegation gaps, biggest share first. */
  delegations: DelegationLine[];
  /** What to take on at the role's level. */
  levelsToTakeOn: LevelToTakeOn[];
  /** Every finding about the position, most severe first. */
  findings: ReportFinding[];
  /** Caveats a reader needs before trusting the figures (vacant post, undescribed time…). */
  notes: string[];
  /**
   * RECORDED unless the role has no responsibilities, or only ones awaiting review of their level:
   * then writers say so instead of printing a mix and gaps that would only show zeros.
   */
  dataStatus: RoleDataStatus;
  /** Rules that could not judge this role for lack of data. */
  notChecked: NotCheckedLine[];
}

export interface RoleDefinitionsReport {
  kind: 'ROLE_DEFINITIONS';
  header: ReportHeader;
  /** The policy's expected mix per tier, for the "how to read" page. */
  expectations: TierExpectation[];
  /** Where decision rights come from, in words. */
  decisionRightsSource: string;
  /** Depth-first order of the chart: each manager before their team. */
  roles: RoleDefinition[];
  appendix: ReportAppendix;
}

/** A role's line on the contents page, known without building its definition. */
export interface RoleContentsEntry {
  title: string;
  /** The holder's name; null for a vacant post. */
  holderName: string | null;
  /** Managers above the role (the length of its reporting line). */
  depth: number;
}

/**
 * The role-definitions report with each role built when it is asked for, from the analysis,
 * instead of all of them up front: what a PDF of every role needs, which draws the roles one
 * by one (twice: laid out, then written) and would otherwise hold every definition from the
 * first page to the last. Each call of `roleAt` builds the role anew, the same every time.
 */
export interface RoleDefinitionsStream extends Omit<RoleDefinitionsReport, 'roles'> {
  roleCount: number;
  roleAt(index: number): RoleDefinition;
  contents: RoleContentsEntry[];
}

export interface DelegationReviewTotals {
  gaps: number;
  /** Sum of the shares of time to hand over, across all leaders in the team. */
  sharePct: number;
  withDelegate: number;
  withoutDelegate: number;
  byStatus: Record<ReviewStatus, number>;
  byOutcome: Record<DelegationOutcome, number>;
}

export interface DelegationReviewReport {
  kind: 'DELEGATION_REVIEW';
  header: ReportHeader;
  leader: PositionRef & { tier: Tier; tierLabel: string; department: string | null };
  /** Positions in the leader's subtree, the leader included. */
  teamSize: number;
  /** Leaders in depth-first order of the chart, each one's gaps biggest share first. */
  delegations: DelegationLine[];
  totals: DelegationReviewTotals;
  /** Positions in the team with responsibilities recorded, the leader included. */
  coverage: Coverage;
  /** Leaders in the team whose delegation gaps could not be checked for lack of data. */
  notChecked: Array<NotCheckedLine & { subject: PositionRef }>;
  appendix: ReportAppendix;
}

export interface KindCount {
  kind: FindingKind;
  label: string;
  count: number;
}

export interface DepartmentFindings {
  /** "No department" for positions without one. */
  department: string;
  total: number;
  byKind: Record<FindingKind, number>;
}

export interface SpanBand {
  label: string;
  min: number;
  /** Null for the open-ended top band. */
  max: number | null;
  managers: number;
  /** The whole band lies outside the policy's span limits. */
  outsidePolicy: boolean;
}

export interface SpansSummary {
  managers: number;
  medianSpan: number | null;
  meanSpan: number | null;
  widestSpan: number;
  policyMin: number;
  policyMax: number;
  distribution: SpanBand[];
  findings: ReportFinding[];
}

export interface LayersSummary {
  /** Levels from the top of the chart to the deepest position (a lone CEO is 1). */
  levels: number;
  /** Most reporting layers beneath any one top position, as the policy counts them. */
  deepestLayers: number;
  policyMaxLayers: number;
  /** Positions per level, level 1 being the top. */
  positionsByLevel: Array<{ level: number; positions: number }>;
  findings: ReportFinding[];
}

export interface TacticalLeader {
  leader: PositionRef;
  tier: Tier;
  tierLabel: string;
  department: string | null;
  implementationPct: number;
  expectedImplementationPct: number;
  excessPoints: number;
  carriedOverPct: number;
}

export interface TeamRisk {
  leader: PositionRef;
  headcount: number;
  findingCount: number;
  severityPerPerson: number;
}

export interface OrganizationSummaryReport {
  kind: 'ORGANIZATION_SUMMARY';
  header: ReportHeader;
  headline: {
    positions: number;
    filled: number;
    vacant: number;
    findings: number;
    leaders: number;
    /** Mean implementation share of leaders (MANAGER and above). */
    leaderTacticalLoadPct: number | null;
    /** Of the time leaders describe, the share below their level. */
    leaderTimeBelowLevelPct: number | null;
  };
  findingsByKind: KindCount[];
  /** Most findings first. */
  findingsByDepartment: DepartmentFindings[];
  spans: SpansSummary;
  layers: LayersSummary;
  /** Highest severity first. */
  topRisks: ReportFinding[];
  /** Leaders furthest above their tier's implementation share. */
  tacticalLeaders: TacticalLeader[];
  /** Teams with the most severe findings per person. */
  teamsAtRisk: TeamRisk[];
  /** How much of the chart has data, overall and per department, and what could not be checked. */
  coverage: CoverageSummary;
  appendix: ReportAppendix;
}

export interface CoverageSummary {
  overall: Coverage;
  /** Least covered first; "No department" for positions without one. */
  byDepartment: Array<Coverage & { department: string }>;
  /** Per finding kind that had positions it could not check, with the reasons. */
  notChecked: Array<{
    kind: FindingKind;
    label: string;
    count: number;
    reasons: Array<{ reason: NotCheckedReason; text: string; count: number }>;
  }>;
}

/** Someone a plan names, by the stable key edits use: employee id, or the post reference of a vacancy. */
export interface PlanPersonRef {
  externalId: string;
  /** Null for a vacant post, or for someone the charts no longer hold. */
  name: string | null;
  /** Empty when the charts no longer hold them. */
  title: string;
}

/** One edit of the plan, in the order it applies. */
export interface PlanEditLine {
  number: number;
  kind: ScenarioEditKind;
  /** "move "Code reviews" (20%) from D1 to E2", as the scenario pages say it. */
  description: string;
  /** Who hands the work over, or whom the edit changes (the moved person, the post, the old manager). */
  from: PlanPersonRef | null;
  /** Who takes the work on, or the new manager. */
  to: PlanPersonRef | null;
  responsibility: string | null;
  valueLevelLabel: string | null;
  /** Share of time that moves or is set; for a move of the whole task, what the holder spends on it. */
  sharePct: number | null;
  /** The whole task moves (the edit names no share). */
  wholeTask: boolean;
  /** Edits record no author of their own: the scenario's owner proposes every one. */
  proposedBy: string;
  /** Why the edit no longer applies to the chart (a person erased since), else null. */
  problem: string | null;
  /** How far the edit shows in the later snapshot; null without tracking. */
  tracking: { progress: EditProgress; progressLabel: string; detail: string } | null;
}

export interface PlanMixChange {
  level: ValueLevel;
  label: string;
  /** What the tier expects (after the plan's tier change, if any). */
  expectedPct: number;
  beforePct: number | null;
  afterPct: number | null;
  /** after − before, in points; null when either side is missing. */
  changePoints: number | null;
}

/** Someone the plan changes (or whose findings change), as they are and as they would be. */
export interface PlanAffectedLine {
  person: PlanPersonRef;
  /** CREATED: a post the plan opens; CLOSED: one it closes. */
  change: 'CHANGED' | 'CREATED' | 'CLOSED';
  tierBefore: Tier | null;
  tierAfter: Tier | null;
  tierBeforeLabel: string | null;
  tierAfterLabel: string | null;
  managerBefore: PlanPersonRef | null;
  managerAfter: PlanPersonRef | null;
  /** Booked time: the sum of the responsibilities' shares. */
  bookedBeforePct: number | null;
  bookedAfterPct: number | null;
  /** Leadership first. */
  mix: PlanMixChange[];
  findingsBefore: number;
  findingsAfter: number;
}

export interface PlanFindingLine {
  key: string;
  kind: FindingKind;
  kindLabel: string;
  severity: number;
  severityLabel: SeverityLabel;
  subject: PlanPersonRef;
  explanation: string;
}

export interface PlanFigure {
  label: string;
  before: number | null;
  after: number | null;
  unit: 'count' | 'percent' | 'number';
}

export interface PlanTracking {
  /** The later snapshot the plan is compared with. */
  snapshotVersion: number;
  asOf: IsoDate;
  done: number;
  partlyDone: number;
  notDone: number;
}

export interface DelegationPlanReport {
  kind: 'DELEGATION_PLAN';
  header: ReportHeader;
  plan: {
    scenarioId: string;
    name: string;
    /** "Delegation plan" or "Scenario". */
    kindLabel: string;
    status: ScenarioStatus;
    statusLabel: string;
    owner: string;
    /** Employee id heading the part of the chart the edits may touch; null for the whole chart. */
    scopeEmployeeId: string | null;
    version: number;
    /** HR's decision (approved or rejected), when there is one. */
    decidedBy: string | null;
    decidedAt: string | null;
    notes: string | null;
  };
  edits: PlanEditLine[];
  /** Organization-wide (or, for a leader, their part of the chart) before and after. */
  figures: PlanFigure[];
  /** Shallowest in the chart first. */
  affected: PlanAffectedLine[];
  /** Findings the plan makes disappear, and those only the plan has; most severe first. */
  resolved: PlanFindingLine[];
  introduced: PlanFindingLine[];
  /** An approved plan against the next snapshot; null with `trackingNote` saying why not. */
  tracking: PlanTracking | null;
  trackingNote: string | null;
  appendix: ReportAppendix;
}

export type Report = RoleDefinitionsReport | DelegationReviewReport | OrganizationSummaryReport | DelegationPlanReport;
