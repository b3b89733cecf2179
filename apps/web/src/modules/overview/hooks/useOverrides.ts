import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Tier, ValueLevel } from '@rolemap/domain';
import type { PositionDetailsQuery, TierSource } from '../../../gql/graphql';
import { SetTierOverrideDocument, SetValueLevelOverrideDocument } from '../graphql/overview.graphql';

type Position = PositionDetailsQuery['position'];

/**
 * Every analysis of the organization reads the overrides at once: refetch what is on screen
 * (panel, chart, summary, a highlighted kind) before the control leaves its busy state, and drop
 * the findings lists other pages cached so they ask again.
 */
const REFRESH_ANALYSIS = {
  refetchQueries: 'active' as const,
  awaitRefetchQueries: true,
  update: (cache: ApolloCache) => {
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'findings' });
    cache.gc();
  },
};

/**
 * The tier the analysis uses and where it came from. The mix carries the analysis' tier, which
 * applies HR's override at once; the position's own fields are what the import stored.
 */
export function effectiveTier(position: Pick<Position, 'tier' | 'tierSource' | 'mix'>): { tier: Tier; source: TierSource } {
  if (position.mix.tier !== position.tier) return { tier: position.mix.tier, source: 'OVERRIDE' };
  return { tier: position.tier, source: position.tierSource };
}

/** HR's corrections of a position's tier and of a holder's value levels; kept across snapshots. */
export function useOverrides(organizationId: string) {
  const [mutateTier] = useMutation(SetTierOverrideDocument, REFRESH_ANALYSIS);
  const [mutateLevel] = useMutation(SetValueLevelOverrideDocument, REFRESH_ANALYSIS);

  /** null clears the override: the tier is inferred from the title and structure again. */
  const setTier = async (externalId: string, tier: Tier | null) => {
    const result = await mutateTier({ variables: { organizationId, externalId, tier } });
    if (!result.data?.setTierOverride) throw new Error('The server did not confirm the change.');
  };

  /** Keyed by the holder and the responsibility's title, so it follows them into later snapshots. */
  const setLevel = async (employeeId: string, responsibility: string, valueLevel: ValueLevel | null) => {
    const result = await mutateLevel({ variables: { organizationId, employeeId, responsibility, valueLevel } });
    if (!result.data?.setValueLevelOverride) throw new Error('The server did not confirm the change.');
  };

  return { setTier, setLevel };
}
