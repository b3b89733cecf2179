import type { OrgChartLeadersQuery, Tier } from '../../../gql/graphql';

export type LeaderOption = {
  id: string;
  name: string;
  title: string;
  tier: Tier;
  department: string | null;
};

/** The server's matches (most senior first, then by name; a vacant post named "Vacant (title)"). */
export function toLeaderOptions(leaders: readonly OrgChartLeadersQuery['orgChartLeaders'][number][]): LeaderOption[] {
  return leaders.map((leader) => ({
    id: leader.id,
    name: leader.name,
    title: leader.title,
    tier: leader.tier,
    department: leader.department ?? null,
  }));
}

export function matchLeaders(leaders: readonly LeaderOption[], query: string): LeaderOption[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...leaders];
  return leaders.filter((leader) => {
    const text = `${leader.name} ${leader.title} ${leader.department ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
