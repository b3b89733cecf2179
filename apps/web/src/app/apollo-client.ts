import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

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

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, headers: { 'x-rolemap-client': 'web' } }),
    cache: createApolloCache(),
  });
}
