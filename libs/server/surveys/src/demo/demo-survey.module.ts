import { Module } from '@nestjs/common';
import { DemoModule } from '@rolemap/server-imports';
import { SurveysModule } from '../surveys.module';
import { DemoCampaignService } from './demo-campaign.service';
import { DemoOrganizationService } from './demo-organization.service';

/** The demo organization with its closed survey campaign. */
@Module({
  imports: [DemoModule, SurveysModule],
  providers: [DemoCampaignService, DemoOrganizationService],
  exports: [DemoOrganizationService, DemoModule],
})
export class DemoSurveyModule {}
