import {
  type RolePurposeLookup,
  type Tier,
  type ValueLevel,
  VALUE_LEVEL_LABELS,
  type ValueLevelPolicy,
  writtenPurposeOf,
} from '@rolemap/domain';
import { formatPct, WORK_AT_LEVEL } from './level-advice';
import { LEVELS_TOP_DOWN } from './report-context';
import type {
  AccountabilityGroup,
  DecisionRight,
  DecisionRightKind,
  PositionRef,
  ResponsibilityGroup,
  RolePurpose,
} from './report-types';

/**
 * The parts of a role definition that are read off the model rather than recorded: key
 * accountabilities, decision rights and a draft purpose. Pure functions, so the PDF, the
 * spreadsheets and the role page all say the same.
 */

/** At most this many accountabilities per role: what a one- or two-page definition can list. */
export const KEY_ACCOUNTABILITY_LIMIT = 10;

/**
 * The role's key accountabilities: its responsibilities grouped by level (highest first), the
 * largest of each level always kept so no level the role works at disappears, the rest by
 * share up to KEY_ACCOUNTABILITY_LIMIT; what is left out is counted per level with its share.
 */
export function keyAccountabilitiesOf(
  groups: readonly ResponsibilityGroup[],
  limit = KEY_ACCOUNTABILITY_LIMIT,
): AccountabilityGroup[] {
  const kept = new Set<string>();
  for (const group of groups) if (group.responsibilities[0]) kept.add(group.responsibilities[0].id);
  const rest = groups
    .flatMap((group, groupIndex) => group.responsibilities.slice(1).map((item, i) => ({ item, order: groupIndex * 1e6 + i })))
    .sort((a, b) => b.item.sharePct - a.item.sharePct || a.order - b.order);
  for (const { item } of rest) {
    if (kept.size >= Math.max(limit, groups.length)) break;
    kept.add(item.id);
  }
  return groups.map((group) => {
    const items = group.responsibilities.filter((item) => kept.has(item.id));
    const others = group.responsibilities.filter((item) => !kept.has(item.id));
    return {
      level: group.level,
      label: group.label,
      sharePct: group.actualPct,
      expectedPct: group.expectedPct,
      items: items.map((item) => ({
        responsibilityId: item.id,
        title: item.title,
        sharePct: item.sharePct,
        carriedOver: item.carriedOver,
      })),
      otherCount: others.length,
      otherSharePct: round2(others.reduce((sum, item) => sum + item.sharePct, 0)),
    };
  });
}

/** Expected share of time (of the tier, by policy) from which the role decides at a level. */
export const DECIDES_FROM_PCT = 25;
/** From which it recommends; below it, but above zero, it is consulted. */
export const RECOMMENDS_FROM_PCT = 10;

export const DECISION_RIGHT_LABELS: Record<DecisionRightKind, string> = {
  DECIDES: 'Decides',
  RECOMMENDS: 'Recommends',
  CONSULTED: 'Is consulted on',
};

export const DECISION_RIGHTS_SOURCE =
  'Derived from the tier’s expected mix in the organization’s value-level policy: at a level where the tier is ' +
  `expected to spend at least ${DECIDES_FROM_PCT}% of its time the role decides, from ${RECOMMENDS_FROM_PCT}% it ` +
  'recommends, below that it is consulted; a role with reports decides for its own team, one without for its own work.';

/** What a decision at each level is about, for a role with a team and for one without. */
const MATTERS: Record<ValueLevel, { team: string; own: string }> = {
  LEADERSHIP: {
    team: 'the direction and strategy of its area, and who leads in it',
    own: 'the direction and priorities of the team it belongs to',
  },
  COMMUNICATION: {
    team: 'what the team reports upward and agrees with peers and stakeholders',
    own: 'what is reported and agreed with stakeholders about its work',
  },
  UNIFICATION: {
    team: 'the team’s plans, priorities and standards, and who does what',
    own: 'how work is planned and coordinated with colleagues',
  },
  IMPLEMENTATION: {
    team: 'how the team’s work is done and when it is finished',
    own: 'how its own work is done and when it is finished',
  },
};

const TIER_NOUNS: Record<Tier, string> = {
  IC: 'an individual contributor',
  MANAGER: 'a manager',
  DIRECTOR: 'a director',
  EXECUTIVE: 'an executive',
};

/**
 * What the role decides, recommends and is consulted on, one line per value level (highest
 * first), from the share of time the policy expects of its tier at that level. A level the
 * policy gives the tier no time at is left out.
 */
export function decisionRightsOf(tier: Tier, policy: ValueLevelPolicy, directReports: number): DecisionRight[] {
  const expected = policy.expectedMix[tier];
  const rights: DecisionRight[] = [];
  for (const level of LEVELS_TOP_DOWN) {
    const pct = expected[level];
    if (!(pct > 0)) continue;
    const right: DecisionRightKind =
      pct >= DECIDES_FROM_PCT ? 'DECIDES' : pct >= RECOMMENDS_FROM_PCT ? 'RECOMMENDS' : 'CONSULTED';
    rights.push({
      level,
      label: VALUE_LEVEL_LABELS[level],
      right,
      rightLabel: DECISION_RIGHT_LABELS[right],
      matter: directReports > 0 ? MATTERS[level].team : MATTERS[level].own,
      expectedPct: pct,
      basis: `The policy expects ${formatPct(pct)} ${VALUE_LEVEL_LABELS[level].toLowerCase()} work of ${TIER_NOUNS[tier]}`,
    });
  }
  return rights;
}

export interface PurposeFacts {
  externalId: string;
  title: string;
  tier: Tier;
  department: string | null;
  manager: PositionRef | null;
  directReports: number;
  totalReports: number;
  accountabilities: readonly AccountabilityGroup[];
}

/** HR's written purpose, or a draft from the tier, the policy and the main accountabilities. */
export function purposeOf(facts: PurposeFacts, policy: ValueLevelPolicy, lookup: RolePurposeLookup | undefined): RolePurpose {
  const written = writtenPurposeOf(lookup, facts);
  if (written) {
    return { text: written.text, status: 'WRITTEN', appliesTo: written.appliesTo, setBy: written.setBy, setAt: written.setAt };
  }
  return { text: draftPurposeOf(facts, policy), status: 'DRAFT', appliesTo: null, setBy: null, setAt: null };
}

/**
 * "A manager role in Engineering, reporting to the Director of Engineering, leading 6 people
 * directly (14 in all). Its time should go mostly to unification (35%): coordination… Its main
 * accountabilities: “Plan the sprint”, “Run the weekly sync”."
 */
export function draftPurposeOf(facts: PurposeFacts, policy: ValueLevelPolicy): string {
  const tierNoun = TIER_NOUNS[facts.tier];
  const expected = policy.expectedMix[facts.tier];
  const where = facts.department ? ` in ${facts.department}` : '';
  const reportsTo = facts.manager ? `, reporting to the ${facts.manager.title}` : ', at the top of the organization';
  const team =
    facts.directReports > 0
      ? `, leading ${facts.directReports} ${facts.directReports === 1 ? 'person' : 'people'} directly` +
        (facts.totalReports > facts.directReports ? ` (${facts.totalReports} in all)` : '')
      : '';
  const sentences = [`${capitalise(tierNoun)} role${where}${reportsTo}${team}.`];

  const topShare = Math.max(...LEVELS_TOP_DOWN.map((level) => expected[level]));
  const mainLevels = LEVELS_TOP_DOWN.filter((level) => expected[level] === topShare);
  const levelWords = listWords(mainLevels.map((level) => VALUE_LEVEL_LABELS[level].toLowerCase()));
  sentences.push(
    `Its time should go mostly to ${levelWords} (${formatPct(topShare)}${mainLevels.length > 1 ? ' each' : ''}): ${mainLevels
      .map((level) => WORK_AT_LEVEL[level])
      .join('; ')}.`,
  );

  // Accountabilities at the levels the role decides at describe the role; work below it describes its holder.
  const atLevel = facts.accountabilities
    .filter((group) => expected[group.level] >= DECIDES_FROM_PCT)
    .flatMap((group) => group.items)
    .sort((a, b) => b.sharePct - a.sharePct)
    .slice(0, 3);
  if (atLevel.length > 0) {
    sentences.push(`Its main accountabilities: ${atLevel.map((item) => `“${item.title}”`).join(', ')}.`);
  }
  return sentences.join(' ');
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
