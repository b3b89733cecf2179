import { Injectable } from '@nestjs/common';
import type { Caller } from '@rolemap/server-core';
import { type DemoSeedResult, DemoSeedService } from '@rolemap/server-imports';
import { type DemoCampaignResult, DemoCampaignService } from './demo-campaign.service';

export interface DemoOrganizationResult extends DemoSeedResult {
  /** The closed campaign seeded with a new demo organization; null when nothing was added. */
  campaign: DemoCampaignResult | null;
}

/**
 * The whole demo, for the server's first start and `rolemap seed-demo` alike: the organization
 * (DemoSeedService), then its closed survey campaign, whose snapshot is the newest chart.
 */
@Injectable()
export class DemoOrganizationService {
  constructor(
    private readonly organization: DemoSeedService,
    private readonly campaign: DemoCampaignService,
  ) {}

  /** Seeds only into an empty database; null when it is not empty. */
  async seedIfEmpty(caller: Caller): Promise<DemoOrganizationResult | null> {
    const seeded = await this.organization.seedIfEmpty(caller);
    return seeded ? this.withCampaign(caller, seeded) : null;
  }

  /** A second call finds the demo there and adds nothing. */
  async seed(caller: Caller): Promise<DemoOrganizationResult> {
    return this.withCampaign(caller, await this.organization.seed(caller));
  }

  private async withCampaign(caller: Caller, seeded: DemoSeedResult): Promise<DemoOrganizationResult> {
    const campaign =
      seeded.created && seeded.organizationId ? await this.campaign.seedClosedCampaign(caller, seeded.organizationId) : null;
    return { ...seeded, campaign };
  }
}
