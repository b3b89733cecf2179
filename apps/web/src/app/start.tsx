import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApolloClient } from './apollo-client';
import type { EarlyAnswers } from './warm-start/early-requests';
import { WarmStartLink } from './warm-start/warm-start-link';

/** Renders the app; its first operations take the answers of the requests main.tsx sent before it loaded. */
export function startApp(earlyAnswers: EarlyAnswers): void {
  const client = createApolloClient('/graphql', new WarmStartLink(earlyAnswers));
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
