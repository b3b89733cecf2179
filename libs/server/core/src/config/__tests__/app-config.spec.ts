import { ConfigError, loadConfig } from '../app-config';

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
