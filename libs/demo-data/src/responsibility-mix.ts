import { VALUE_LEVELS, type ValueLevel, type ValueMix } from '@rolemap/domain';
import type { Random } from './random';
import { COMMON_ITEMS, MIX_PROFILES, type RoleFamily, type VocabularyItem } from './responsibility-vocabulary';

export interface DraftResponsibility {
  item: VocabularyItem;
  sharePct: number;
}

export interface DraftOptions {
  /** Shares add up to exactly 100: the person has no spare capacity to take on delegated work. */
  fullyBooked?: boolean;
}

/**
 * Picks 2-6 responsibilities for an ordinary (non-story) holder of a role. Shares follow the
 * role's expected mix with a little noise, in steps of 5 like people fill in HR surveys, and
 * add up to 100 or a bit less. Leaders' implementation share is never nudged upwards, so
 * ordinary people stay clear of findings and only the scripted stories trigger them.
 */
export function draftResponsibilities(family: RoleFamily, random: Random, options: DraftOptions = {}): DraftResponsibility[] {
  const isIc = family.profile === 'IC';
  const mix: ValueMix = { ...MIX_PROFILES[family.profile] };
  if (random.chance(0.6)) nudgeMix(mix, random, isIc);

  // Some ICs list only their two main duties; others leave a little time unaccounted for.
  // (Leaders always list all four levels: dropping some would inflate their implementation ratio.)
  const focused = isIc && !options.fullyBooked && random.chance(0.15);
  if (focused) {
    // The second duty absorbs most of the minor ones' time, so the total stays at 95.
    const [, second, ...minor] = [...VALUE_LEVELS].sort((a, b) => mix[b] - mix[a]);
    for (const level of minor) {
      mix[second] += mix[level];
      mix[level] = 0;
    }
    mix[second] -= 5;
  } else if (!options.fullyBooked && random.chance(0.3)) {
    const largest = VALUE_LEVELS.reduce((a, b) => (mix[b] > mix[a] ? b : a));
    mix[largest] -= 5;
  }

  const drafts: DraftResponsibility[] = [];
  for (const level of VALUE_LEVELS) {
    const share = mix[level];
    if (share <= 0) continue;
    const wanted = share >= 40 && !focused ? 2 : 1;
    const pool = candidatePool(family, level, random);
    const picked = pool.slice(0, wanted);
    if (picked.length === 0) continue;
    const shares = picked.length === 2 ? splitShare(share, random) : [share];
    picked.forEach((entry, index) => drafts.push({ item: entry, sharePct: shares[index] }));
  }

  if (options.fullyBooked) topUpToFull(drafts, isIc);
  return drafts;
}

function nudgeMix(mix: ValueMix, random: Random, isIc: boolean): void {
  const from = random.pick(VALUE_LEVELS.filter((level) => mix[level] >= 10));
  const to = random.pick(VALUE_LEVELS.filter((level) => level !== from && (isIc || level !== 'IMPLEMENTATION')));
  mix[from] -= 5;
  mix[to] += 5;
}

/** The role's own items first (they make the story specific), then the profile's generic ones. */
function candidatePool(family: RoleFamily, level: ValueLevel, random: Random): VocabularyItem[] {
  const own = family.items.filter((entry) => entry.level === level);
  const ownTexts = new Set(own.map((entry) => entry.text));
  const common = COMMON_ITEMS[family.profile].filter((entry) => entry.level === level && !ownTexts.has(entry.text));
  return [...random.shuffled(own), ...random.shuffled(common)];
}

/** Splits a level's share over two items, each at least 10 and a multiple of 5, the first the larger. */
function splitShare(share: number, random: Random): [number, number] {
  const first = 5 * random.int(Math.ceil(share / 10), Math.floor((share - 10) / 5));
  return [first, share - first];
}

function topUpToFull(drafts: DraftResponsibility[], isIc: boolean): void {
  const missing = 100 - drafts.reduce((sum, draft) => sum + draft.sharePct, 0);
  if (missing <= 0 || drafts.length === 0) return;
  // Leaders absorb the slack in coordination or leadership work, never in hands-on work.
  const eligible = isIc ? drafts : drafts.filter((draft) => draft.item.level !== 'IMPLEMENTATION');
  const target = (eligible.length > 0 ? eligible : drafts).reduce((a, b) => (b.sharePct > a.sharePct ? b : a));
  target.sharePct += missing;
}
