import { ConfigError, DataDirInUseError } from '@rolemap/server-core';
import { asCliError } from './cli-app';
import { CliError, EXIT, reportFailure } from './cli-context';

describe('reportFailure', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => stderr.mockRestore());

  const printed = () => stderr.mock.calls.map((call) => call.join(' ')).join('\n');

  it('prints a CLI error as one line and returns its exit code', () => {
    expect(reportFailure(new CliError('No organization named "Acme".', EXIT.invalidInput))).toBe(2);
    expect(printed()).toBe('rolemap: No organization named "Acme".');
  });

  it('prints nothing for an error whose details were already printed', () => {
    expect(reportFailure(new CliError('', EXIT.invalidInput))).toBe(2);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('says when the embedded database is busy, with exit code 3', () => {
    // Opening the database (withCliDatabase) turns these into CLI errors.
    expect(reportFailure(asCliError(new DataDirInUseError('/tmp/data', 4242)))).toBe(EXIT.databaseBusy);
    expect(printed()).toMatch(/^rolemap: The embedded database in \/tmp\/data is in use by another rolemap process \(pid 4242\)/);
  });

  it('reports a bad setting as a configuration problem, exit code 2', () => {
    expect(reportFailure(asCliError(new ConfigError('PORT must be a whole number from 0 to 65535 (got "x")')))).toBe(2);
    expect(printed()).toBe('rolemap: configuration: PORT must be a whole number from 0 to 65535 (got "x")');
  });

  it('keeps the stack of an unexpected failure, exit code 1', () => {
    expect(reportFailure(new TypeError('boom'))).toBe(EXIT.failure);
    expect(printed()).toMatch(/^TypeError: boom\n\s+at /);
  });
});
