import { type ResponsibilityLevel, UNCLASSIFIED, VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { featuresOfClauses, isContentToken } from './features/statement-features';
import { type ClassifierModel, committedModel } from './model/classifier-model';
import { logitsOf, softmax } from './model/softmax-regression';
import { confirmedTextKey, normaliseStatement, unreadableReason, type UnreadableReason } from './nlp/normalise-statement';
import { type ParsedClause, parseStatement } from './nlp/parse-statement';

/**
 * Why a statement was left UNCLASSIFIED: it could not be read (empty, too long, no words, not
 * English), its words are unknown to the model, or the model was not confident enough.
 */
export type UnclassifiedReason = UnreadableReason | 'UNKNOWN_WORDING' | 'LOW_CONFIDENCE';

export const UNCLASSIFIED_REASON_TEXT: Readonly<Record<UnclassifiedReason, string>> = {
  EMPTY: 'the text is empty',
  TOO_LONG: 'the text is longer than 2,000 characters',
  NO_WORDS: 'the text has no words',
  NOT_ENGLISH: 'the text does not look like English',
  UNKNOWN_WORDING: 'too few of its words are known to the classifier',
  LOW_CONFIDENCE: 'the wording fits more than one level',
};

export interface Classification {
  /** The committed level, or UNCLASSIFIED when the classifier abstains. */
  level: ResponsibilityLevel;
  /** Calibrated probability (0-1) that `suggestedLevel` is right; 0 when the text could not be read. */
  confidence: number;
  /** The likeliest level even when abstaining (what a reviewer would confirm); null when the text cannot be judged. */
  suggestedLevel: ValueLevel | null;
  /** The second likeliest level and its probability. */
  runnerUp: ValueLevel | null;
  runnerUpConfidence: number;
  /** Calibrated probability per level, adding up to 1 (all 0 when unreadable). */
  probabilities: Record<ValueLevel, number>;
  /** Same as `probabilities`; kept under its earlier name for existing callers. */
  scores: Record<ValueLevel, number>;
  /** The words that weighed most for the suggested level over the runner-up, in order of weight. */
  decidingWords: string[];
  /** Same as `decidingWords`; kept under its earlier name for existing callers. */
  matchedTerms: string[];
  /** Why the text is UNCLASSIFIED; null when a level was committed. */
  reason: UnclassifiedReason | null;
  /** MODEL: the trained model; CONFIRMED: HR confirmed this exact wording; NONE: text the model cannot judge. */
  source: 'MODEL' | 'CONFIRMED' | 'NONE';
}

export interface ClassifierOptions {
  /**
   * Wording HR has confirmed in this organization, by `confirmedTextKey(text)` (raw texts are
   * normalised too): an exact-match memory consulted before the model.
   */
  confirmed?: ReadonlyMap<string, ValueLevel>;
  /** Overrides the calibrated commit threshold (tests, what-if runs). */
  commitThreshold?: number;
  /** Defaults to the committed model. */
  model?: ClassifierModel;
}

export interface ResponsibilityClassifier {
  classify(text: string): Classification;
  /** Classifies many statements; identical texts are read once. */
  classifyBatch(texts: readonly string[]): Classification[];
}

/** At most this many words shown as deciding a level. */
const DECIDING_WORDS = 3;
/**
 * A statement must share at least this share of its content words with the corpus to be
 * judged; a quarter leaves room for names of products, places and clients.
 */
const MIN_KNOWN_WORD_SHARE = 0.25;
/** Below this share of known words, two or more foreign function words mean another language. */
const FOREIGN_KNOWN_WORD_SHARE = 0.5;
/** Function words of the languages HR files most often arrive in besides English. */
const FOREIGN_FUNCTION_WORDS = new Set(
  'de la le les des du et une un est pour avec dans sur der die das und ein eine mit für von zu den im el los las y para con una por del il di che per gli della het een van voor en och att på för är som'.split(
    ' ',
  ),
);
/** Texts remembered per classifier; an import repeats the same few hundred wordings many times. */
const CACHE_LIMIT = 50_000;

/**
 * A classifier bound to an organization's confirmed wording. Reuse one per import or request:
 * it caches results per distinct text.
 */
export function createClassifier(options: ClassifierOptions = {}): ResponsibilityClassifier {
  const confirmed = new Map<string, ValueLevel>();
  for (const [text, level] of options.confirmed ?? []) confirmed.set(confirmedTextKey(text), level);
  const cache = new Map<string, Classification>();
  const classify = (text: string): Classification => {
    let result = cache.get(text);
    if (result === undefined) {
      result = classifyText(text, confirmed, options);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
  return { classify, classifyBatch: (texts) => texts.map(classify) };
}

let defaultClassifier: ResponsibilityClassifier | null = null;

/** Places a responsibility on a value level, or leaves it UNCLASSIFIED with a reason. Never throws on bad text. */
export function classifyResponsibility(text: string): Classification {
  defaultClassifier ??= createClassifier();
  return defaultClassifier.classify(text);
}

function classifyText(text: string, confirmed: ReadonlyMap<string, ValueLevel>, options: ClassifierOptions): Classification {
  const unreadable = typeof text === 'string' ? unreadableReason(text) : 'EMPTY';
  if (unreadable) return unreadableResult(unreadable);
  const confirmedLevel = confirmed.size > 0 ? confirmed.get(confirmedTextKey(text)) : undefined;
  if (confirmedLevel) return confirmedResult(confirmedLevel);

  const model = options.model ?? committedModel();
  const clauses = parseStatement(normaliseStatement(text));
  const features = featuresOfClauses(clauses);
  const knowledge = wordKnowledge(clauses, model);
  if (knowledge.content === 0) return unreadableResult('NO_WORDS');
  const knownShare = knowledge.known / knowledge.content;
  if (knowledge.foreign && knownShare < FOREIGN_KNOWN_WORD_SHARE) return unreadableResult('NOT_ENGLISH');
  // With too few known words the probabilities would only echo the corpus's level mix: no suggestion.
  if (knownShare < MIN_KNOWN_WORD_SHARE) return unreadableResult('UNKNOWN_WORDING');

  const logits = logitsOf(
    model,
    features.map((feature) => feature.name),
  );
  const probabilityList = softmax(logits, model.temperature);
  const ranked = VALUE_LEVELS.map((level, index) => ({ level, index, probability: probabilityList[index] })).sort(
    (a, b) => b.probability - a.probability,
  );
  const [top, second] = ranked;
  const probabilities = Object.fromEntries(VALUE_LEVELS.map((level, i) => [level, round3(probabilityList[i])])) as Record<
    ValueLevel,
    number
  >;
  const decidingWords = decidingWordsFor(model, features, top.index, second.index);
  const reason: UnclassifiedReason | null =
    top.probability < (options.commitThreshold ?? model.commitThreshold) ? 'LOW_CONFIDENCE' : null;
  return {
    level: reason ? UNCLASSIFIED : top.level,
    confidence: round3(top.probability),
    suggestedLevel: top.level,
    runnerUp: second.level,
    runnerUpConfidence: round3(second.probability),
    probabilities,
    scores: probabilities,
    decidingWords,
    matchedTerms: decidingWords,
    reason,
    source: 'MODEL',
  };
}

/** How many content words the statement has, how many the model has seen, and whether it reads as another language. */
function wordKnowledge(
  clauses: readonly ParsedClause[],
  model: ClassifierModel,
): { content: number; known: number; foreign: boolean } {
  let content = 0;
  let known = 0;
  let foreign = 0;
  for (const clause of clauses) {
    for (const token of clause.tokens) {
      if (FOREIGN_FUNCTION_WORDS.has(token.text)) foreign++;
      if (!isContentToken(token)) continue;
      content++;
      if (model.weights.has(`w:${token.lemma}`)) known++;
    }
  }
  return { content, known, foreign: foreign >= 2 };
}

/**
 * The features that pushed the top level above the runner-up most, as the words they came
 * from: what a reviewer needs to see to agree or correct.
 */
function decidingWordsFor(
  model: ClassifierModel,
  features: readonly { name: string; words: string }[],
  top: number,
  second: number,
): string[] {
  const contributions: { words: string; weight: number }[] = [];
  for (const feature of features) {
    const weights = model.weights.get(feature.name);
    if (!weights || feature.words === '') continue;
    const weight = weights[top] - weights[second];
    if (weight > 0) contributions.push({ words: feature.words, weight });
  }
  contributions.sort((a, b) => b.weight - a.weight);
  const words: string[] = [];
  for (const { words: text } of contributions) {
    if (words.length >= DECIDING_WORDS) break;
    if (!words.includes(text)) words.push(text);
  }
  return words;
}

function unreadableResult(reason: UnclassifiedReason): Classification {
  const zero = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
  return {
    level: UNCLASSIFIED,
    confidence: 0,
    suggestedLevel: null,
    runnerUp: null,
    runnerUpConfidence: 0,
    probabilities: zero,
    scores: zero,
    decidingWords: [],
    matchedTerms: [],
    reason,
    source: 'NONE',
  };
}

function confirmedResult(level: ValueLevel): Classification {
  const probabilities = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0, [level]: 1 };
  return {
    level,
    confidence: 1,
    suggestedLevel: level,
    runnerUp: null,
    runnerUpConfidence: 0,
    probabilities,
    scores: probabilities,
    decidingWords: [],
    matchedTerms: [],
    reason: null,
    source: 'CONFIRMED',
  };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
