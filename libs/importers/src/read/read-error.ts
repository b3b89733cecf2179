/** A file-level reading failure; becomes an ImportIssue with row null. */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
