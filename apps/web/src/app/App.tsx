import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router-dom';
import { OrganizationsPage } from '../pages/OrganizationsPage';
import { createApolloClient } from './apollo-client';
import './app.css';

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <header className="app-header">
          <NavLink to="/" className="brand">
            rolemap
          </NavLink>
          <nav aria-label="Main">
            <NavLink to="/">Organizations</NavLink>
          </nav>
        </header>
        <main className="app-main">
          <Routes>
            <Route path="/" element={<OrganizationsPage />} />
          </Routes>
        </main>
      </BrowserRouter>
    </ApolloProvider>
  );
}
