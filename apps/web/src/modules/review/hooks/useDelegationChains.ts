import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { DelegationChainFieldsFragment } from '../../../gql/graphql';
import { LeaderDelegationChainsDocument } from '../graphql/review.graphql';

/** Delegation gaps shown with their chains; a team with more lists the rest by explanation alone. */
export const CHAINS_PAGE_SIZE = 300;

/** Each delegation gap's chain in a leader's team, by finding key and position. */
export function useDelegationChains(snapshotId: string, leaderId: string | null) {
  const { data } = useQuery(LeaderDelegationChainsDocument, {
    variables: { snapshotId, leaderPositionId: leaderId ?? '', first: CHAINS_PAGE_SIZE },
    skip: !leaderId,
  });
  return useMemo(() => {
    const chains = new Map<string, DelegationChainFieldsFragment>();
    for (const node of data?.findings.nodes ?? []) chains.set(`${node.key}|${node.positionId}`, node);
    return chains;
  }, [data]);
}
