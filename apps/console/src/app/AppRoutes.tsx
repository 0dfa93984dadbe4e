import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { currentSession, endSession, isExpired, onSessionExpired } from '../auth/session';
import { LoginPage } from '../auth/LoginPage';
import { PageLoading } from '../components/PageLoading';

/** Everything behind sign-in, loaded after it: the sign-in page carries no layout, menu or role pages. */
const ConsoleShell = lazy(() => import('../layout/ConsoleShell'));

export function AppRoutes() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionExpired(() => {
        const here = `${window.location.pathname}${window.location.search}`;
        void navigate(`/login?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
      }),
    [navigate],
  );
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/*"
        element={
          <RequireSession>
            <Suspense fallback={<PageLoading />}>
              <ConsoleShell />
            </Suspense>
          </RequireSession>
        }
      />
    </Routes>
  );
}

/** No session, or one whose token has run out: to the sign-in page, which returns here afterwards. */
function RequireSession({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  const session = currentSession();
  if (session && !isExpired(session)) return <>{children}</>;
  if (session) endSession();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return <Navigate to={`/login?${session ? 'expired=1&' : ''}next=${next}`} replace />;
}
