/**
 * Multinomial logistic regression over binary features, with L2 regularisation, trained by
 * AdaGrad over shuffled passes. Small and deterministic (seeded), so retraining on the same
 * corpus gives the same weights.
 */
export interface TrainingExample {
  features: readonly string[];
  /** Index of the true class. */
  label: number;
}

export interface TrainingOptions {
  classes: number;
  /** L2 penalty on every weight an example touches. */
  l2: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface LinearModel {
  classes: number;
  bias: number[];
  /** Per feature, one weight per class. */
  weights: Map<string, number[]>;
}

export const DEFAULT_TRAINING: Omit<TrainingOptions, 'classes'> = { l2: 0.01, epochs: 30, learningRate: 0.2, seed: 12 };

export function trainSoftmaxRegression(examples: readonly TrainingExample[], options: TrainingOptions): LinearModel {
  const { classes, l2, epochs, learningRate } = options;
  const index = new Map<string, number>();
  const encoded = examples.map((example) => ({
    label: example.label,
    features: example.features.map((feature) => {
      let id = index.get(feature);
      if (id === undefined) {
        id = index.size;
        index.set(feature, id);
      }
      return id;
    }),
  }));
  const weights = new Float64Array(index.size * classes);
  const squaredGradients = new Float64Array(index.size * classes).fill(1e-8);
  const bias = new Float64Array(classes);
  const biasSquared = new Float64Array(classes).fill(1e-8);
  const probabilities = new Float64Array(classes);
  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { features, label } = encoded[i];
      for (let c = 0; c < classes; c++) {
        let logit = bias[c];
        for (const f of features) logit += weights[f * classes + c];
        probabilities[c] = logit;
      }
      softmaxInPlace(probabilities);
      for (let c = 0; c < classes; c++) {
        const error = probabilities[c] - (c === label ? 1 : 0);
        biasSquared[c] += error * error;
        bias[c] -= (learningRate * error) / Math.sqrt(biasSquared[c]);
        for (const f of features) {
          const k = f * classes + c;
          // L2 applied lazily, to the weights an example touches: rare features shrink less often,
          // which AdaGrad's per-weight step sizes already temper.
          const gradient = error + l2 * weights[k];
          squaredGradients[k] += gradient * gradient;
          weights[k] -= (learningRate * gradient) / Math.sqrt(squaredGradients[k]);
        }
      }
    }
  }
  const byFeature = new Map<string, number[]>();
  for (const [feature, id] of index) byFeature.set(feature, Array.from(weights.subarray(id * classes, (id + 1) * classes)));
  return { classes, bias: Array.from(bias), weights: byFeature };
}

export function logitsOf(model: LinearModel, features: readonly string[]): number[] {
  const logits = model.bias.slice();
  for (const feature of features) {
    const weights = model.weights.get(feature);
    if (!weights) continue;
    for (let c = 0; c < model.classes; c++) logits[c] += weights[c];
  }
  return logits;
}

/** Softmax of logits divided by a temperature (above 1 softens over-confident scores). */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  const scaled = Float64Array.from(logits, (logit) => logit / temperature);
  softmaxInPlace(scaled);
  return Array.from(scaled);
}

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.exp(values[i] - max);
    sum += values[i];
  }
  for (let i = 0; i < values.length; i++) values[i] /= sum;
}

/** mulberry32: a tiny seeded generator, so training runs are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
