import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { WarmStartLink } from './warm-start/warm-start-link';

export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // A finding's key is stable across snapshots; with the position it is unique within one.
      Finding: { keyFields: ['key', 'positionId'] },
      PositionMix: { keyFields: ['positionId'] },
      Assignment: { keyFields: ['positionId', 'personId'] },
    },
  });
}

/** The web app's client; `warmStart` lets requests sent before the page renders answer the page's own. */
export function createApolloClient(uri = '/graphql', warmStart?: WarmStartLink): ApolloClient {
  const http = new HttpLink({ uri, headers: { 'x-rolemap-client': 'web' } });
  return new ApolloClient({
    link: warmStart ? ApolloLink.from([warmStart, http]) : http,
    cache: createApolloCache(),
  });
}
