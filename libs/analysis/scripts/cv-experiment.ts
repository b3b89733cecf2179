import { VALUE_LEVELS } from '@rolemap/domain';
import { readCorpus } from '../src/classify/corpus/read-corpus';
import { statementFeatures } from '../src/classify/features/statement-features';
import { normaliseStatement } from '../src/classify/nlp/normalise-statement';
import { DEFAULT_TRAINING, logitsOf, softmax, trainSoftmaxRegression } from '../src/classify/model/softmax-regression';

const corpus = readCorpus();
const t0 = performance.now();
const examples = corpus.map((s) => ({ features: statementFeatures(normaliseStatement(s.text)).map((f) => f.name), label: VALUE_LEVELS.indexOf(s.level) }));
console.log('features ms', (performance.now() - t0).toFixed(0), 'per s', (corpus.length / ((performance.now() - t0) / 1000)).toFixed(0));
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;
const ex = examples.map((e) => ({ ...e, features: only ? e.features.filter((f) => only.test(f)) : e.features }));
function cv(folds: number[][], opts = DEFAULT_TRAINING) {
  const pred = new Array(corpus.length);
  for (const test of folds) {
    const testSet = new Set(test);
    const model = trainSoftmaxRegression(ex.filter((_, i) => !testSet.has(i)), { ...opts, classes: 4 });
    for (const i of test) pred[i] = softmax(logitsOf(model, ex[i].features));
  }
  return pred as number[][];
}
function report(name: string, pred: number[][]) {
  const recall = VALUE_LEVELS.map((_, c) => { const idx = corpus.map((s, i) => i).filter((i) => ex[i].label === c); return idx.filter((i) => argmax(pred[i]) === c).length / idx.length; });
  const hard = corpus.map((s, i) => i).filter((i) => corpus[i].hard);
  const acc = corpus.filter((_, i) => argmax(pred[i]) === ex[i].label).length / corpus.length;
  const hardAcc = hard.filter((i) => argmax(pred[i]) === ex[i].label).length / hard.length;
  console.log(name, 'acc', acc.toFixed(3), 'macroRecall', (recall.reduce((a, b) => a + b) / 4).toFixed(3), recall.map((r) => r.toFixed(3)).join(' '), 'hard', hardAcc.toFixed(3));
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9]) { const c = corpus.map((_, i) => i).filter((i) => Math.max(...pred[i]) >= t); const p = c.filter((i) => argmax(pred[i]) === ex[i].label).length / c.length; console.log(`   t=${t} coverage ${(c.length / corpus.length).toFixed(3)} precision ${p.toFixed(3)}`); }
}
const argmax = (a: number[]) => a.indexOf(Math.max(...a));
const k = 10; const order = corpus.map((_, i) => i).sort((a, b) => ((a * 7919) % 2118) - ((b * 7919) % 2118));
const kfold: number[][] = Array.from({ length: k }, () => []); order.forEach((i, n) => kfold[n % k].push(i));
const fns = [...new Set(corpus.map((s) => s.function))];
const lofo = fns.map((fn) => corpus.map((_, i) => i).filter((i) => corpus[i].function === fn));
const grid = process.env.GRID ? JSON.parse(process.env.GRID) : [DEFAULT_TRAINING];
for (const g of grid) { const o = { ...DEFAULT_TRAINING, ...g }; console.log(JSON.stringify(o)); report('10fold', cv(kfold, o)); const p = cv(lofo, o); report('LOFO', p);
 if (process.env.ERR) corpus.forEach((s, i) => { if (argmax(p[i]) !== ex[i].label) console.log('  ERR', s.level.slice(0, 4), '->', VALUE_LEVELS[argmax(p[i])].slice(0, 4), Math.max(...p[i]).toFixed(2), s.hard ? 'H' : ' ', s.text); }); }
