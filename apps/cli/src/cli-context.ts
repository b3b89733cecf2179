import { DomainError } from '@rolemap/domain';
import { type AppConfig, ConfigError, loadConfig } from '../../api/src/config/app-config';
import { DataDirInUseError } from '../../api/src/database/embedded-postgres';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, invalidInput: 2, databaseBusy: 3 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function cliConfig(): AppConfig {
  return loadConfig();
}

/** Turns any failure into one clear line on stderr and the right exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof CliError) {
    if (error.message) console.error(`rolemap: ${error.message}`);
    return error.exitCode;
  }
  // Bad input, something missing, no access: the user's to fix, so one line and no stack.
  if (error instanceof DomainError) {
    console.error(`rolemap: ${error.message}`);
    return EXIT.invalidInput;
  }
  if (error instanceof DataDirInUseError) {
    console.error(`rolemap: ${error.message}`);
    return EXIT.databaseBusy;
  }
  if (error instanceof ConfigError) {
    console.error(`rolemap: configuration: ${error.message}`);
    return EXIT.invalidInput;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.failure;
}
