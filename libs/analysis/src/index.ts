export { type TitleTierMatch, inferTierFromTitle } from './tiers/infer-tier-from-title';
export { type GradeTiers, type TierInference, type TierInput, inferTiers } from './tiers/infer-tiers';
export { TITLE_EXCEPTIONS, TITLE_KEYWORDS, type TitleRule } from './tiers/title-rules';

export {
  type Classification,
  type ClassifierOptions,
  type ResponsibilityClassifier,
  type UnclassifiedReason,
  UNCLASSIFIED_REASON_TEXT,
  classifyResponsibility,
  createClassifier,
} from './classify/classify-responsibility';
export { MAX_STATEMENT_LENGTH, confirmedTextKey, normaliseStatement } from './classify/nlp/normalise-statement';

export { responsibilityKey } from './snapshot/responsibility-key';
export {
  SnapshotBuildError,
  type SnapshotFromRecordsOptions,
  classifiedTextOf,
  randomId,
  snapshotFromRecords,
  streamedSnapshotFromRecords,
  snapshotChartFromRecords,
  type SnapshotChart,
  type StreamedSnapshot,
} from './snapshot/snapshot-from-records';
export { type PositionNode, SnapshotIndex, walkBreadthFirst } from './snapshot/snapshot-index';

export {
  type PositionMix,
  TACTICAL_GAP_FULL_SCALE_POINTS,
  carriedOverResponsibilities,
  positionMixFor,
  tacticalGapScore,
} from './mix/position-mix';

export { AnalysisContext, type AnalysisOptions, type KnownPromotion } from './context/analysis-context';
export { type AnalysisFinding, findingKey } from './findings/finding-text';
export { promotedStillTacticalFindings, promotedStillTacticalFor } from './findings/promoted-still-tactical';
export {
  BELOW_LEVEL,
  DELEGATE_SEARCH_LIMIT,
  DELEGATION_CHAIN_MAX_STEPS,
  REAL_PART_OF_ROLE_PCT,
  SIMILAR_WORK_MIN,
  delegationGapFindings,
  delegationGapsFor,
} from './findings/delegation-gap';
export { pigeonholingRiskFindings, pigeonholingRiskFor, yearsInRoleOf } from './findings/pigeonholing-risk';
export { recentPromotionOf } from './findings/promoted-still-tactical';
export { SEVERITY_BANDS, SEVERITY_RULES, type SeverityBand, severityRules } from './findings/severity-rules';
export { SPAN_MAX_SEVERITY, spanOfControlFindings, spanOfControlFor } from './findings/span-of-control';
export { LAYERS_MAX_SEVERITY, layersFindings, layersFor } from './findings/layers';

export { type AnalysisResult, analyzeSnapshot } from './analyze/analyze-snapshot';
export {
  type AnalysisSummary,
  type DepartmentSummary,
  type NotCheckedSummary,
  type SubtreeSummary,
  WORST_SUBTREE_MIN_HEADCOUNT,
  summarize,
  summarizeNotChecked,
} from './analyze/summarize';
export { notCheckedFindings } from './analyze/not-checked';
export {
  type Coverage,
  type DepartmentCoverage,
  NO_RESPONSIBILITIES_CODE,
  RECORD_COVERAGE_EXAMPLES,
  type RecordCoverage,
  coverage,
  coverageByDepartment,
  coverageOf,
  missingResponsibilitiesWarning,
  recordCoverage,
  subtreeCoverageOf,
} from './coverage/coverage';
export { type FindingFilter, filterFindings } from './analyze/filter-findings';

export {
  type Move,
  type PersonInSnapshot,
  type PromotionChange,
  type SnapshotDiff,
  diffSnapshots,
  inferredPromotions,
} from './diff/diff-snapshots';

export { contentStems, stemWord, titleSignature, wordsOf } from './text/words';
export { type ClassificationOverrides, NO_OVERRIDES, applyOverrides } from './history/classification-overrides';
export { type HistoryAnalysis, analyseWithHistory } from './history/analyse-with-history';
export {
  REVIEW_BELOW_CONFIDENCE,
  REVIEW_SAMPLE_POSITIONS,
  type ReviewGroup,
  type ReviewQueue,
  type ReviewQueueOptions,
  type ReviewSamplePosition,
  UNREADABLE_KEY_PREFIX,
  buildReviewQueue,
  unreadableGroupKey,
} from './review-queue/review-queue';
export { SUGGESTED_ACTION_DAYS, actionOwnerFor, addDays, suggestedActionFor } from './actions/suggested-action';

export {
  type AppliedScenario,
  type ApplyOptions,
  type EditProblem,
  applyScenarioEdits,
  editError,
  normaliseTitle,
} from './scenario/apply-edits';
export { describeEdit } from './scenario/describe-edit';
export { normaliseEdit } from './scenario/normalise-edit';
export { delegationPlanEdits } from './scenario/delegation-plan';
export { type RebasedEdits, rebaseEdits } from './scenario/rebase-edits';
export {
  type AffectedPosition,
  type BeforeAfter,
  type ScenarioDelta,
  type ScenarioScore,
  type ScoreOptions,
  mixChange,
  scoreScenario,
} from './scenario/score-scenario';
export { type EditTracking, trackPlan } from './scenario/track-plan';
