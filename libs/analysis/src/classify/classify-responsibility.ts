import { type ValueLevel, VALUE_LEVELS } from '@rolemap/domain';
import { contentStems } from '../text/words';
import { VOCABULARY } from './vocabulary';

export interface Classification {
  level: ValueLevel;
  /** 0-1: how clearly the words point to one level. At most UNMATCHED_CONFIDENCE when nothing matched. */
  confidence: number;
  /** Vocabulary terms found for the chosen level, as written in the vocabulary, in text order. */
  matchedTerms: string[];
  /** Evidence per level, so a reviewer sees what else the text suggested. */
  scores: Record<ValueLevel, number>;
}

/**
 * Unexplained work is most often doing the work itself: leaders describe coordination,
 * communication and strategy with recognisable words, while hands-on tasks come in endless
 * specific names ("Q3 SOX walkthroughs"). So no match means IMPLEMENTATION, flagged by a low
 * confidence and no matched terms so a reviewer knows it was a default, not a reading.
 */
export const UNMATCHED_CONFIDENCE = 0.2;

/** A phrase scores more than its words would alone: it is much less ambiguous. */
const PHRASE_WEIGHT_PER_WORD = 1.5;
/** Words a phrase may skip inside the text ("set the three-year roadmap" still matches "set roadmap"). */
const PHRASE_GAP = 3;
/** Evidence at which a level is fully established (one two-word phrase, or three words). */
const FULL_EVIDENCE = 3;

interface VocabularyEntry {
  level: ValueLevel;
  term: string;
  stems: string[];
  weight: number;
}

const { singleByStem, phrasesByStem } = buildVocabularyIndex();

function buildVocabularyIndex() {
  const singleByStem = new Map<string, VocabularyEntry>();
  const phrasesByStem = new Map<string, VocabularyEntry[]>();
  for (const level of VALUE_LEVELS) {
    for (const word of VOCABULARY[level].words) {
      const [stem] = contentStems(word);
      const existing = singleByStem.get(stem);
      if (existing && existing.level !== level) {
        throw new Error(`Vocabulary word "${word}" (${level}) shares its stem with "${existing.term}" (${existing.level})`);
      }
      if (!existing) singleByStem.set(stem, { level, term: word, stems: [stem], weight: 1 });
    }
    for (const phrase of VOCABULARY[level].phrases) {
      const stems = Array.from(new Set(contentStems(phrase)));
      const entry: VocabularyEntry = { level, term: phrase, stems, weight: stems.length * PHRASE_WEIGHT_PER_WORD };
      for (const stem of stems) {
        const list = phrasesByStem.get(stem) ?? [];
        list.push(entry);
        phrasesByStem.set(stem, list);
      }
    }
  }
  // Longest phrase first, so "hire and develop leaders" claims its words before "develop leaders".
  for (const list of phrasesByStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { singleByStem, phrasesByStem };
}

interface Match {
  entry: VocabularyEntry;
  position: number;
}

/**
 * Places a responsibility on a value level from its wording. Phrases are matched first and
 * claim their words, so "develop leaders" counts once, for LEADERSHIP, and not also as
 * "develop" (IMPLEMENTATION). The level with the most evidence wins; on a tie, the level
 * whose evidence comes first, since responsibilities usually lead with their main verb.
 */
export function classifyResponsibility(text: string): Classification {
  const stems = contentStems(text);
  const claimed = new Array<boolean>(stems.length).fill(false);
  const matches: Match[] = [];

  for (let i = 0; i < stems.length; i++) {
    if (claimed[i]) continue;
    for (const phrase of phrasesByStem.get(stems[i]) ?? []) {
      const positions = phraseOccurrenceAt(phrase, stems, claimed, i);
      if (!positions) continue;
      for (const position of positions) claimed[position] = true;
      matches.push({ entry: phrase, position: i });
      break;
    }
  }
  for (let i = 0; i < stems.length; i++) {
    if (claimed[i]) continue;
    const entry = singleByStem.get(stems[i]);
    if (entry) matches.push({ entry, position: i });
  }

  const scores: Record<ValueLevel, number> = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };
  const firstPosition: Record<ValueLevel, number> = {
    IMPLEMENTATION: Infinity,
    UNIFICATION: Infinity,
    COMMUNICATION: Infinity,
    LEADERSHIP: Infinity,
  };
  for (const { entry, position } of matches) {
    scores[entry.level] += entry.weight;
    firstPosition[entry.level] = Math.min(firstPosition[entry.level], position);
  }
  if (matches.length === 0) {
    return { level: 'IMPLEMENTATION', confidence: UNMATCHED_CONFIDENCE, matchedTerms: [], scores };
  }

  let level: ValueLevel = 'IMPLEMENTATION';
  let total = 0;
  for (const candidate of VALUE_LEVELS) {
    total += scores[candidate];
    const better =
      scores[candidate] > scores[level] ||
      (scores[candidate] === scores[level] && firstPosition[candidate] < firstPosition[level]);
    if (better) level = candidate;
  }
  const matchedTerms = Array.from(
    new Set(
      matches
        .filter((match) => match.entry.level === level)
        .sort((a, b) => a.position - b.position)
        .map((match) => match.entry.term),
    ),
  );
  return { level, confidence: confidenceOf(scores[level], total), matchedTerms, scores };
}

/**
 * 0.35 to 0.95: the winning level's share of all evidence (is the text one-sided?) times how
 * much evidence there is (one word is a hint, a phrase is a statement). A single unopposed
 * word gives 0.55; a phrase gives 0.95; an even split between two levels stays below 0.5.
 */
function confidenceOf(winner: number, total: number): number {
  const oneSided = winner / total;
  const strength = Math.min(1, winner / FULL_EVIDENCE);
  return Math.round((0.35 + 0.6 * oneSided * strength) * 100) / 100;
}

/** Positions of all the phrase's stems in a window starting at `start` (any order), or null. */
function phraseOccurrenceAt(
  phrase: VocabularyEntry,
  stems: readonly string[],
  claimed: readonly boolean[],
  start: number,
): number[] | null {
  const end = Math.min(stems.length, start + phrase.stems.length + PHRASE_GAP);
  const positions: number[] = [];
  for (const stem of phrase.stems) {
    let found = -1;
    for (let i = start; i < end; i++) {
      if (!claimed[i] && stems[i] === stem && !positions.includes(i)) {
        found = i;
        break;
      }
    }
    if (found === -1) return null;
    positions.push(found);
  }
  return positions;
}
