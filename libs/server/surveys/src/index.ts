// Survey campaigns on the server: HR's campaigns (create, invite, progress, close into a snapshot)
// and the participants' forms, on top of the server core and the imports' snapshot writer.
export { CAMPAIGN_PAGE_MAX, CampaignsService, MISSING_PAGE_MAX } from './campaigns.service';
export { type FormAccess, SurveyFormsService } from './survey-forms.service';
export { SurveyMailer } from './survey-mailer';
export {
  SurveyTemplatesService,
  type TemplateDownload,
  type TemplateTeam,
  type TemplateUploadOutcome,
} from './survey-templates.service';
export { DictionaryActivities } from './dictionary-activities';
export { SURVEY_DICTIONARY, type SurveyDictionary, type SurveyDictionaryVersion } from './survey-dictionary';
export { SurveyJobsModule, SurveysModule } from './surveys.module';
export { type SurveyCloseResult, SurveyCloseJobs, surveyCloseOfJob } from './survey-close-jobs.service';
export type * from './campaign-types';
export { DEMO_CAMPAIGN, type DemoCampaignResult, DemoCampaignService } from './demo/demo-campaign.service';
export { type DemoOrganizationResult, DemoOrganizationService } from './demo/demo-organization.service';
export { DemoSurveyModule } from './demo/demo-survey.module';
export { type WorkOnRecord, MIN_LIKENESS, MIN_SHARED_WORDS, answersFromWork, wholePercentages } from './demo/prefill-answers';
