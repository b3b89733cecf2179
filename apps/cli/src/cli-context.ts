import { CommanderError } from 'commander';
import { DomainError } from '@rolemap/domain';

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

/** Turns any failure into one clear line on stderr and the right exit code. */
export function reportFailure(error: unknown): number {
  // Commander has already printed its message (and the help) for bad arguments, or the help asked for.
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof CliError) {
    if (error.message) console.error(`rolemap: ${error.message}`);
    return error.exitCode;
  }
  // Bad input, something missing, no access: the user's to fix, so one line and no stack.
  if (error instanceof DomainError) {
    console.error(`rolemap: ${error.message}`);
    return EXIT.invalidInput;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.failure;
}
