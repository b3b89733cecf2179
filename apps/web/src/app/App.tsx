import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { AccountMenu } from '../modules/auth/components/AccountMenu';
import { RequireSignIn } from '../modules/auth/components/RequireSignIn';
import { OrgLayout } from '../modules/organizations/components/OrgLayout';
import { AccessPage } from '../pages/AccessPage';
import { AccountPage } from '../pages/AccountPage';
import { AuditLogPage } from '../pages/AuditLogPage';
import { FormPage } from '../pages/FormPage';
import { FormsPage } from '../pages/FormsPage';
import { GradesPage } from '../pages/GradesPage';
import { DictionaryPage } from '../pages/DictionaryPage';
import { ImportPage } from '../pages/ImportPage';
import { LeaderReviewPage } from '../pages/LeaderReviewPage';
import { NeedsReviewPage } from '../pages/NeedsReviewPage';
import { ActionsPage } from '../pages/ActionsPage';
import { NewOrganizationImportPage } from '../pages/NewOrganizationImportPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OrganizationsPage } from '../pages/OrganizationsPage';
import { OverviewPage } from '../pages/OverviewPage';
import { PolicyPage } from '../pages/PolicyPage';
import { SignInPage } from '../pages/SignInPage';
import { SnapshotsPage } from '../pages/SnapshotsPage';
import { SurveyProgressPage } from '../pages/SurveyProgressPage';
import { SurveysPage } from '../pages/SurveysPage';
import { CompareScenariosPage } from '../pages/CompareScenariosPage';
import { ScenarioPage } from '../pages/ScenarioPage';
import { ScenariosPage } from '../pages/ScenariosPage';
import './app.css';

export function App({ client }: { client: ApolloClient }) {
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="app-header">
          <NavLink to="/" className="brand" end>
            rolemap
          </NavLink>
          <nav aria-label="Main">
            <NavLink to="/" end>
              Organizations
            </NavLink>
            <NavLink to="/import">Import</NavLink>
            <NavLink to="/forms">Forms</NavLink>
          </nav>
          <AccountMenu />
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <AppRoutes />
        </main>
      </BrowserRouter>
    </ApolloProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* Open without signing in: a personal survey link is enough. */}
      <Route path="/forms" element={<FormsPage />} />
      <Route path="/forms/:responseId" element={<FormPage />} />
      <Route
        path="/"
        element={
          <RequireSignIn>
            <OrganizationsPage />
          </RequireSignIn>
        }
      />
      <Route
        path="/import"
        element={
          <RequireSignIn>
            <NewOrganizationImportPage />
          </RequireSignIn>
        }
      />
      <Route
        path="/account"
        element={
          <RequireSignIn>
            <AccountPage />
          </RequireSignIn>
        }
      />
      <Route
        path="/org/:orgId"
        element={
          <RequireSignIn>
            <OrgLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<Navigate to="overview" replace />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="review/:positionId?" element={<LeaderReviewPage />} />
        <Route path="actions" element={<ActionsPage />} />
        <Route path="needs-review" element={<NeedsReviewPage />} />
        <Route path="snapshots" element={<SnapshotsPage />} />
        <Route path="policy" element={<PolicyPage />} />
        <Route path="grades" element={<GradesPage />} />
        <Route path="dictionary" element={<DictionaryPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="access" element={<AccessPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="surveys" element={<SurveysPage />} />
        <Route path="surveys/:campaignId" element={<SurveyProgressPage />} />
        <Route path="scenarios" element={<ScenariosPage />} />
        <Route path="scenarios/compare" element={<CompareScenariosPage />} />
        <Route path="scenarios/:scenarioId" element={<ScenarioPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
