import { useQuery } from '@apollo/client/react';
import { MeDocument } from '../graphql/auth.graphql';

/** Who is signed in: `me` is null when nobody is. */
export function useMe() {
  const { data, loading, error, refetch } = useQuery(MeDocument, { fetchPolicy: 'cache-and-network' });
  return { me: data?.me ?? null, loading: loading && !data, error, refetch };
}
