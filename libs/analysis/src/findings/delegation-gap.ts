import {
  type ClassifiedResponsibility,
  type DelegationGapFinding,
  isValueLevel,
  type Responsibility,
  type Tier,
  type ValueLevel,
  tierRank,
  VALUE_LEVEL_LABELS,
} from '@rolemap/domain';
import type { AnalysisContext } from '../context/analysis-context';
import { clamp01 } from '../mix/position-mix';
import { responsibilityKey } from '../snapshot/responsibility-key';
import type { PositionNode } from '../snapshot/snapshot-index';
import { sharedStemCount } from '../text/words';
import {
  type AnalysisFinding,
  findingBase,
  formatNumber,
  pct,
  points,
  subjectWithTitle,
  tierNoun,
  unclassifiedNote,
  whoHolds,
} from './finding-text';

/**
 * Work each tier should hand down. Only implementation for now: a director coordinating
 * sprints is arguably below level too, but that is a judgement the policy does not encode.
 */
export const BELOW_LEVEL: Readonly<Record<Tier, readonly ValueLevel[]>> = {
  IC: [],
  MANAGER: ['IMPLEMENTATION'],
  DIRECTOR: ['IMPLEMENTATION'],
  EXECUTIVE: ['IMPLEMENTATION'],
};

/**
 * A delegate's tier must expect at least this share of the level being handed over, so it
 * is a real part of their role (with the default policy: IC 70% and MANAGER 30% for
 * implementation qualify; DIRECTOR 10% does not).
 */
export const REAL_PART_OF_ROLE_PCT = 20;

/**
 * How far below a leader the search for a delegate goes: the nearest this-many positions,
 * breadth-first. Keeps the whole rule linear in the org size (an executive's subtree can be
 * the whole company) while still reaching past a layer of managers.
 */
export const DELEGATE_SEARCH_LIMIT = 200;

/**
 * One finding per responsibility a leader should delegate: work on a level listed in
 * BELOW_LEVEL for their tier, taking at least `delegationMinSharePct` of their time. For a
 * MANAGER, implementation is part of the job, so only when their implementation share is at
 * least `managerImplementationExcessPoints` above expected.
 *
 * Each finding suggests a delegate from the leader's reports: direct reports first, then
 * further down breadth-first; among the same distance, someone already doing similar work
 * (shared title words), then whoever has the most free time. A suggestion consumes the
 * delegate's free time (shared across all leaders), so nobody is handed 150% of a job.
 *
 * Severity: 0.3 + 0.5 × min(1, share / 40) + 0.1 per tier above MANAGER, so a manager's 5%
 * task is about 0.36 and an executive's 40% task is 1.
 */
export function delegationGapsFor(leader: PositionNode, context: AnalysisContext): AnalysisFinding<DelegationGapFinding>[] {
  const { person, position } = leader;
  const levels = BELOW_LEVEL[position.tier];
  if (!person || levels.length === 0) return [];
  const thresholds = context.policy.thresholds;
  const mix = context.mixOf(leader);
  if (position.tier === 'MANAGER' && mix.implementationExcess < thresholds.managerImplementationExcessPoints) return [];

  const gaps = leader.responsibilities
    // UNCLASSIFIED work is not judged: nobody is told to hand over work whose level is unknown.
    .filter(
      (r): r is ClassifiedResponsibility =>
        isValueLevel(r.valueLevel) && levels.includes(r.valueLevel) && r.sharePct >= thresholds.delegationMinSharePct,
    )
    // Biggest first: they need the most room and matter most.
    .sort((a, b) => b.sharePct - a.sharePct);
  if (gaps.length === 0) return [];

  return gaps.map((responsibility) => {
    const search = searchDelegate(leader, responsibility, context);
    const choice = search.choice;
    if (choice) context.promisedPct[choice.node.ordinal] += responsibility.sharePct;
    const noDelegateReason = choice ? null : whyNoDelegate(leader, responsibility, search);
    const severity = 0.3 + 0.5 * clamp01(responsibility.sharePct / 40) + 0.1 * (tierRank(position.tier) - tierRank('MANAGER'));
    const explanation = explain(leader, responsibility, context, choice, noDelegateReason);
    const delegate = choice?.node ?? null;
    return {
      ...findingBase('DELEGATION_GAP', leader, severity, explanation, responsibilityKey(person.employeeId, responsibility.title)),
      responsibilityId: responsibility.id,
      responsibility: responsibility.title,
      sharePct: responsibility.sharePct,
      valueLevel: responsibility.valueLevel,
      delegateTo: delegate?.person?.employeeId ?? null,
      delegatePositionId: delegate?.position.id ?? null,
      delegateName: delegate?.person?.name ?? null,
      noDelegateReason,
    };
  });
}

/**
 * All delegation gaps. Leaders are visited bottom-up (reverse depth-first order), so the
 * managers closest to the work claim their own reports' free time before a director or
 * executive further up reaches down for it.
 */
export function delegationGapFindings(context: AnalysisContext): AnalysisFinding<DelegationGapFinding>[] {
  const findings: AnalysisFinding<DelegationGapFinding>[] = [];
  const order = context.index.preorder;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.children.length === 0 && node.position.tier === 'IC') continue;
    for (const finding of delegationGapsFor(node, context)) findings.push(finding);
  }
  return findings;
}

interface DelegateChoice {
  node: PositionNode;
  levelsDown: number;
  freePct: number;
  /** Stems the delegate's work shares with the responsibility. */
  overlap: number;
}

interface DelegateSearch {
  choice: DelegateChoice | null;
  /** Reports looked at. */
  searched: number;
  /** False when the search stopped at DELEGATE_SEARCH_LIMIT with more reports left. */
  searchedAll: boolean;
  /** Someone whose role includes the level was seen (whether or not they had room). */
  suitableSeen: boolean;
}

/**
 * Breadth-first through the leader's reports, a level at a time: the first level with anyone
 * able to take the work on decides; within it, most shared words with the responsibility,
 * then most free time. The queue never holds more than DELEGATE_SEARCH_LIMIT positions,
 * so one search costs at most that much whatever the org's shape.
 */
function searchDelegate(
  leader: PositionNode,
  responsibility: ClassifiedResponsibility,
  context: AnalysisContext,
): DelegateSearch {
  const wanted = context.stemsOfTitle(responsibility.title);
  const queue: PositionNode[] = [];
  let searchedAll = true;
  const enqueueChildren = (node: PositionNode) => {
    for (const child of node.children) {
      if (queue.length >= DELEGATE_SEARCH_LIMIT) {
        searchedAll = false;
        return;
      }
      queue.push(child);
    }
  };
  enqueueChildren(leader);

  let choice: DelegateChoice | null = null;
  let suitableSeen = false;
  let head = 0;
  for (; head < queue.length; head++) {
    const node = queue[head];
    const levelsDown = node.depth - leader.depth;
    if (choice && levelsDown > choice.levelsDown) break;
    enqueueChildren(node);
    if (!roleIncludes(node, responsibility.valueLevel, context)) continue;
    suitableSeen = true;
    const freePct = context.freePctOf(node);
    if (freePct < responsibility.sharePct) continue;
    const overlap = sharedStemCount(wanted, context.workStemsOf(node));
    if (!choice || overlap > choice.overlap || (overlap === choice.overlap && freePct > choice.freePct)) {
      choice = { node, levelsDown, freePct, overlap };
    }
  }
  return { choice, searched: head, searchedAll: searchedAll && head >= queue.length, suitableSeen };
}

/** A filled post whose tier expects a real share of this level of work. */
function roleIncludes(node: PositionNode, level: ValueLevel, context: AnalysisContext): boolean {
  return (
    node.person !== null &&
    !node.position.vacant &&
    context.policy.expectedMix[node.position.tier][level] >= REAL_PART_OF_ROLE_PCT
  );
}

function whyNoDelegate(leader: PositionNode, responsibility: ClassifiedResponsibility, search: DelegateSearch): string {
  if (leader.children.length === 0) return 'has no reports';
  const scope = search.searchedAll ? '' : ` among the nearest ${search.searched} reports`;
  const level = VALUE_LEVEL_LABELS[responsibility.valueLevel].toLowerCase();
  if (!search.suitableSeen) return `no direct or indirect report${scope} has a role that includes ${level} work`;
  return `no direct or indirect report${scope} has ${pct(responsibility.sharePct)} free time`;
}

function explain(
  leader: PositionNode,
  responsibility: ClassifiedResponsibility,
  context: AnalysisContext,
  choice: DelegateChoice | null,
  noDelegateReason: string | null,
): string {
  const mix = context.mixOf(leader);
  const tier = leader.position.tier;
  const level = VALUE_LEVEL_LABELS[responsibility.valueLevel].toLowerCase();
  const sentences = [
    `${subjectWithTitle(leader)} spends ${pct(responsibility.sharePct)} of their time on "${responsibility.title}", ${level} work.`,
  ];
  if (tier === 'MANAGER') {
    sentences.push(
      `Their ${level} work adds up to ${pct(mix.actual.IMPLEMENTATION)}, ${points(mix.implementationExcess)} above the ${pct(mix.expected.IMPLEMENTATION)} expected of a manager, so this is worth handing over.`,
    );
    const unclassified = unclassifiedNote(mix);
    if (unclassified) sentences.push(unclassified);
  } else {
    sentences.push(
      `Only ${pct(mix.expected[responsibility.valueLevel])} of ${tierNoun(tier)}'s time is expected to go to ${level} work, so this is worth handing over.`,
    );
  }
  if (choice) {
    const delegate = choice.node;
    const where = choice.levelsDown === 1 ? 'a direct report' : `${choice.levelsDown} levels down`;
    const similar = choice.overlap > 0 ? mostSimilarWork(delegate, responsibility, context) : null;
    const already = similar ? ` already handles "${similar.title}" and` : '';
    sentences.push(
      `Suggested delegate: ${delegate.person?.name} (${delegate.position.title}, ${where}), who${already} has ${formatNumber(choice.freePct)}% of their time free.`,
    );
  } else {
    sentences.push(
      `No delegate suggested: ${noDelegateReason === 'has no reports' ? `${whoHolds(leader)} has no reports` : noDelegateReason}.`,
    );
  }
  return sentences.join(' ');
}

/** The delegate's responsibility sharing the most words with the one handed over. */
function mostSimilarWork(node: PositionNode, responsibility: Responsibility, context: AnalysisContext): Responsibility | null {
  const wanted = context.stemsOfTitle(responsibility.title);
  let best: Responsibility | null = null;
  let bestShared = 0;
  for (const held of node.responsibilities) {
    const shared = sharedStemCount(wanted, context.stemsOfTitle(held.title));
    if (shared > bestShared) {
      best = held;
      bestShared = shared;
    }
  }
  return best;
}
