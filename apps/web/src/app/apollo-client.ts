import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, headers: { 'x-rolemap-client': 'web' } }),
    cache: new InMemoryCache(),
  });
}
