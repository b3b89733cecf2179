import type { OrgChartNode } from '@rolemap/web-org-chart';
import type { Tier } from '../../../gql/graphql';

export type LeaderOption = {
  id: string;
  name: string;
  title: string;
  tier: Tier;
  department: string | null;
};

const LEADER_TIERS: ReadonlySet<Tier> = new Set(['MANAGER', 'DIRECTOR', 'EXECUTIVE']);
const TIER_ORDER: Record<Tier, number> = { EXECUTIVE: 0, DIRECTOR: 1, MANAGER: 2, IC: 3 };

/** Managers and above, most senior first, then by name. */
export function leadersOf(nodes: readonly OrgChartNode[]): LeaderOption[] {
  return nodes
    .filter((node) => LEADER_TIERS.has(node.tier))
    .map((node) => ({
      id: node.id,
      name: node.vacant ? `Vacant (${node.title})` : node.name,
      title: node.title,
      tier: node.tier,
      department: node.department ?? null,
    }))
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.name.localeCompare(b.name));
}

export function matchLeaders(leaders: readonly LeaderOption[], query: string): LeaderOption[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...leaders];
  return leaders.filter((leader) => {
    const text = `${leader.name} ${leader.title} ${leader.department ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
