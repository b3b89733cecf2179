import { CliError, EXIT } from './cli-context';
import { parseVersionOption } from './organization-option';

describe('parseVersionOption', () => {
  it('reads a version number from 1, and null when the option is absent', () => {
    expect(parseVersionOption('--snapshot', '1')).toBe(1);
    expect(parseVersionOption('--to', '12')).toBe(12);
    expect(parseVersionOption('--from', undefined)).toBeNull();
  });

  it.each(['0', '-1', '1.5', 'v2', 'latest', ''])('refuses "%s" with the flag in the message and exit code 2', (value) => {
    let error: unknown;
    try {
      parseVersionOption('--from', value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.invalidInput);
    expect((error as CliError).message).toBe(`--from must be a version number such as 2 (got "${value}")`);
  });
});
