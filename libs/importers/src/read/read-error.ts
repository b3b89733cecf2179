/** A file-level reading failure; becomes an ImportIssue (with the row and column when known). */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location: { row?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
