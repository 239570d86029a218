import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { createApolloClient } from '@denialmap/web/data-access';
import { CodePage } from '@denialmap/web/feature-code-page';
import { LoadingPanel, SectionErrorBoundary, SiteLayout } from '@denialmap/web/ui';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import '../staff.css';

// The explorer bundles GraphiQL; load it only for those who open it.
const ExplorerPage = lazy(() => import('./ExplorerPage').then((m) => ({ default: m.ExplorerPage })));
const ClaimPage = lazy(() => import('@denialmap/web/feature-claim').then((m) => ({ default: m.ClaimPage })));
// The staff area (and the public moderation rules it ships with) is its own chunk: the code page never loads it.
const StaffArea = lazy(() => import('@denialmap/web/feature-staff').then((m) => ({ default: m.StaffArea })));
const ToolkitPage = lazy(() => import('@denialmap/web/feature-toolkit').then((m) => ({ default: m.ToolkitPage })));
const ModerationRulesPage = lazy(() => import('@denialmap/web/feature-staff').then((m) => ({ default: m.ModerationRulesPage })));

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <SiteLayout
          nav={
            <>
              <Link to="/">Search</Link>
              <Link to="/claim">Claim checker</Link>
              <Link to="/toolkit">Toolkit</Link>
              <Link to="/explorer">API explorer</Link>
            </>
          }
        >
          <Suspense fallback={<LoadingPanel label="Loading…" />}>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/codes/:code" element={<CodePage />} />
              <Route path="/claim" element={<ClaimPage />} />
              <Route path="/explorer" element={<ExplorerPage />} />
              <Route path="/toolkit" element={<ToolkitPage />} />
              <Route path="/moderation-rules" element={<ModerationRulesPage />} />
              <Route
                path="/staff/*"
                element={
                  <SectionErrorBoundary title="The staff area could not be shown">
                    <StaffArea />
                  </SectionErrorBoundary>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
          <nav className="site-more" aria-label="About DenialMap">
            <Link to="/moderation-rules">Moderation rules</Link>
            <Link to="/staff">Staff</Link>
          </nav>
        </SiteLayout>
      </BrowserRouter>
    </ApolloProvider>
  );
}
