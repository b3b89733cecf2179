import { ConfigError, loadConfig } from '../app-config';
import { describeWindow } from '../rate-limits-config';

describe('ROLEMAP_MAX_UPLOAD_MB', () => {
  it('is 50 MB by default and takes whole or fractional megabytes', () => {
    expect(loadConfig({}).maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ ROLEMAP_MAX_UPLOAD_MB: '200' }).maxUploadBytes).toBe(200 * 1024 * 1024);
    expect(loadConfig({ ROLEMAP_MAX_UPLOAD_MB: '0.5' }).maxUploadBytes).toBe(512 * 1024);
  });

  it.each(['0', '-1', 'ten', '5MB', '2000'])('refuses %p with a clear message', (raw) => {
    expect(() => loadConfig({ ROLEMAP_MAX_UPLOAD_MB: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLEMAP_MAX_UPLOAD_MB: raw })).toThrow(/ROLEMAP_MAX_UPLOAD_MB must be a number of megabytes/);
  });
});

describe('rate limits', () => {
  it('defaults to limits on sign-in, uploads and exports', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      signIn: { limit: 10, windowMs: 60_000 },
      uploads: { limit: 30, windowMs: 600_000 },
      exports: { limit: 120, windowMs: 600_000 },
    });
  });

  it('reads a count per window, or off', () => {
    const limits = loadConfig({
      ROLEMAP_RATE_LIMIT_SIGN_IN: '5/30s',
      ROLEMAP_RATE_LIMIT_UPLOADS: '100 / 1h',
      ROLEMAP_RATE_LIMIT_EXPORTS: 'off',
    }).rateLimits;
    expect(limits).toEqual({
      signIn: { limit: 5, windowMs: 30_000 },
      uploads: { limit: 100, windowMs: 3_600_000 },
      exports: null,
    });
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ ROLEMAP_RATE_LIMIT_EXPORTS: '10' })).toThrow(
      /ROLEMAP_RATE_LIMIT_EXPORTS must be a count per window such as 10\/1m/,
    );
    expect(() => loadConfig({ ROLEMAP_RATE_LIMIT_UPLOADS: '0/1m' })).toThrow(/ROLEMAP_RATE_LIMIT_UPLOADS/);
    expect(() => loadConfig({ ROLEMAP_RATE_LIMIT_SIGN_IN: '5/48h' })).toThrow(/at most 24h/);
  });

  it('describes windows as the refusal reads them', () => {
    expect(describeWindow(60_000)).toBe('minute');
    expect(describeWindow(600_000)).toBe('10 minutes');
    expect(describeWindow(3_600_000)).toBe('hour');
    expect(describeWindow(30_000)).toBe('30 seconds');
  });
});

describe('ROLEMAP_LOG_LEVEL', () => {
  it('is info by default and takes any pino level, in any case', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ ROLEMAP_LOG_LEVEL: ' WARN ' }).logLevel).toBe('warn');
    expect(loadConfig({ ROLEMAP_LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it('refuses anything else, listing the levels', () => {
    expect(() => loadConfig({ ROLEMAP_LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLEMAP_LOG_LEVEL: 'verbose' })).toThrow(
      'ROLEMAP_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    );
  });
});
