import type { FindingKind, Tier, ValueMix } from '@rolemap/domain';
import type { OrgChartNode } from '../types';

/** Small deterministic PRNG (mulberry32): the same seed gives the same org in tests and the bench. */
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

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Edsger', 'Barbara', 'Ken', 'Radia', 'Donald', 'Frances', 'Tim'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Dijkstra',
  'Liskov',
  'Thompson',
  'Perlman',
  'Knuth',
  'Allen',
  'Lee',
];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Operations', 'Marketing', 'People', 'Legal', 'Support'];
const TITLES: Record<Tier, string[]> = {
  EXECUTIVE: ['Chief Executive Officer', 'VP'],
  DIRECTOR: ['Director'],
  MANAGER: ['Senior Manager', 'Manager', 'Team Lead'],
  IC: ['Specialist', 'Analyst', 'Engineer', 'Associate'],
};
const EXPECTED: Record<Tier, ValueMix> = {
  IC: { IMPLEMENTATION: 70, UNIFICATION: 15, COMMUNICATION: 10, LEADERSHIP: 5 },
  MANAGER: { IMPLEMENTATION: 30, UNIFICATION: 35, COMMUNICATION: 20, LEADERSHIP: 15 },
  DIRECTOR: { IMPLEMENTATION: 10, UNIFICATION: 30, COMMUNICATION: 30, LEADERSHIP: 30 },
  EXECUTIVE: { IMPLEMENTATION: 5, UNIFICATION: 15, COMMUNICATION: 30, LEADERSHIP: 50 },
};
// Span of control per level (min, max); the last entry repeats for deeper levels.
const SPANS: [number, number][] = [
  [6, 10],
  [3, 7],
  [3, 7],
  [3, 7],
  [5, 12],
];

function tierFor(level: number): Tier {
  if (level <= 1) return 'EXECUTIVE';
  if (level === 2) return 'DIRECTOR';
  if (level <= 4) return 'MANAGER';
  return 'IC';
}

/**
 * A realistic-looking org of exactly `size` people, filled breadth first:
 * CEO → VPs → directors → senior managers → managers → ICs.
 */
export function generateOrg(size: number, seed = 42): OrgChartNode[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const nodes: OrgChartNode[] = [];
  const levels: number[] = [];

  const make = (parentId: string | null, level: number): OrgChartNode => {
    const tier = tierFor(level);
    const expected = EXPECTED[tier];
    // Some people spend far more time implementing than their tier expects.
    const drift = random() < 0.3 ? random() * 40 : random() * 8;
    const implementation = Math.min(95, expected.IMPLEMENTATION + drift);
    const rest = 100 - implementation;
    const others = expected.UNIFICATION + expected.COMMUNICATION + expected.LEADERSHIP;
    const actualMix: ValueMix = {
      IMPLEMENTATION: Math.round(implementation),
      UNIFICATION: Math.round((rest * expected.UNIFICATION) / others),
      COMMUNICATION: Math.round((rest * expected.COMMUNICATION) / others),
      LEADERSHIP: Math.round((rest * expected.LEADERSHIP) / others),
    };
    const badges: FindingKind[] = [];
    if (tier !== 'IC' && drift > 25) badges.push('PROMOTED_STILL_TACTICAL');
    if (tier !== 'IC' && drift > 15 && random() < 0.5) badges.push('DELEGATION_GAP');
    if (tier === 'IC' && random() < 0.04) badges.push('PIGEONHOLING_RISK');
    const id = `e${String(nodes.length + 1).padStart(5, '0')}`;
    const vacant = level > 1 && random() < 0.01;
    return {
      id,
      parentId,
      name: vacant ? 'Vacant' : `${pick(FIRST)} ${pick(LAST)}`,
      title: level === 0 ? TITLES.EXECUTIVE[0] : `${pick(TITLES[tier].slice(level === 1 ? 1 : 0))}`,
      tier,
      department: level === 0 ? null : pick(DEPARTMENTS),
      vacant,
      actualMix,
      expectedMix: expected,
      tacticalGap: Math.min(1, drift / 40),
      badges,
    };
  };

  if (size <= 0) return nodes;
  nodes.push(make(null, 0));
  levels.push(0);
  for (let cursor = 0; nodes.length < size; cursor++) {
    const parent = nodes[cursor];
    const level = levels[cursor];
    const [min, max] = SPANS[Math.min(level, SPANS.length - 1)];
    const span = min + Math.floor(random() * (max - min + 1));
    for (let i = 0; i < span && nodes.length < size; i++) {
      nodes.push(make(parent.id, level + 1));
      levels.push(level + 1);
    }
  }
  for (const node of nodes) node.directReports = 0;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) if (node.parentId) byId.get(node.parentId)!.directReports! += 1;
  return nodes;
}
