import { nounClassesOf, PERSONAL_MARKERS } from '../nlp/lexicon';
import type { NounPhrase, ParsedClause, StatementToken } from '../nlp/parse-statement';
import { parseStatement } from '../nlp/parse-statement';

/**
 * The model's inputs for one statement: lemma unigrams and bigrams, and the structure around
 * the main verb — the verb with its object's head and word classes, the prepositional phrases
 * (to whom, for whom) and the "personally / hands-on" markers. Each feature carries the words it
 * came from, so the classifier can show which words decided a level.
 */
export interface StatementFeature {
  name: string;
  /** The words of the statement behind the feature, as a reviewer would recognise them. */
  words: string;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PUNCT', 'PART', 'PRON', 'AUX', 'SYM', 'NUM', 'INTJ', 'SPACE']);
const STOP_LEMMAS = new Set(['be', 'have', 'do', 'etc', 'e.g.', 'i.e.', 'also', 'as', 'well', 'when', 'where', '-', "'s"]);

export function statementFeatures(normalised: string): StatementFeature[] {
  return featuresOfClauses(parseStatement(normalised));
}

export function featuresOfClauses(clauses: readonly ParsedClause[]): StatementFeature[] {
  const features = new Map<string, string>();
  const add = (name: string, words: string) => {
    if (!features.has(name)) features.set(name, words);
  };
  clauses.forEach((clause, index) => {
    addWordFeatures(clause.tokens, add);
    if (index === 0) add(`shape:${clause.shape}`, '');
    if (clause.frame) add(`frame:${clause.frame}`, clause.frame);
    addStructureFeatures(clause, add);
  });
  return [...features].map(([name, words]) => ({ name, words }));
}

/** The content words of a statement (lemmas), for telling known wording from unknown. */
export function isContentToken(token: StatementToken): boolean {
  return !FUNCTION_POS.has(token.pos) && !STOP_LEMMAS.has(token.lemma) && /[a-z]/.test(token.lemma);
}

type Add = (name: string, words: string) => void;

function addWordFeatures(tokens: readonly StatementToken[], add: Add): void {
  let previous: StatementToken | null = null;
  for (const token of tokens) {
    if (!isContentToken(token)) {
      // A function word between two content words still breaks the bigram only if it is a conjunction.
      if (token.pos === 'CCONJ' || token.pos === 'PUNCT') previous = null;
      continue;
    }
    add(`w:${token.lemma}`, token.text);
    if (PERSONAL_MARKERS.has(token.lemma) || PERSONAL_MARKERS.has(token.text)) add('m:personal', token.text);
    if (previous) add(`ww:${previous.lemma}_${token.lemma}`, `${previous.text} ${token.text}`);
    previous = token;
  }
}

function addStructureFeatures(clause: ParsedClause, add: Add): void {
  const { verbs, object, phrases } = clause;
  if (verbs.length === 0) {
    if (object) addNounPhrase('np', object, add);
  }
  for (const verb of verbs) {
    add(`v:${verb.lemma}`, verb.text);
    if (object) {
      add(`vo:${verb.lemma}|${object.head.lemma}`, `${verb.text} … ${object.head.text}`);
      add(`o:${object.head.lemma}`, object.head.text);
      for (const word of object.words) {
        for (const wordClass of nounClassesOf(word.lemma)) {
          add(`vc:${verb.lemma}|${wordClass}`, `${verb.text} … ${word.text}`);
          add(`oc:${wordClass}`, word.text);
        }
        if (word !== object.head) add(`vm:${verb.lemma}|${word.lemma}`, `${verb.text} … ${word.text}`);
      }
    } else {
      add(`v0:${verb.lemma}`, verb.text);
    }
  }
  for (const { preposition, phrase } of phrases) {
    add(`p:${preposition}|${phrase.head.lemma}`, `${preposition} ${phrase.head.text}`);
    for (const word of phrase.words) {
      for (const wordClass of nounClassesOf(word.lemma)) {
        add(`pc:${preposition}|${wordClass}`, `${preposition} ${word.text}`);
        if (verbs[0]) add(`vp:${verbs[0].lemma}|${preposition}|${wordClass}`, `${verbs[0].text} … ${preposition} ${word.text}`);
      }
    }
  }
}

function addNounPhrase(prefix: string, phrase: NounPhrase, add: Add): void {
  add(`${prefix}:${phrase.head.lemma}`, phrase.head.text);
  for (const word of phrase.words) {
    if (word !== phrase.head) add(`${prefix}m:${word.lemma}|${phrase.head.lemma}`, `${word.text} ${phrase.head.text}`);
    for (const wordClass of nounClassesOf(word.lemma)) add(`${prefix}c:${wordClass}`, word.text);
  }
}
