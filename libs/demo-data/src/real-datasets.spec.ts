import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locateRealDatasets, realDatasetsDir } from './real-datasets';

describe('locateRealDatasets', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-datasets-'));
  const present = path.join(parent, 'present');
  const absent = path.join(parent, 'absent');
  fs.mkdirSync(present);
  fs.writeFileSync(path.join(present, 'README.md'), '# data sets\n');
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('looks beside the repository unless ROLEMAP_DATASETS says otherwise', () => {
    expect(realDatasetsDir({})).toBe(path.resolve(__dirname, '../../../../shared/datasets'));
    expect(realDatasetsDir({ ROLEMAP_DATASETS: present })).toBe(present);
  });

  it('finds the data sets by their README, in CI or not', () => {
    expect(locateRealDatasets('suite', { ROLEMAP_DATASETS: present, CI: 'true' })).toEqual({ dir: present, available: true });
    expect(locateRealDatasets('suite', { ROLEMAP_DATASETS: present })).toEqual({ dir: present, available: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it('fails under CI=true when they are missing, naming the folder', () => {
    for (const CI of ['true', '1', 'TRUE']) {
      expect(() => locateRealDatasets('real-data.spec.ts', { ROLEMAP_DATASETS: absent, CI })).toThrow(
        `real-data.spec.ts: no real data sets at ${absent}`,
      );
    }
  });

  it('skips with a warning naming the folder outside CI', () => {
    for (const CI of [undefined, '', 'false', '0']) {
      expect(locateRealDatasets('real-data.spec.ts', { ROLEMAP_DATASETS: absent, CI })).toEqual({
        dir: absent,
        available: false,
      });
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn.mock.calls[0][0]).toContain(`SKIPPED real-data.spec.ts: no real data sets at ${absent}`);
  });
});
