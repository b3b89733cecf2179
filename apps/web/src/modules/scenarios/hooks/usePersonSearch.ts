import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { ChartNodeFieldsFragment } from '../../../gql/graphql';
import { OrgChartSearchDocument } from '../../overview/graphql/overview.graphql';

const HITS = 20;

/** People of the snapshot matching what is typed (name, title, id; searched on the server, within what the caller sees). */
export function usePersonSearch(snapshotId: string, query: string) {
  const client = useApolloClient();
  const [hits, setHits] = useState<ChartNodeFieldsFragment[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return undefined;
    }
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      client
        .query({ query: OrgChartSearchDocument, variables: { snapshotId, query: q, first: HITS }, fetchPolicy: 'no-cache' })
        .then(({ data }) => {
          if (current) setHits((data?.orgChartSearch.hits ?? []).filter((hit) => !!hit.employeeId));
        })
        .catch(() => current && setHits([]))
        .finally(() => current && setLoading(false));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, snapshotId, query]);
  return { hits, loading };
}
