import 'reflect-metadata';
import { Command } from 'commander';
import { reportFailure } from './cli-context';
import { registerAnalyzeCommand } from './commands/analyze.command';
import { registerDiffCommand } from './commands/diff.command';
import { registerImportCommand } from './commands/import.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerPolicyCommand } from './commands/policy.command';
import { registerReportCommand } from './commands/report.command';
import { registerSeedDemoCommand } from './commands/seed-demo.command';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('rolemap')
    .description(
      'Map organizational roles: import org charts, find leaders stuck in tactical work, export role definitions.\n' +
        'Uses DATABASE_URL when set, otherwise the embedded database in ROLEMAP_DATA_DIR (default ./.rolemap).',
    )
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerMigrateCommand(program);
  registerSeedDemoCommand(program);
  registerImportCommand(program);
  registerAnalyzeCommand(program);
  registerDiffCommand(program);
  registerPolicyCommand(program);
  registerReportCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return reportFailure(error);
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
