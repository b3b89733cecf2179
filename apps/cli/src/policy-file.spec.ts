import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_POLICY } from '@rolemap/domain';
import { CliError, EXIT } from './cli-context';
import { readPolicyFile } from './policy-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-policy-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const policyFile = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** The CliError readPolicyFile throws for `content`, or a failure when it throws none. */
const refusal = (name: string, content: string): CliError => {
  const file = policyFile(name, content);
  try {
    readPolicyFile(file, DEFAULT_POLICY);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.invalidInput);
    expect((error as CliError).message.startsWith(`${file}: `)).toBe(true);
    return error as CliError;
  }
  throw new Error(`${name} was accepted`);
};

describe('readPolicyFile', () => {
  it('merges a partial policy over the base: one threshold and one tier’s mix', () => {
    const file = policyFile(
      'partial.json',
      JSON.stringify({
        thresholds: { spanMax: 9 },
        expectedMix: { MANAGER: { IMPLEMENTATION: 20, UNIFICATION: 45, COMMUNICATION: 20, LEADERSHIP: 15 } },
      }),
    );
    const policy = readPolicyFile(file, DEFAULT_POLICY);
    expect(policy.thresholds).toEqual({ ...DEFAULT_POLICY.thresholds, spanMax: 9 });
    expect(policy.expectedMix.MANAGER).toEqual({ IMPLEMENTATION: 20, UNIFICATION: 45, COMMUNICATION: 20, LEADERSHIP: 15 });
    expect(policy.expectedMix.IC).toEqual(DEFAULT_POLICY.expectedMix.IC);
  });

  it('names the file when it is missing or is not JSON', () => {
    expect(() => readPolicyFile(path.join(dir, 'absent.json'), DEFAULT_POLICY)).toThrow(/absent\.json: ENOENT/);
    expect(refusal('broken.json', '{"thresholds": ').message).toMatch(/JSON/);
  });

  it('refuses anything but an object of expectedMix and thresholds', () => {
    expect(refusal('array.json', '[]').message).toContain('a policy is a JSON object');
    expect(refusal('unknown.json', '{"thresholds": {}, "colour": "blue"}').message).toContain('unknown key(s) colour');
  });

  it('refuses a mix that does not add up to 100, saying by how much', () => {
    const error = refusal('mix.json', JSON.stringify({ expectedMix: { MANAGER: { IMPLEMENTATION: 90 } } }));
    expect(error.message).toMatch(/MANAGER mix adds up to 160/);
  });
});
