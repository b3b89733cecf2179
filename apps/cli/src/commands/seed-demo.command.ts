import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoOrganizationService, DemoSurveyModule } from '@rolemap/server-surveys';
import { withServices } from '../cli-app';

/** `rolemap seed-demo`: adds the demo organization and its closed survey campaign; a second run adds nothing. */
export async function runSeedDemo(options: { json?: boolean }): Promise<void> {
  const result = await withServices([DemoSurveyModule], (app) => app.get(DemoOrganizationService).seed(LOCAL_OPERATOR));
  if (options.json) {
    const { campaign, ...organization } = result;
    console.log(
      JSON.stringify({
        ...organization,
        campaign: campaign && {
          id: campaign.campaign.id,
          name: campaign.campaign.name,
          snapshotVersion: campaign.snapshotVersion,
          coverage: campaign.coverage,
          reviewed: campaign.reviewed,
          adjusted: campaign.adjusted,
        },
      }),
    );
  } else if (result.created) {
    console.log(`Seeded "${result.organization}" (snapshot v${result.snapshotVersion}, ${result.people} people).`);
    if (result.campaign) {
      const { coverage } = result.campaign;
      console.log(
        `Ran and closed its survey "${result.campaign.campaign.name}" into snapshot v${result.campaign.snapshotVersion}: ` +
          `${coverage.surveyed} surveyed, ${coverage.carried} carried over unconfirmed.`,
      );
    }
  } else console.log(`"${result.organization}" is already there (snapshot v${result.snapshotVersion}); nothing added.`);
}
