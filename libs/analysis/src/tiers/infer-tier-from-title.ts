import { type Tier, tierRank } from '@rolemap/domain';
import { wordsOf } from '../text/words';
import { SUPPORTED_LEADER_WORDS, TITLE_EXCEPTIONS, TITLE_KEYWORDS, type TitleRule } from './title-rules';

export interface TitleTierMatch {
  tier: Tier;
  /** The words of the title that decided it, e.g. "vice president" or "product manager". */
  matched: string;
  /** KEYWORD: a leadership word. EXCEPTION: a listed look-alike (see TITLE_EXCEPTIONS) or a support role. */
  rule: 'KEYWORD' | 'EXCEPTION';
  why: string;
}

// Rules grouped by first word, longest phrase first, so "key account manager" beats "manager".
const RULES_BY_FIRST_WORD: ReadonlyMap<string, ReadonlyArray<{ words: string[]; rule: TitleRule }>> = (() => {
  const byFirst = new Map<string, Array<{ words: string[]; rule: TitleRule }>>();
  for (const rule of [...TITLE_EXCEPTIONS, ...TITLE_KEYWORDS]) {
    const words = rule.phrase.split(' ');
    const list = byFirst.get(words[0]) ?? [];
    list.push({ words, rule });
    byFirst.set(words[0], list);
  }
  // Stable sort: at equal length the exception (listed first) wins over the keyword.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
})();

const SUPPORT_ROLE_WHY = 'supports a leader; the leadership word names whom they support';

/**
 * Reads a tier from a job title: whole words, any case, punctuation ignored. Returns null
 * when no rule applies (an individual contributor title such as "Software Engineer").
 * When several rules match, the highest tier wins ("Senior Product Manager, Team Lead"
 * is a MANAGER: the exception covers "product manager", not "lead").
 */
export function inferTierFromTitle(title: string): TitleTierMatch | null {
  const words = wordsOf(title);
  const supportClauseAt = supportClauseStart(words);
  const considered = supportClauseAt === -1 ? words : words.slice(0, supportClauseAt);

  let best: TitleRule | null = null;
  for (let i = 0; i < considered.length; ) {
    const match = longestRuleAt(considered, i);
    if (!match) {
      i++;
      continue;
    }
    if (!best || tierRank(match.rule.tier) > tierRank(best.tier)) best = match.rule;
    i += match.words.length;
  }
  if (best) return { tier: best.tier, matched: best.phrase, rule: best.kind, why: best.why };
  if (supportClauseAt !== -1) {
    return { tier: 'IC', matched: words.slice(supportClauseAt).join(' '), rule: 'EXCEPTION', why: SUPPORT_ROLE_WHY };
  }
  return null;
}

function longestRuleAt(words: readonly string[], start: number): { words: string[]; rule: TitleRule } | undefined {
  const candidates = RULES_BY_FIRST_WORD.get(words[start]);
  if (!candidates) return undefined;
  return candidates.find((candidate) => candidate.words.every((word, offset) => words[start + offset] === word));
}

/** Index of "to" in "… to the CEO" / "… to VP Sales", or -1. Needs words before it. */
function supportClauseStart(words: readonly string[]): number {
  for (let i = 1; i < words.length - 1; i++) {
    if (words[i] !== 'to') continue;
    let next = i + 1;
    while (next < words.length && (words[next] === 'the' || words[next] === 'our')) next++;
    if (next < words.length && SUPPORTED_LEADER_WORDS.has(words[next])) return i;
  }
  return -1;
}
