import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@rolemap/server-core';
import { ImportsModule } from '@rolemap/server-imports';
import { CampaignsService } from './campaigns.service';
import { DictionaryActivities } from './dictionary-activities';
import { SURVEY_DICTIONARY } from './survey-dictionary';
import { SurveyCloseJobs } from './survey-close-jobs.service';
import { SurveyFormsService } from './survey-forms.service';
import { SurveyMailer } from './survey-mailer';
import { SurveyTemplatesService } from './survey-templates.service';

/** Survey campaigns on top of the server core, the imports (the snapshot writer) and the dictionary. */
@Module({
  imports: [AuditModule, ImportsModule],
  providers: [
    CampaignsService,
    SurveyFormsService,
    SurveyMailer,
    SurveyTemplatesService,
    DictionaryActivities,
    { provide: SURVEY_DICTIONARY, useExisting: DictionaryActivities },
  ],
  exports: [CampaignsService, SurveyFormsService, SurveyMailer, SurveyTemplatesService, SURVEY_DICTIONARY],
})
export class SurveysModule {}

/** Survey closing on the background-job queue (needs JobsModule). */
@Module({})
export class SurveyJobsModule {
  static register(): DynamicModule {
    return {
      module: SurveyJobsModule,
      imports: [SurveysModule],
      providers: [SurveyCloseJobs],
      exports: [SurveyCloseJobs, SurveysModule],
    };
  }
}
