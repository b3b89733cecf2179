import { existsSync } from 'node:fs';
import path from 'node:path';

export interface RealDatasets {
  /** Where the public org-chart data sets are looked for. */
  dir: string;
  available: boolean;
}

/** ../shared/datasets beside the repository (see its README), or ROLEMAP_DATASETS. */
export function realDatasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  // libs/demo-data/src → the repository's parent folder is four levels up.
  return path.resolve(env.ROLEMAP_DATASETS || path.resolve(__dirname, '../../../../shared/datasets'));
}

const isCi = (env: NodeJS.ProcessEnv) => /^(1|true|yes)$/i.test(env.CI ?? '');

/**
 * For the suites that run real public data sets (they may not be redistributed, so they live
 * outside the repository). Missing data sets fail a CI run (CI=true), where a skip would pass
 * unnoticed; elsewhere the suite is skipped with a warning naming the folder.
 */
export function locateRealDatasets(suite: string, env: NodeJS.ProcessEnv = process.env): RealDatasets {
  const dir = realDatasetsDir(env);
  const available = existsSync(path.join(dir, 'README.md'));
  if (!available) {
    const where = `${suite}: no real data sets at ${dir} (a folder with the data sets and their README.md; set ROLEMAP_DATASETS to point elsewhere)`;
    if (isCi(env)) throw new Error(`${where}. CI=true: these suites must run, so this fails instead of skipping.`);
    console.warn(`\n  ⚠ SKIPPED ${where}.\n`);
  }
  return { dir, available };
}
