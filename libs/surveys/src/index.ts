// Time-allocation survey campaigns as plain functions: who is asked, what an answer may be, how a
// campaign's progress reads, and the records a closed campaign becomes. No framework imports.
export * from './survey-types';
export * from './validate-answers';
export { type ModeRule, type Participant, PopulationError, surveyPopulation } from './population';
export {
  type ClosedSnapshot,
  type ClosingCoverage,
  type ClosingInput,
  type ClosingOutcome,
  activityKey,
  closeCampaignRecords,
} from './close-campaign';
export {
  type AdjustmentGap,
  type CampaignProgress,
  MIN_GROUP_SIZE,
  type ProgressRow,
  type RateGroup,
  type ResponseStatus,
  campaignProgress,
  finalAnswers,
  hasResponded,
  movedPoints,
} from './progress';
export {
  ABOUT_KEYS,
  ABOUT_SHEET,
  DICTIONARY_SHEET,
  OTHER_ACTIVITY,
  TEAM_COLUMNS,
  TEAM_SHEET,
  type TeamTemplate,
  type TemplateLine,
  type TemplateMember,
  type TemplateParticipant,
  type TemplateTable,
  type TemplateUpload,
  type TemplateUploadContext,
  answeredOnline,
  readTemplateUpload,
} from './offline/team-template';
