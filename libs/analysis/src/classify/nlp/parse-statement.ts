import type winkNLP from 'wink-nlp';
import type { ItsFunction } from 'wink-nlp';

/**
 * A shallow reading of a responsibility: its words as lemmas with parts of speech (wink-nlp
 * and its English model, loaded from the npm package, nothing downloaded), and per clause the
 * main verb(s), what they act on and the prepositional phrases that say for whom or to whom.
 */
export interface StatementToken {
  /** The word as written (lower-cased, shorthand spelt out). */
  text: string;
  /** Dictionary form in American spelling: "organising" → "organize", "managers" → "manager". */
  lemma: string;
  /** Universal part of speech: VERB, NOUN, ADP, … */
  pos: string;
}

export interface NounPhrase {
  head: StatementToken;
  /** Nouns and adjectives of the phrase, head included. */
  words: StatementToken[];
}

export interface PrepositionalPhrase {
  preposition: string;
  phrase: NounPhrase;
}

export type StatementShape = 'IMPERATIVE' | 'THIRD_PERSON' | 'GERUND' | 'NOUN_PHRASE';

export interface ParsedClause {
  tokens: StatementToken[];
  /** How the clause was framed before its verb, e.g. "accountable" for "Accountable for …". */
  frame: string | null;
  shape: StatementShape;
  /** The leading verb and any verbs joined to it ("review and approve"). Empty for noun phrases. */
  verbs: StatementToken[];
  /** What the verbs act on, or for a noun phrase the phrase itself. */
  object: NounPhrase | null;
  phrases: PrepositionalPhrase[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/**
 * The tagger, loaded on first use (about 150 ms, the model's modules included, so importing the
 * analysis costs nothing until a statement is parsed). Only part-of-speech tagging: sentence
 * splitting, sentiment and entities cost time and are unused.
 */
function tagger(): Nlp {
  if (!nlp) {
    const createNlp = require('wink-nlp') as typeof winkNLP;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0];
    nlp = createNlp(model, ['pos']);
  }
  return nlp;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'all',
  'our',
  'my',
  'their',
  'his',
  'her',
  'its',
  'each',
  'every',
  'any',
  'this',
  'these',
  'those',
  'some',
  'no',
]);
/** Plurals that open noun phrases; taken for third-person verbs they would be mis-tagged. */
const PLURAL_NOUN_STARTS = new Set([
  'operations',
  'sales',
  'analytics',
  'logistics',
  'status',
  'business',
  'process',
  'kpis',
  'okrs',
  'slas',
  'rfps',
  'qbrs',
  'news',
  'ops',
  'is',
  'was',
  'has',
  'this',
  'its',
  'his',
  'as',
  'us',
  'yes',
]);
/** Openers that frame the statement rather than say what is done. */
const FRAMING = new RegExp(
  [
    '^(?:(?:i|we|you|they|he|she)\\s+(?:will\\s+|also\\s+|am\\s+|are\\s+|is\\s+)*',
    '(?:will|also|to)\\s+',
    '(?:(?:is|are)\\s+)?(?:responsible|accountable)\\s+(?:for|to)\\s+',
    'responsibilit(?:y|ies)\\s+(?:for|include[s]?)\\s*:?\\s*',
    'duties\\s+include\\s*:?\\s*',
    'in\\s+charge\\s+of\\s+',
    '(?:able|ability)\\s+to\\s+)+',
  ].join('|'),
);
const CLAUSE_BREAK = /[\n;!?]|\.(?:\s|$)|\s[-/|]\s|:\s/;
/** Fused terms that say how the work is done, not what it is. */
const MANNER_WORDS = new Set(['daytoday', 'handson', 'personally']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'X', 'NUM', 'ADJ', 'PRON', 'DET', 'PART', 'SYM']);
const PREPOSITIONS = new Set([
  'to',
  'for',
  'with',
  'into',
  'at',
  'on',
  'across',
  'from',
  'between',
  'in',
  'of',
  'about',
  'within',
  'among',
  'through',
  'towards',
  'alongside',
  'by',
  'around',
  'against',
  'over',
  'as',
]);

/** Splits a normalised statement into clauses and reads each. */
export function parseStatement(normalised: string): ParsedClause[] {
  const clauses: ParsedClause[] = [];
  for (const part of normalised.split(CLAUSE_BREAK)) {
    const framing = FRAMING.exec(part.trim());
    const text = (framing ? part.trim().slice(framing[0].length) : part).trim();
    if (text === '') continue;
    clauses.push(parseClause(text, framing ? frameOf(framing[0]) : null));
  }
  return clauses;
}

/**
 * Tags one clause. Job descriptions open with a bare verb ("Plan the sprint", "Chair the
 * meeting") that a tagger trained on running text reads as a noun, so the clause is tagged
 * behind "to" ("she" for "Plans …", "she is" for "Planning …"), which puts the tagger in a
 * verb context.
 */
function parseClause(text: string, frame: string | null): ParsedClause {
  const first = text.split(' ', 1)[0];
  const prefix = contextPrefix(first);
  const nlp = tagger();
  const its = nlp.its;
  const doc = nlp.readDoc(prefix + text);
  const words = doc.tokens().out() as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  // The typings declare lemma with an extra argument it is never called with here.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: StatementToken[] = [];
  const prefixTokens = prefix === '' ? 0 : prefix.trim().split(' ').length;
  for (let i = prefixTokens; i < words.length; i++) {
    if (tags[i] === 'PUNCT' && words[i] !== '-') continue;
    tokens.push({ text: normals[i], lemma: lemmas[i], pos: MANNER_WORDS.has(normals[i]) ? 'ADV' : tags[i] });
  }
  const shape = shapeOf(first, tokens);
  const verbs: StatementToken[] = [];
  let next = 0;
  if (shape !== 'NOUN_PHRASE') {
    // Adverbs before the verb ("personally fix") are markers, not the verb.
    while (next < tokens.length && tokens[next].pos === 'ADV') next++;
    verbs.push(tokens[next]);
    next++;
    while (
      next + 1 < tokens.length &&
      tokens[next].pos === 'CCONJ' &&
      (tokens[next + 1].pos === 'VERB' || tokens[next + 1].pos === 'ADV')
    ) {
      let verb = next + 1;
      while (verb < tokens.length && tokens[verb].pos === 'ADV') verb++;
      if (verb >= tokens.length || tokens[verb].pos !== 'VERB') break;
      verbs.push(tokens[verb]);
      next = verb + 1;
    }
  }
  const objectRun = nounPhraseAt(tokens, next);
  const phrases: PrepositionalPhrase[] = [];
  for (let i = objectRun.end; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.pos !== 'ADP' && !(token.pos === 'PART' && token.text === 'to')) continue;
    if (!PREPOSITIONS.has(token.text)) continue;
    const run = nounPhraseAt(tokens, i + 1);
    if (run.phrase) phrases.push({ preposition: token.text, phrase: run.phrase });
  }
  return { tokens, frame, shape, verbs, object: objectRun.phrase, phrases };
}

/** "accountable for" and "responsible for" say something about seniority; pronouns and "will" do not. */
function frameOf(framing: string): string | null {
  const word = /\b(responsible|accountable|responsibilit|duties|charge|able|ability)/.exec(framing);
  return word ? word[1].replace('responsibilit', 'responsible').replace('ability', 'able') : null;
}

function contextPrefix(first: string): string {
  if (DETERMINERS.has(first) || /^\d/.test(first)) return '';
  // "Scheduling the night shift" alone reads as a noun phrase; behind "she is" the gerund is a verb.
  if (first.length > 4 && first.endsWith('ing')) return 'she is ';
  if (first.length > 3 && /[^s]s$/.test(first) && !PLURAL_NOUN_STARTS.has(first)) return 'she ';
  return 'to ';
}

function shapeOf(first: string, tokens: readonly StatementToken[]): StatementShape {
  let lead = 0;
  while (lead < tokens.length && tokens[lead].pos === 'ADV') lead++;
  if (lead >= tokens.length || tokens[lead].pos !== 'VERB') return 'NOUN_PHRASE';
  const verb = tokens[lead].text;
  if (verb.endsWith('ing') && verb.length > 4) return 'GERUND';
  if (first === verb && /[^s]s$/.test(verb)) return 'THIRD_PERSON';
  return 'IMPERATIVE';
}

/** The noun phrase starting at `start`: determiners, adjectives and nouns up to a preposition or verb. */
function nounPhraseAt(tokens: readonly StatementToken[], start: number): { phrase: NounPhrase | null; end: number } {
  let end = start;
  const words: StatementToken[] = [];
  let head: StatementToken | null = null;
  while (end < tokens.length) {
    const token = tokens[end];
    // "profit and loss", "unit, integration and load tests": a conjunction inside a noun phrase.
    const joinsNouns = token.pos === 'CCONJ' && end + 1 < tokens.length && NOUNISH.has(tokens[end + 1].pos) && words.length > 0;
    if (!NOUNISH.has(token.pos) && token.text !== '-' && !joinsNouns) break;
    if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'X') {
      head = token;
      words.push(token);
    } else if (token.pos === 'ADJ' || token.pos === 'NUM') {
      words.push(token);
    }
    end++;
  }
  if (!head && words.length > 0) head = words[words.length - 1];
  return { phrase: head ? { head, words } : null, end };
}
