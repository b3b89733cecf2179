import { DomainError } from '@rolemap/domain';

/**
 * The report was asked for someone or something the snapshot does not contain. The message is
 * written for the person who typed the command, so the CLI and the API can show it as is.
 */
export class ReportScopeError extends DomainError {
  constructor(
    message: string,
    /** What was asked for: an employee id or a department name. */
    readonly requested: string,
  ) {
    super('NOT_FOUND', message);
  }
}
