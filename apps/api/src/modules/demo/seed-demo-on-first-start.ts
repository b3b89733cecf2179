import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoAccountsService, type DemoUser } from '@rolemap/server-imports';
import { type DemoCampaignResult, DemoOrganizationService } from '@rolemap/server-surveys';

/**
 * The server's first start on an empty database shows a real chart (ROLEMAP_SEED_DEMO) with a
 * closed survey campaign, and a demo user for every role. The CLI never seeds unasked.
 */
@Injectable()
export class SeedDemoOnFirstStart implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoOrganizationService,
    private readonly demoAccounts: DemoAccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const result = await this.demo.seedIfEmpty(LOCAL_OPERATOR);
    if (!result) return;
    // Printed, not logged: the server runs with Nest's log level at warnings, and these lines are for the user.
    console.log(`Seeded the demo organization "${result.organization}" (${result.people} people).`);
    if (result.campaign) console.log(demoCampaignText(result.campaign));
    const users = result.organizationId ? await this.demoAccounts.createDemoUsers(result.organizationId) : null;
    if (users?.length) console.log(demoUsersText(users));
  }
}

export function demoUsersText(users: readonly DemoUser[]): string {
  const width = Math.max(...users.map((user) => user.email.length));
  return [
    'Demo users, one per role (sign in at /sign-in; the passwords are shown only now):',
    ...users.map(
      (user) =>
        `  ${user.role.padEnd(8)}  ${user.email.padEnd(width)}  ${user.password}${user.personName ? `  (${user.personName})` : ''}`,
    ),
  ].join('\n');
}

export function demoCampaignText(campaign: DemoCampaignResult): string {
  const { coverage } = campaign;
  return (
    `Ran and closed its survey "${campaign.campaign.name}" into snapshot v${campaign.snapshotVersion}: ` +
    `${coverage.surveyed} people surveyed (${campaign.adjusted} of ${campaign.reviewed} reviews adjusted by their manager), ` +
    `${coverage.carried} carried over unconfirmed.`
  );
}
