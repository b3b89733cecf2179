import { Module } from '@nestjs/common';
import { DictionaryModule } from '@rolemap/server-core';
import { DemoModule } from '@rolemap/server-imports';
import { SurveysModule } from '../surveys.module';
import { DemoCampaignService } from './demo-campaign.service';
import { DemoOrganizationService } from './demo-organization.service';

/** The demo organization with its closed survey campaign. */
@Module({
  imports: [DemoModule, SurveysModule, DictionaryModule],
  providers: [DemoCampaignService, DemoOrganizationService],
  exports: [DemoOrganizationService, DemoModule],
})
export class DemoSurveyModule {}
