import fs from 'node:fs';
import { type DeepPartialPolicy, PolicyError, TIERS, type ValueLevelPolicy, resolvePolicy } from '@rolemap/domain';
import { CliError, EXIT } from './cli-context';

/**
 * Reads a policy file: any subset of {"expectedMix": {"IC": {"IMPLEMENTATION": 70, …}}, "thresholds": {…}},
 * merged over `base`. Problems come back as one clear message naming the file.
 */
export function readPolicyFile(filePath: string, base: ValueLevelPolicy): ValueLevelPolicy {
  let parsed: DeepPartialPolicy;
  try {
    parsed = JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new CliError(`${filePath}: ${(error as Error).message}`, EXIT.invalidInput);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(`${filePath}: a policy is a JSON object with "expectedMix" and/or "thresholds"`, EXIT.invalidInput);
  }
  const unknown = Object.keys(parsed).filter((key) => key !== 'expectedMix' && key !== 'thresholds');
  if (unknown.length) throw new CliError(`${filePath}: unknown key(s) ${unknown.join(', ')}`, EXIT.invalidInput);
  try {
    const expectedMix = Object.fromEntries(
      TIERS.map((tier) => [tier, { ...base.expectedMix[tier], ...(parsed.expectedMix?.[tier] ?? {}) }]),
    );
    return resolvePolicy({ expectedMix, thresholds: { ...base.thresholds, ...parsed.thresholds } });
  } catch (error) {
    if (error instanceof PolicyError) throw new CliError(`${filePath}: ${error.problems.join('; ')}`, EXIT.invalidInput);
    throw error;
  }
}
