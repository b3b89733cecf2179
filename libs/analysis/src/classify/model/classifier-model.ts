import fs from 'node:fs';
import path from 'node:path';
import type { ValueLevel } from '@rolemap/domain';
import type { LinearModel } from './softmax-regression';

/**
 * The trained classifier as committed in classifier-weights.json, written by
 * `npm run train-classifier` from the corpus. Weights are per feature and level; temperature
 * and commit threshold come from the out-of-fold calibration (see bench/RESULTS.md).
 */
export interface ClassifierModelFile {
  format: 1;
  levels: ValueLevel[];
  /** Divides the logits before the softmax, fitted so probabilities match out-of-fold accuracy. */
  temperature: number;
  /** Calibrated probability at or above which the top level is committed; below it, UNCLASSIFIED. */
  commitThreshold: number;
  corpus: { statements: number; functions: number; hardCases: number };
  training: { l2: number; epochs: number; learningRate: number; seed: number };
  bias: number[];
  weights: Record<string, number[]>;
}

export interface ClassifierModel extends LinearModel {
  levels: ValueLevel[];
  temperature: number;
  commitThreshold: number;
}

export const MODEL_FILE = path.join(__dirname, 'classifier-weights.json');

let loaded: ClassifierModel | null = null;

/** The committed model, read once on first use (about 20 ms), so importing the library stays cheap. */
export function committedModel(): ClassifierModel {
  loaded ??= modelFromFile(JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as ClassifierModelFile);
  return loaded;
}

export function modelFromFile(file: ClassifierModelFile): ClassifierModel {
  if (file.format !== 1) throw new Error(`Unknown classifier model format ${String(file.format)}`);
  return {
    classes: file.levels.length,
    levels: file.levels,
    bias: file.bias,
    weights: new Map(Object.entries(file.weights)),
    temperature: file.temperature,
    commitThreshold: file.commitThreshold,
  };
}
