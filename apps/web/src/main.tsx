import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo-client';
import { prefetchRoute } from './app/warm-start/prefetch-route';
import { WarmStartLink } from './app/warm-start/warm-start-link';

const client = createApolloClient('/graphql', new WarmStartLink());
// Before the first render, so the page's data is on its way while React draws the shell.
prefetchRoute(client, window.location);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
