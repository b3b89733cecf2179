import type { Command } from 'commander';
import { LOCAL_OPERATOR } from '../../../api/src/common/caller';
import { withDatabase } from '../../../api/src/database/database-session';
import { cliConfig } from '../cli-context';
import { resolveOrganization } from '../organization-option';
import { readPolicyFile } from '../policy-file';
import { cliServices } from '../services';

export function registerPolicyCommand(program: Command): void {
  const policy = program
    .command('policy')
    .description('Show or change an organization’s value-level policy (expected mix per tier, thresholds).');
  policy
    .command('show')
    .description('Print the policy in force as JSON (a valid --policy file).')
    .option('-o, --org <name>', 'organization (default: the only one)')
    .action(async (options: { org?: string }) => {
      const config = cliConfig();
      await withDatabase(config, async ({ dataSource, database }) => {
        const services = cliServices(dataSource, database, config);
        const organization = await resolveOrganization(services.organizations, options.org);
        console.log(JSON.stringify(await services.policies.policy(LOCAL_OPERATOR, organization.id), null, 2));
      });
    });
  policy
    .command('set')
    .description('Save a policy file as the organization’s new policy version (earlier versions are kept).')
    .argument('<file.json>', 'any subset of {"expectedMix": {"IC": {"IMPLEMENTATION": 70, …}}, "thresholds": {…}}')
    .option('-o, --org <name>', 'organization (default: the only one)')
    .action(async (file: string, options: { org?: string }) => {
      const config = cliConfig();
      await withDatabase(config, async ({ dataSource, database }) => {
        const services = cliServices(dataSource, database, config);
        const organization = await resolveOrganization(services.organizations, options.org);
        const merged = readPolicyFile(file, await services.policies.policy(LOCAL_OPERATOR, organization.id));
        await services.policies.updatePolicy(LOCAL_OPERATOR, organization.id, merged);
        console.log(`Saved a new policy for "${organization.name}".`);
      });
    });
}
