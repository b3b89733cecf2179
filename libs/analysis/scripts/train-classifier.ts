/**
 * `npm run train-classifier`: learns the value-level classifier from the corpus and writes
 * libs/analysis/src/classify/model/classifier-weights.json (weights, temperature, threshold) and
 * cross-validation.json (the figures bench/RESULTS.md quotes). Deterministic: the same corpus
 * gives the same files.
 *
 * Two cross-validations: stratified 10-fold, and leave-one-function-out (train on 29 functions,
 * test on the 30th), which is closer to meeting an organization whose vocabulary the corpus never
 * saw. The temperature and the commit threshold are fitted on the leave-one-function-out
 * predictions, the stricter of the two, so the threshold holds up on new wording.
 */
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { VALUE_LEVELS } from '@rolemap/domain';
import { readCorpus } from '../src/classify/corpus/read-corpus';
import { statementFeatures } from '../src/classify/features/statement-features';
import { type ClassifierModelFile, MODEL_FILE } from '../src/classify/model/classifier-model';
import { DEFAULT_TRAINING, logitsOf, softmax, trainSoftmaxRegression } from '../src/classify/model/softmax-regression';
import { normaliseStatement } from '../src/classify/nlp/normalise-statement';

const TARGET_PRECISION = 0.96;
const FOLDS = 10;
/** Features whose weights all stay this close to zero carry no evidence and are not written. */
const PRUNE_BELOW = 0.002;

interface Prediction {
  logits: number[];
  label: number;
}

async function main(): Promise<void> {
  const corpus = readCorpus();
  const started = performance.now();
  const examples = corpus.map((statement) => ({
    features: statementFeatures(normaliseStatement(statement.text)).map((feature) => feature.name),
    label: VALUE_LEVELS.indexOf(statement.level),
  }));
  const functions = [...new Set(corpus.map((statement) => statement.function))].sort();
  const training = { ...DEFAULT_TRAINING, classes: VALUE_LEVELS.length };

  const crossValidate = (folds: number[][]): Prediction[] => {
    const predictions: Prediction[] = new Array(examples.length);
    for (const test of folds) {
      const held = new Set(test);
      const model = trainSoftmaxRegression(
        examples.filter((_, i) => !held.has(i)),
        training,
      );
      for (const i of test) predictions[i] = { logits: logitsOf(model, examples[i].features), label: examples[i].label };
    }
    return predictions;
  };
  const kFold = crossValidate(
    stratifiedFolds(
      examples.map((example) => example.label),
      FOLDS,
    ),
  );
  const byFunction = crossValidate(functions.map((name) => corpus.flatMap((s, i) => (s.function === name ? [i] : []))));

  const temperature = fitTemperature(byFunction);
  const commitThreshold = thresholdFor(byFunction, temperature, TARGET_PRECISION);
  const hard = corpus.map((statement) => statement.hard);
  const metrics = {
    corpus: {
      statements: corpus.length,
      functions: functions.length,
      hardCases: hard.filter(Boolean).length,
      perLevel: Object.fromEntries(VALUE_LEVELS.map((level, c) => [level, examples.filter((e) => e.label === c).length])),
    },
    training,
    temperature,
    commitThreshold,
    tenFold: summarise(kFold, hard, temperature, commitThreshold),
    leaveOneFunctionOut: summarise(byFunction, hard, temperature, commitThreshold),
  };

  const model = trainSoftmaxRegression(examples, training);
  const weights: Record<string, number[]> = {};
  for (const [feature, values] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (Math.max(...values.map(Math.abs)) < PRUNE_BELOW) continue;
    weights[feature] = values.map(round4);
  }
  const file: ClassifierModelFile = {
    format: 1,
    levels: [...VALUE_LEVELS],
    temperature,
    commitThreshold,
    corpus: { statements: corpus.length, functions: functions.length, hardCases: metrics.corpus.hardCases },
    training: { l2: training.l2, epochs: training.epochs, learningRate: training.learningRate, seed: training.seed },
    bias: model.bias.map(round4),
    weights,
  };
  await writeJson(MODEL_FILE, file);
  await writeJson(path.join(path.dirname(MODEL_FILE), 'cross-validation.json'), metrics);
  console.log(
    `trained on ${corpus.length} statements (${functions.length} functions, ${metrics.corpus.hardCases} hard) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s; ${Object.keys(weights).length} features kept`,
  );
  console.log(`temperature ${temperature}, commit threshold ${commitThreshold}\n`);
  console.log(markdownTable(metrics.tenFold, metrics.leaveOneFunctionOut));
}

/** Written as the repository's Prettier settings would format it, so `prettier --check` passes after retraining. */
async function writeJson(file: string, value: unknown): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(value), { ...options, filepath: file }));
}

function stratifiedFolds(labels: readonly number[], folds: number): number[][] {
  const result: number[][] = Array.from({ length: folds }, () => []);
  const seen = new Array<number>(VALUE_LEVELS.length).fill(0);
  labels.forEach((label, i) => result[seen[label]++ % folds].push(i));
  return result;
}

/** Temperature minimising the log-loss of the out-of-fold predictions. */
function fitTemperature(predictions: readonly Prediction[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.2; t <= 3.0001; t += 0.05) {
    let loss = 0;
    for (const { logits, label } of predictions) loss -= Math.log(Math.max(1e-12, softmax(logits, t)[label]));
    if (loss < best.loss) best = { temperature: round2(t), loss };
  }
  return best.temperature;
}

/** The lowest threshold whose committed predictions are right at least `target` of the time. */
function thresholdFor(predictions: readonly Prediction[], temperature: number, target: number): number {
  for (let threshold = 0.3; threshold < 0.995; threshold += 0.01) {
    const committed = predictions.filter((p) => Math.max(...softmax(p.logits, temperature)) >= threshold);
    const right = committed.filter((p) => argmax(p.logits) === p.label).length;
    if (committed.length > 0 && right / committed.length >= target) return round2(threshold);
  }
  return 0.99;
}

function summarise(predictions: readonly Prediction[], hard: readonly boolean[], temperature: number, threshold: number) {
  const recall = VALUE_LEVELS.map((_, c) => {
    const ofLevel = predictions.filter((p) => p.label === c);
    return round3(ofLevel.filter((p) => argmax(p.logits) === c).length / ofLevel.length);
  });
  const committed = predictions.filter((p) => Math.max(...softmax(p.logits, temperature)) >= threshold);
  const committedRecall = VALUE_LEVELS.map((_, c) => {
    const ofLevel = committed.filter((p) => p.label === c);
    return round3(ofLevel.filter((p) => argmax(p.logits) === c).length / Math.max(1, ofLevel.length));
  });
  const hardPredictions = predictions.filter((_, i) => hard[i]);
  return {
    accuracy: round3(predictions.filter((p) => argmax(p.logits) === p.label).length / predictions.length),
    macroRecall: round3(recall.reduce((a, b) => a + b, 0) / recall.length),
    recallPerLevel: Object.fromEntries(VALUE_LEVELS.map((level, c) => [level, recall[c]])),
    hardCaseAccuracy: round3(hardPredictions.filter((p) => argmax(p.logits) === p.label).length / hardPredictions.length),
    coverage: round3(committed.length / predictions.length),
    committedPrecision: round3(committed.filter((p) => argmax(p.logits) === p.label).length / committed.length),
    committedRecallPerLevel: Object.fromEntries(VALUE_LEVELS.map((level, c) => [level, committedRecall[c]])),
  };
}

function markdownTable(tenFold: ReturnType<typeof summarise>, byFunction: ReturnType<typeof summarise>): string {
  const rows = [
    '| measure | stratified 10-fold | leave one function out |',
    '| --- | --- | --- |',
    `| accuracy (every statement, top level) | ${tenFold.accuracy} | ${byFunction.accuracy} |`,
    `| macro recall (every statement) | ${tenFold.macroRecall} | ${byFunction.macroRecall} |`,
    ...VALUE_LEVELS.map(
      (level) => `| recall ${level.toLowerCase()} | ${tenFold.recallPerLevel[level]} | ${byFunction.recallPerLevel[level]} |`,
    ),
    `| accuracy on hard cases | ${tenFold.hardCaseAccuracy} | ${byFunction.hardCaseAccuracy} |`,
    `| coverage (share committed, rest UNCLASSIFIED) | ${tenFold.coverage} | ${byFunction.coverage} |`,
    `| precision of committed items | ${tenFold.committedPrecision} | ${byFunction.committedPrecision} |`,
  ];
  return rows.join('\n');
}

const argmax = (values: readonly number[]) => values.indexOf(Math.max(...values));
const round2 = (value: number) => Math.round(value * 100) / 100;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const round4 = (value: number) => Math.round(value * 10000) / 10000;

void main();
