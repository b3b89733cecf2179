import type { OrgChartLeadersQuery, Tier } from '../../../gql/graphql';

export type LeaderOption = {
  id: string;
  name: string;
  title: string;
  tier: Tier;
  department: string | null;
};

const TIER_ORDER: Record<Tier, number> = { EXECUTIVE: 0, DIRECTOR: 1, MANAGER: 2, IC: 3 };

/** The server's managers and above, most senior first, then by name. */
export function sortLeaders(leaders: readonly OrgChartLeadersQuery['orgChartLeaders'][number][]): LeaderOption[] {
  return leaders
    .map((leader) => ({
      id: leader.id,
      name: leader.vacant ? `Vacant (${leader.title})` : leader.name,
      title: leader.title,
      tier: leader.tier,
      department: leader.department ?? null,
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
