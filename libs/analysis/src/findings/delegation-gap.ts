import {
  type ClassifiedResponsibility,
  type DelegationGapFinding,
  type DelegationHandOff,
  type DelegationOutcome,
  isValueLevel,
  type PolicyThresholds,
  type Tier,
  type ValueLevel,
  tierRank,
  VALUE_LEVEL_LABELS,
  valueLevelRank,
} from '@rolemap/domain';
import type { AnalysisContext, Wording } from '../context/analysis-context';
import { clamp01, round2 } from '../mix/position-mix';
import { responsibilityKey } from '../snapshot/responsibility-key';
import type { PositionNode } from '../snapshot/snapshot-index';
import {
  type AnalysisFinding,
  findingBase,
  formatNumber,
  nameWithTitle,
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
 * breadth-first (and as many again in peer teams). Keeps the whole rule linear in the org size
 * (an executive's subtree can be the whole company) while still reaching past a layer of managers.
 */
export const DELEGATE_SEARCH_LIMIT = 200;

/** Most hand-offs in one suggestion: the leader's own, then the knock-on ones that make room for it. */
export const DELEGATION_CHAIN_MAX_STEPS = 3;

/**
 * Someone's work that covers at least this share of a responsibility's wording (weighted, see
 * AnalysisContext.similarity) counts as similar work: enough to name it, to take a knock-on
 * hand-off outside their role's usual levels, or to move the work to a peer team.
 */
export const SIMILAR_WORK_MIN = 0.25;

/** Best-fitting delegates without room for whom a chain of hand-offs is looked for. */
const CHAIN_CANDIDATES = 3;
/** Receivers looked at per knock-on step (the giver's direct reports, then their peers). */
const CHAIN_NEIGHBOURS = 40;
/** Receivers without enough room tried as the next link of a chain. */
const CHAIN_BRANCHES = 2;
/** Shares are percents with at most two decimals; this absorbs float noise in sums. */
const EPSILON = 1e-6;

/**
 * One finding per responsibility a leader should delegate: work on a level listed in
 * BELOW_LEVEL for their tier, taking at least `delegationMinSharePct` of their time, while
 * their share of that level is above what their tier expects. Biggest first: once handing the
 * bigger ones over would bring the level down to the allowance, the rest is kept (a task at
 * exactly the allowance is not worth handing over). For a MANAGER, implementation is part of
 * the job, so only when their implementation share is more than `managerImplementationExcessPoints`
 * above expected (exactly that many points is still within their allowance).
 *
 * Each finding suggests who takes it on (see `planInTeam` and `planBeyondTeam`): the best-fitting report (most
 * similar work, then a role that expects more of that level, then nearer, then more free time)
 * who has the time, or who can make it by handing some of their own work on in a short chain;
 * else someone doing similar work in a peer team; else the best fit is named and the answer is
 * to hire or re-scope. People with no responsibilities recorded are never suggested: their time
 * is unknown. Every suggestion books time in one ledger shared by all leaders of the analysis,
 * so nobody is handed more than their time, whoever asks.
 *
 * Severity: 0.3 + 0.5 × min(1, share / 40) + 0.1 per tier above MANAGER, so a manager's 5%
 * task is about 0.36 and an executive's 40% task is 1.
 */
export function delegationGapsFor(leader: PositionNode, context: AnalysisContext): AnalysisFinding<DelegationGapFinding>[] {
  return delegationFindingsFor([leader], context);
}

/**
 * All delegation gaps. Leaders are visited bottom-up (reverse depth-first order), so the
 * managers closest to the work claim their own reports' time before a director or executive
 * further up reaches down for it; peer teams are only asked once every leader has asked their
 * own team. The order is the chart's, so the result is deterministic.
 */
export function delegationGapFindings(context: AnalysisContext): AnalysisFinding<DelegationGapFinding>[] {
  const leaders: PositionNode[] = [];
  const order = context.index.preorder;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.children.length > 0 || node.position.tier !== 'IC') leaders.push(node);
  }
  return delegationFindingsFor(leaders, context);
}

interface PendingGap {
  leader: PositionNode;
  responsibility: ClassifiedResponsibility;
  team: Team;
  plan: Plan;
}

function delegationFindingsFor(
  leaders: readonly PositionNode[],
  context: AnalysisContext,
): AnalysisFinding<DelegationGapFinding>[] {
  const pending: PendingGap[] = [];
  for (const leader of leaders) {
    if (!leader.person || BELOW_LEVEL[leader.position.tier].length === 0) continue;
    const gaps = gapResponsibilities(leader, context);
    if (gaps.length === 0) continue;
    const team = teamOf(leader);
    for (const responsibility of gaps) {
      const plan = planInTeam(leader, responsibility, team, context);
      book(plan, responsibility, context);
      pending.push({ leader, responsibility, team, plan });
    }
  }
  for (const gap of pending) {
    if (gap.plan.delegate) continue;
    gap.plan = planBeyondTeam(gap.leader, gap.responsibility, gap.team, gap.plan, context);
    book(gap.plan, gap.responsibility, context);
  }
  return pending.map((gap) => findingOf(gap, context));
}

function findingOf(
  { leader, responsibility, plan }: PendingGap,
  context: AnalysisContext,
): AnalysisFinding<DelegationGapFinding> {
  const tier = leader.position.tier;
  const severity = 0.3 + 0.5 * clamp01(responsibility.sharePct / 40) + 0.1 * (tierRank(tier) - tierRank('MANAGER'));
  const explanation = explain(leader, responsibility, context, plan);
  const delegate = plan.delegate?.node ?? null;
  const bestFit = delegate ?? plan.bestFit?.node ?? null;
  const employeeId = leader.person?.employeeId ?? leader.position.externalId;
  return {
    ...findingBase('DELEGATION_GAP', leader, severity, explanation, responsibilityKey(employeeId, responsibility.title)),
    responsibilityId: responsibility.id,
    responsibility: responsibility.title,
    sharePct: responsibility.sharePct,
    valueLevel: responsibility.valueLevel,
    delegateTo: delegate?.person?.employeeId ?? null,
    delegatePositionId: delegate?.position.id ?? null,
    delegateName: delegate?.person?.name ?? null,
    noDelegateReason: plan.noDelegateReason,
    outcome: plan.outcome,
    handOffs: plan.handOffs.map(handOffOf),
    bestFitEmployeeId: bestFit?.person?.employeeId ?? null,
    bestFitPositionId: bestFit?.position.id ?? null,
    bestFitName: bestFit?.person?.name ?? null,
    nextStep: plan.nextStep,
  };
}

/**
 * The leader's responsibilities worth handing over, biggest first: per below-level level, while
 * what remains of that level is above the tier's expected share.
 */
function gapResponsibilities(leader: PositionNode, context: AnalysisContext): ClassifiedResponsibility[] {
  const thresholds = context.policy.thresholds;
  const mix = context.mixOf(leader);
  if (leader.position.tier === 'MANAGER' && !aboveManagerAllowance(mix.implementationExcess, thresholds)) return [];
  const gaps: ClassifiedResponsibility[] = [];
  for (const level of BELOW_LEVEL[leader.position.tier]) {
    const candidates = leader.responsibilities
      // UNCLASSIFIED work is not judged: nobody is told to hand over work whose level is unknown.
      .filter((r): r is ClassifiedResponsibility => r.valueLevel === level && r.sharePct >= thresholds.delegationMinSharePct)
      .sort(biggestFirst);
    let remaining = mix.actual[level];
    for (const responsibility of candidates) {
      if (remaining <= mix.expected[level] + EPSILON) break;
      gaps.push(responsibility);
      remaining -= responsibility.sharePct;
    }
  }
  return gaps.sort(biggestFirst);
}

function biggestFirst(a: ClassifiedResponsibility, b: ClassifiedResponsibility): number {
  return b.sharePct - a.sharePct || (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The position is itself told to hand work of this level down (it has a delegation gap on it):
 * it must not be handed more of it.
 */
function shedsLevel(node: PositionNode, level: ValueLevel, context: AnalysisContext): boolean {
  if (!node.person || !BELOW_LEVEL[node.position.tier].includes(level)) return false;
  const mix = context.mixOf(node);
  const thresholds = context.policy.thresholds;
  if (node.position.tier === 'MANAGER' && !aboveManagerAllowance(mix.implementationExcess, thresholds)) return false;
  if (mix.actual[level] <= mix.expected[level] + EPSILON) return false;
  return node.responsibilities.some((r) => r.valueLevel === level && r.sharePct >= thresholds.delegationMinSharePct);
}

interface Team {
  /** The leader's reports, nearest first, at most DELEGATE_SEARCH_LIMIT. */
  nodes: PositionNode[];
  members: ReadonlySet<PositionNode>;
  /** False when the search stopped at DELEGATE_SEARCH_LIMIT with more reports left. */
  searchedAll: boolean;
}

/** Breadth-first through the reports, a level at a time; the queue never grows past the limit. */
function teamOf(leader: PositionNode): Team {
  const nodes: PositionNode[] = [];
  let searchedAll = true;
  const enqueueChildren = (node: PositionNode) => {
    for (const child of node.children) {
      if (nodes.length >= DELEGATE_SEARCH_LIMIT) {
        searchedAll = false;
        return;
      }
      nodes.push(child);
    }
  };
  enqueueChildren(leader);
  for (let head = 0; head < nodes.length; head++) enqueueChildren(nodes[head]);
  return { nodes, members: new Set(nodes), searchedAll };
}

interface Candidate {
  node: PositionNode;
  levelsDown: number;
  similarity: number;
  /** Similarity in bands (none, some, similar, close), so tiny differences in wording do not outrank role fit. */
  band: number;
  /** The share of this level the candidate's tier expects. */
  roleFit: number;
  freePct: number;
}

interface Move {
  from: PositionNode;
  to: PositionNode;
  responsibility: ClassifiedResponsibility;
  /** The receiver's free time before the move. */
  toFreePct: number;
}

interface Plan {
  outcome: DelegationOutcome;
  /** Who takes the work on (in the team, or in a peer team for PEER_TEAM). */
  delegate: Candidate | null;
  /** The knock-on moves that make room for it. */
  handOffs: Move[];
  /** The best-fitting report under NO_ROOM. */
  bestFit: Candidate | null;
  /** The peer whose team the work would move to (PEER_TEAM), or who does similar work there. */
  peerLeader: PositionNode | null;
  noDelegateReason: string | null;
  /** Why the best fit cannot take it on (NO_ROOM), without their name. */
  noRoomDetail: string | null;
  nextStep: string | null;
}

function similarityBand(similarity: number): number {
  if (similarity <= 0) return 0;
  if (similarity < SIMILAR_WORK_MIN) return 1;
  return similarity < 0.5 ? 2 : 3;
}

function byFit(a: Candidate, b: Candidate): number {
  return (
    b.band - a.band ||
    b.roleFit - a.roleFit ||
    a.levelsDown - b.levelsDown ||
    b.freePct - a.freePct ||
    a.node.preorder - b.node.preorder
  );
}

/**
 * A filled post with recorded work whose tier expects a real share of this level, and whom taking
 * `sharePct` more of it would not push over their own allowance.
 */
function canTakeOn(node: PositionNode, level: ValueLevel, sharePct: number, context: AnalysisContext): boolean {
  return (
    isFilledWithData(node, context) &&
    context.policy.expectedMix[node.position.tier][level] >= REAL_PART_OF_ROLE_PCT &&
    staysWithinAllowance(node, level, sharePct, context)
  );
}

/**
 * Taking `sharePct` more of the level would not make the position a delegation gap itself: for
 * a tier that hands the level down, the share after every suggestion so far stays under what
 * the rule flags (for a manager, expected + managerImplementationExcessPoints; above, expected).
 */
function staysWithinAllowance(node: PositionNode, level: ValueLevel, sharePct: number, context: AnalysisContext): boolean {
  const tier = node.position.tier;
  if (!BELOW_LEVEL[tier].includes(level)) return true;
  const mix = context.mixOf(node);
  const after = mix.actual[level] + context.levelDeltaOf(level)[node.ordinal] + sharePct;
  if (tier === 'MANAGER') return !aboveManagerAllowance(after - mix.expected[level], context.policy.thresholds);
  return after <= mix.expected[level] + EPSILON;
}

/**
 * A manager's implementation counts as a delegation gap only when it exceeds the expected share
 * by more than the threshold: exactly at it is within the allowance (as for the other tiers).
 */
function aboveManagerAllowance(implementationExcess: number, thresholds: PolicyThresholds): boolean {
  return implementationExcess > thresholds.managerImplementationExcessPoints + EPSILON;
}

function isFilledWithData(node: PositionNode, context: AnalysisContext): boolean {
  return node.person !== null && !node.position.vacant && context.hasData(node);
}

function candidateOf(
  node: PositionNode,
  origin: PositionNode,
  level: ValueLevel,
  wanted: Wording,
  context: AnalysisContext,
): Candidate {
  const similarity = context.similarity(wanted, node);
  return {
    node,
    levelsDown: node.depth - origin.depth,
    similarity,
    band: similarityBand(similarity),
    roleFit: context.policy.expectedMix[node.position.tier][level],
    freePct: context.freePctOf(node) ?? 0,
  };
}

/**
 * Who in the leader's own team should take one responsibility on: the best-fitting report with
 * the time (DELEGATE_HAS_ROOM), unless a clearly better fit (a higher similarity band) can make
 * the time by handing one of their own responsibilities on, and that person the next, up to
 * DELEGATION_CHAIN_MAX_STEPS hand-offs in all, the last one having the time (DELEGATE_MAKES_ROOM).
 * Otherwise a provisional NO_ROOM (naming the best fit) or NO_DELEGATE, settled by planBeyondTeam.
 */
function planInTeam(leader: PositionNode, responsibility: ClassifiedResponsibility, team: Team, context: AnalysisContext): Plan {
  const level = responsibility.valueLevel;
  const wanted = context.wordingOf(responsibility.title);
  const share = responsibility.sharePct;
  const candidates: Candidate[] = [];
  let anyRoom = false;
  for (const node of team.nodes) {
    if (!isFilledWithData(node, context)) continue;
    if ((context.freePctOf(node) ?? 0) > EPSILON) anyRoom = true;
    if (canTakeOn(node, level, share, context)) candidates.push(candidateOf(node, leader, level, wanted, context));
  }
  candidates.sort(byFit);
  const plan: Plan = {
    outcome: candidates.length > 0 ? 'NO_ROOM' : 'NO_DELEGATE',
    delegate: null,
    handOffs: [],
    bestFit: candidates[0] ?? null,
    peerLeader: null,
    noDelegateReason: null,
    noRoomDetail: null,
    nextStep: null,
  };

  const directIndex = candidates.findIndex((candidate) => candidate.freePct >= share - EPSILON);
  const direct = directIndex === -1 ? null : candidates[directIndex];
  // A chain only pays when it gets the work to a clearly better fit; it can only end where someone has time.
  if (anyRoom) {
    const better = candidates.slice(0, directIndex === -1 ? candidates.length : directIndex);
    let tried = 0;
    for (const candidate of better) {
      if (direct && candidate.band <= direct.band) break;
      if (tried++ >= CHAIN_CANDIDATES) break;
      const inChain = new Set([leader, candidate.node]);
      const handOffs = makeRoom(
        candidate.node,
        share - candidate.freePct,
        level,
        DELEGATION_CHAIN_MAX_STEPS - 1,
        inChain,
        team,
        context,
      );
      if (handOffs) return { ...plan, outcome: 'DELEGATE_MAKES_ROOM', delegate: candidate, handOffs };
    }
  }
  if (direct) return { ...plan, outcome: 'DELEGATE_HAS_ROOM', delegate: direct };
  return plan;
}

/**
 * For a gap nobody in the team can take on: someone in a peer team (the leader's peers and their
 * reports) already doing similar work and with the time (PEER_TEAM); else NO_ROOM naming the
 * best fit, or NO_DELEGATE, each with what to do next.
 */
function planBeyondTeam(
  leader: PositionNode,
  responsibility: ClassifiedResponsibility,
  team: Team,
  inTeam: Plan,
  context: AnalysisContext,
): Plan {
  const level = responsibility.valueLevel;
  const share = responsibility.sharePct;
  const peers = searchPeerTeams(leader, level, context.wordingOf(responsibility.title), share, context);
  if (peers.withRoom) {
    return {
      ...inTeam,
      outcome: 'PEER_TEAM',
      delegate: peers.withRoom.candidate,
      bestFit: null,
      peerLeader: peers.withRoom.peer,
    };
  }
  const peerWithSimilarWork = peers.similar?.peer ?? null;
  const dataNote = missingDataNote(team, context);
  const scope = team.searchedAll ? '' : ` among the nearest ${team.nodes.length} reports`;
  const bestFit = inTeam.bestFit;
  if (bestFit) {
    const detail = noRoomReason(share, scope, dataNote);
    return {
      ...inTeam,
      outcome: 'NO_ROOM',
      peerLeader: peerWithSimilarWork,
      // Named, so whoever shows only the reason still shows who fits.
      noDelegateReason: `${bestFit.node.person?.name} fits best, but ${detail}`,
      noRoomDetail: detail,
      nextStep: noRoomNextStep(bestFit, responsibility, peerWithSimilarWork, context),
    };
  }
  const { reason, nextStep } = whyNobodyFits(leader, responsibility, team, scope, dataNote, peerWithSimilarWork, context);
  return { ...inTeam, outcome: 'NO_DELEGATE', peerLeader: peerWithSimilarWork, noDelegateReason: reason, nextStep };
}

/**
 * Hand-offs that free `deficit` percent of `giver`'s time: one of their own responsibilities
 * (the smallest that covers the deficit) to a report or peer in the team who fits it (their role
 * expects a real share of its level, or they already do similar work) and has the time, or who
 * makes it in turn, within `movesLeft` hand-offs. Only work no higher than `maxLevel` (the level
 * of what they take on) is handed on: nobody gives up coordination or leadership to make room
 * for hands-on work. Bounded: a few responsibilities × at most CHAIN_NEIGHBOURS receivers ×
 * CHAIN_BRANCHES branches per step.
 */
function makeRoom(
  giver: PositionNode,
  deficit: number,
  maxLevel: ValueLevel,
  movesLeft: number,
  inChain: Set<PositionNode>,
  team: Team,
  context: AnalysisContext,
): Move[] | null {
  if (movesLeft <= 0) return null;
  const maxRank = valueLevelRank(maxLevel);
  const tasks = giver.responsibilities
    .filter(
      (r): r is ClassifiedResponsibility =>
        isValueLevel(r.valueLevel) &&
        valueLevelRank(r.valueLevel) <= maxRank &&
        r.sharePct >= deficit - EPSILON &&
        !context.handedOn.has(r.id),
    )
    .sort((a, b) => -biggestFirst(a, b));
  if (tasks.length === 0) return null;
  const neighbours = neighboursOf(giver, team, inChain);
  for (const task of tasks) {
    const taskWording = context.wordingOf(task.title);
    let best: Candidate | null = null;
    const branches: Candidate[] = [];
    for (const node of neighbours) {
      if (!isFilledWithData(node, context) || !staysWithinAllowance(node, task.valueLevel, task.sharePct, context)) continue;
      const candidate = candidateOf(node, giver, task.valueLevel, taskWording, context);
      if (candidate.roleFit < REAL_PART_OF_ROLE_PCT && candidate.similarity < SIMILAR_WORK_MIN) continue;
      if (candidate.freePct >= task.sharePct - EPSILON) {
        if (!best || byFit(candidate, best) < 0) best = candidate;
      } else if (branches.length < CHAIN_BRANCHES) branches.push(candidate);
    }
    if (best) return [{ from: giver, to: best.node, responsibility: task, toFreePct: best.freePct }];
    if (movesLeft < 2) continue;
    for (const branch of branches) {
      inChain.add(branch.node);
      const rest = makeRoom(branch.node, task.sharePct - branch.freePct, task.valueLevel, movesLeft - 1, inChain, team, context);
      inChain.delete(branch.node);
      if (rest) return [{ from: giver, to: branch.node, responsibility: task, toFreePct: branch.freePct }, ...rest];
    }
  }
  return null;
}

/** The giver's direct reports, then their peers: whom work is naturally passed to. Never upwards. */
function neighboursOf(giver: PositionNode, team: Team, inChain: ReadonlySet<PositionNode>): PositionNode[] {
  const neighbours: PositionNode[] = [];
  const siblings = giver.parent?.children ?? [];
  for (const group of [giver.children, siblings]) {
    for (const node of group) {
      if (neighbours.length >= CHAIN_NEIGHBOURS) return neighbours;
      if (node !== giver && team.members.has(node) && !inChain.has(node)) neighbours.push(node);
    }
  }
  return neighbours;
}

interface PeerSearch {
  /** The best fit doing similar work with the time, and the peer whose team it is in. */
  withRoom: { candidate: Candidate; peer: PositionNode } | null;
  /** The best fit doing similar work, time or not. */
  similar: { candidate: Candidate; peer: PositionNode } | null;
}

/** The leader's peers (same manager) and their reports, breadth-first, at most DELEGATE_SEARCH_LIMIT. */
function searchPeerTeams(
  leader: PositionNode,
  level: ValueLevel,
  wanted: Wording,
  share: number,
  context: AnalysisContext,
): PeerSearch {
  const result: PeerSearch = { withRoom: null, similar: null };
  const parent = leader.parent;
  if (!parent) return result;
  const queue: Array<{ node: PositionNode; peer: PositionNode }> = [];
  for (const peer of parent.children)
    if (peer !== leader && queue.length < DELEGATE_SEARCH_LIMIT) queue.push({ node: peer, peer });
  for (let head = 0; head < queue.length; head++) {
    const { node, peer } = queue[head];
    for (const child of node.children) {
      if (queue.length >= DELEGATE_SEARCH_LIMIT) break;
      queue.push({ node: child, peer });
    }
    if (!canTakeOn(node, level, share, context)) continue;
    const candidate = candidateOf(node, peer, level, wanted, context);
    if (candidate.similarity < SIMILAR_WORK_MIN) continue;
    if (!result.similar || byFit(candidate, result.similar.candidate) < 0) result.similar = { candidate, peer };
    if (candidate.freePct >= share - EPSILON && (!result.withRoom || byFit(candidate, result.withRoom.candidate) < 0)) {
      result.withRoom = { candidate, peer };
    }
  }
  return result;
}

/** Books the plan in the shared ledger. */
function book(plan: Plan, responsibility: ClassifiedResponsibility, context: AnalysisContext): void {
  if (!plan.delegate) return;
  context.promisedPct[plan.delegate.node.ordinal] += responsibility.sharePct;
  context.levelDeltaOf(responsibility.valueLevel)[plan.delegate.node.ordinal] += responsibility.sharePct;
  for (const move of plan.handOffs) {
    const { sharePct, valueLevel } = move.responsibility;
    context.releasedPct[move.from.ordinal] += sharePct;
    context.promisedPct[move.to.ordinal] += sharePct;
    const deltas = context.levelDeltaOf(valueLevel);
    deltas[move.from.ordinal] -= sharePct;
    deltas[move.to.ordinal] += sharePct;
    context.handedOn.add(move.responsibility.id);
  }
}

function handOffOf(move: Move): DelegationHandOff {
  return {
    fromEmployeeId: move.from.person?.employeeId ?? move.from.position.externalId,
    fromPositionId: move.from.position.id,
    fromName: move.from.person?.name ?? '',
    responsibilityId: move.responsibility.id,
    responsibility: move.responsibility.title,
    sharePct: move.responsibility.sharePct,
    valueLevel: move.responsibility.valueLevel,
    toEmployeeId: move.to.person?.employeeId ?? move.to.position.externalId,
    toPositionId: move.to.position.id,
    toName: move.to.person?.name ?? '',
  };
}

function noRoomReason(share: number, scope: string, dataNote: string): string {
  return `no direct or indirect report${scope} has ${pct(share)} free time, even by passing work on${dataNote}`;
}

/** "; 3 reports have no responsibilities recorded, so their time is unknown", or "". */
function missingDataNote(team: Team, context: AnalysisContext): string {
  let withoutData = 0;
  for (const node of team.nodes) if (node.person && !node.position.vacant && !context.hasData(node)) withoutData++;
  if (withoutData === 0) return '';
  return `; ${withoutData} ${withoutData === 1 ? 'report has' : 'reports have'} no responsibilities recorded, so their time is unknown`;
}

function whyNobodyFits(
  leader: PositionNode,
  responsibility: ClassifiedResponsibility,
  team: Team,
  scope: string,
  dataNote: string,
  peerWithSimilarWork: PositionNode | null,
  context: AnalysisContext,
): { reason: string; nextStep: string } {
  const level = responsibility.valueLevel;
  const levelText = VALUE_LEVEL_LABELS[level].toLowerCase();
  const elsewhere = peerWithSimilarWork
    ? `or agree with ${nameWithTitle(peerWithSimilarWork)} to move it to their team, which does similar work`
    : 'or move it to a peer team';
  if (leader.children.length === 0) return { reason: 'has no reports', nextStep: `Hire someone to take it on, ${elsewhere}.` };
  const filled = team.nodes.filter((node) => node.person !== null && !node.position.vacant);
  if (filled.length === 0) {
    return {
      reason: `every report's post${scope} is vacant`,
      nextStep: `Fill a vacant post with someone who can take it on, ${elsewhere}.`,
    };
  }
  const withData = filled.filter((node) => context.hasData(node));
  if (withData.length === 0) {
    return {
      reason: `none of the ${filled.length} ${filled.length === 1 ? 'report' : 'reports'}${scope} has responsibilities recorded, so whether anyone has room is unknown`,
      nextStep: `Record the team's responsibilities first; until then, hire, ${elsewhere}.`,
    };
  }
  const suitable = withData.some((node) => context.policy.expectedMix[node.position.tier][level] >= REAL_PART_OF_ROLE_PCT);
  if (suitable) {
    return {
      reason: `every direct or indirect report${scope} whose role includes ${levelText} work would go over their own share of it by taking this on${dataNote}`,
      nextStep: `Hire someone to take it on, ${elsewhere}.`,
    };
  }
  const reason = `no direct or indirect report${scope} has a role that includes ${levelText} work${dataNote}`;
  const wanted = context.wordingOf(responsibility.title);
  const trainee = withData
    .filter((node) => !shedsLevel(node, level, context))
    .map((node) => candidateOf(node, leader, level, wanted, context))
    .sort(
      (a, b) => b.band - a.band || a.levelsDown - b.levelsDown || b.freePct - a.freePct || a.node.preorder - b.node.preorder,
    )[0];
  const nextStep = trainee
    ? `Train ${nameWithTitle(trainee.node)} to take it on, hire, ${elsewhere}.`
    : `Hire someone to take it on, ${elsewhere}.`;
  return { reason, nextStep };
}

function noRoomNextStep(
  bestFit: Candidate,
  responsibility: ClassifiedResponsibility,
  peerWithSimilarWork: PositionNode | null,
  context: AnalysisContext,
): string {
  const similar = similarWorkOf(bestFit.node, responsibility, context);
  const fits = `${nameWithTitle(bestFit.node)} fits best${similar ? `, already handling "${similar}"` : ''}`;
  const peer = peerWithSimilarWork
    ? `, or agree with ${nameWithTitle(peerWithSimilarWork)} to move it to their team, which does similar work`
    : '';
  return `Hire or re-scope: ${fits}, but the team's time is fully taken. Make room by hiring, or by dropping or reducing lower-value work, before handing it over${peer}.`;
}

function explain(leader: PositionNode, responsibility: ClassifiedResponsibility, context: AnalysisContext, plan: Plan): string {
  const mix = context.mixOf(leader);
  const tier = leader.position.tier;
  const level = responsibility.valueLevel;
  const levelText = VALUE_LEVEL_LABELS[level].toLowerCase();
  const excess = round2(mix.actual[level] - mix.expected[level]);
  const sentences = [
    `${subjectWithTitle(leader)} spends ${pct(responsibility.sharePct)} of their time on "${responsibility.title}", ${levelText} work.`,
    `Their ${levelText} work adds up to ${pct(mix.actual[level])}, ${points(excess)} above the ${pct(mix.expected[level])} expected of ${tierNoun(tier)}, so this is worth handing over.`,
  ];
  const unclassified = unclassifiedNote(mix);
  if (unclassified) sentences.push(unclassified);

  const delegate = plan.delegate;
  switch (plan.outcome) {
    case 'DELEGATE_HAS_ROOM':
      sentences.push(
        `Suggested delegate: ${delegateIntro(delegate!, responsibility, context)} has ${freeText(delegate!.freePct)}.`,
      );
      break;
    case 'DELEGATE_MAKES_ROOM': {
      const first = delegate!;
      const free = first.freePct > EPSILON ? `only ${freeText(first.freePct)}` : 'no free time';
      const chain = plan.handOffs.map((move, i) => {
        const to = `${nameWithTitle(move.to)}`;
        const tail = i === plan.handOffs.length - 1 ? `, who has ${freeText(move.toFreePct)}` : '';
        return `${i === 0 ? 'could hand' : `, who in turn could hand`} "${move.responsibility.title}" (${pct(move.responsibility.sharePct)}) to ${to}${tail}`;
      });
      sentences.push(
        `Suggested delegate: ${delegateIntro(first, responsibility, context)} has ${free}: ${first.node.person?.name} would take over "${responsibility.title}" (${pct(responsibility.sharePct)}) and ${chain.join('')}.`,
      );
      break;
    }
    case 'PEER_TEAM': {
      const peer = plan.peerLeader!;
      const similar = similarWorkOf(delegate!.node, responsibility, context);
      const node = delegate!.node;
      const where = node === peer ? 'a peer' : `in ${whoHolds(peer)}'s team`;
      sentences.push(
        `Nobody in their own team has ${pct(responsibility.sharePct)} free. Suggested delegate in a peer team: ${node.person?.name} (${node.position.title}, ${where})${similar ? `, who already handles "${similar}" and` : ', who'} has ${freeText(delegate!.freePct)}; agree the move with ${node === peer ? 'them' : whoHolds(peer)} first.`,
      );
      break;
    }
    case 'NO_ROOM': {
      const bestFit = plan.bestFit!;
      const similar = similarWorkOf(bestFit.node, responsibility, context);
      sentences.push(
        `Best fit: ${bestFit.node.person?.name} (${bestFit.node.position.title}, ${whereText(bestFit)})${similar ? `, who already handles "${similar}"` : ''}; but ${plan.noRoomDetail}.`,
      );
      sentences.push(
        `Hire or re-scope: make room by hiring, or by dropping or reducing lower-value work, before handing it over${plan.peerLeader ? `, or agree with ${nameWithTitle(plan.peerLeader)} to move it to their team, which does similar work` : ''}.`,
      );
      break;
    }
    case 'NO_DELEGATE':
      sentences.push(
        `No delegate suggested: ${plan.noDelegateReason === 'has no reports' ? `${whoHolds(leader)} has no reports` : plan.noDelegateReason}.`,
      );
      sentences.push(plan.nextStep!);
      break;
  }
  return sentences.join(' ');
}

/** `Sam Lee (Senior Engineer, a direct report), who already handles "Review code" and` (ready for a verb). */
function delegateIntro(candidate: Candidate, responsibility: ClassifiedResponsibility, context: AnalysisContext): string {
  const node = candidate.node;
  const similar = similarWorkOf(node, responsibility, context);
  return `${node.person?.name} (${node.position.title}, ${whereText(candidate)}), who${similar ? ` already handles "${similar}" and` : ''}`;
}

function whereText(candidate: Candidate): string {
  return candidate.levelsDown === 1 ? 'a direct report' : `${candidate.levelsDown} levels down`;
}

function freeText(freePct: number): string {
  return `${formatNumber(freePct)}% of their time free`;
}

/** The title of the person's responsibility most like the one handed over, when it is similar enough to say so. */
function similarWorkOf(node: PositionNode, responsibility: ClassifiedResponsibility, context: AnalysisContext): string | null {
  const wanted = context.wordingOf(responsibility.title);
  let best: string | null = null;
  let bestSimilarity = SIMILAR_WORK_MIN - EPSILON;
  for (const held of node.responsibilities) {
    const similarity = context.titleSimilarity(wanted, held.title);
    if (similarity > bestSimilarity) {
      best = held.title;
      bestSimilarity = similarity;
    }
  }
  return best;
}
