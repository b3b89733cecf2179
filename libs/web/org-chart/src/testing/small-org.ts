import type { FindingKind, Tier } from '@rolemap/domain';
import type { OrgChartNode } from '../types';

const MIX = { IMPLEMENTATION: 25, UNIFICATION: 25, COMMUNICATION: 25, LEADERSHIP: 25 };

export function person(
  id: string,
  parentId: string | null,
  name: string,
  title: string,
  tier: Tier,
  extra: Partial<OrgChartNode> = {},
): OrgChartNode {
  return {
    id,
    parentId,
    name,
    title,
    tier,
    actualMix: MIX,
    expectedMix: MIX,
    tacticalGap: 0.2,
    badges: [] as FindingKind[],
    ...extra,
  };
}

/**
 * ceo ─┬─ vp1 ─┬─ d1 ─┬─ m1 ─┬─ ic1
 *      │       │      │      └─ ic2
 *      │       │      └─ m2
 *      │       └─ d2
 *      └─ vp2 ─── d3 ─── m3 ─── ic3
 */
export function smallOrg(): OrgChartNode[] {
  return [
    person('ceo', null, 'Ada Lovelace', 'Chief Executive Officer', 'EXECUTIVE', { tacticalGap: 0 }),
    person('vp1', 'ceo', 'Grace Hopper', 'VP Engineering', 'EXECUTIVE', {
      badges: ['DELEGATION_GAP', 'PROMOTED_STILL_TACTICAL'],
    }),
    person('vp2', 'ceo', 'Alan Turing', 'VP Research', 'EXECUTIVE'),
    person('d1', 'vp1', 'Barbara Liskov', 'Director Platform', 'DIRECTOR'),
    person('d2', 'vp1', 'Ken Thompson', 'Director Tools', 'DIRECTOR', { tacticalGap: 1 }),
    person('d3', 'vp2', 'Radia Perlman', 'Director Networks', 'DIRECTOR'),
    person('m1', 'd1', 'Donald Knuth', 'Engineering Manager', 'MANAGER'),
    person('m2', 'd1', 'Frances Allen', 'Compiler Manager', 'MANAGER', { vacant: true }),
    person('m3', 'd3', 'Tim Berners-Lee', 'Web Manager', 'MANAGER'),
    person('ic1', 'm1', 'Linus Torvalds', 'Kernel Engineer', 'IC', { badges: ['PIGEONHOLING_RISK'] }),
    person('ic2', 'm1', 'Margaret Hamilton', 'Flight Software Engineer', 'IC'),
    person('ic3', 'm3', 'Edsger Dijkstra', 'Routing Engineer', 'IC'),
  ];
}
