import { lazy, Suspense } from 'react';
import { App as AntApp } from 'antd';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
import { homeOf, RequireRole, SessionProvider, useSession } from './auth/session';
import { I18nProvider } from './i18n';
import { Shell } from './shell/shell';
import { LoginScreen } from './screens/login/login-screen';
import { PasswordScreen } from './screens/login/password-screen';
import { NotFound } from './shell/not-found';
import { Loading } from './components/loading';

// Each area is its own chunk: a citizen on a phone downloads the portal, not the center's charts.
const AREAS = {
  portal: () => import('./screens/portal'),
  desk: () => import('./screens/desk'),
  center: () => import('./screens/center'),
  unit: () => import('./screens/unit'),
  admin: () => import('./screens/admin'),
  supervisor: () => import('./screens/supervisor'),
};
// The area the address names starts downloading now, alongside the session check (/api/auth/me),
// not after it: the first content comes a round trip sooner (docs/benchmarks.md).
const named = window.location.pathname.split('/')[1] ?? '';
if (named in AREAS) void AREAS[named as keyof typeof AREAS]();
const Portal = lazy(AREAS.portal);
const Desk = lazy(AREAS.desk);
const Center = lazy(AREAS.center);
const Unit = lazy(AREAS.unit);
const Admin = lazy(AREAS.admin);
const Supervisor = lazy(AREAS.supervisor);

function CenteredLoading() {
  return (
    <div className="centered">
      <Loading />
    </div>
  );
}

function Home() {
  const { user, loading } = useSession();
  if (loading) return <CenteredLoading />;
  if (user?.mustChangePassword === true) return <Navigate to="/password" replace />;
  return <Navigate to={homeOf(user?.role)} replace />;
}

/** The short link of the survey SMS (`SURVEY_LINK_BASE_URL`, `/s/<token>`): the portal's survey page. */
function SurveyLink() {
  const { token = '' } = useParams();
  return <Navigate to={`/portal/survey/${encodeURIComponent(token)}`} replace />;
}

function AppRoutes() {
  return (
    <Suspense fallback={<CenteredLoading />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/s/:token" element={<SurveyLink />} />
        <Route element={<Shell />}>
          <Route path="/portal/*" element={<Portal />} />
          <Route path="/login" element={<LoginScreen />} />
          <Route path="/password" element={<PasswordScreen />} />
          <Route
            path="/desk/*"
            element={
              <RequireRole roles={['agent', 'supervisor']}>
                <Desk />
              </RequireRole>
            }
          />
          <Route
            path="/center/*"
            element={
              <RequireRole
                roles={['center', 'supervisor', 'city-admin', 'district-admin', 'auditor', 'leader']}
              >
                <Center />
              </RequireRole>
            }
          />
          <Route
            path="/supervisor/*"
            element={
              <RequireRole roles={['supervisor']}>
                <Supervisor />
              </RequireRole>
            }
          />
          <Route
            path="/unit/*"
            element={
              <RequireRole roles={['unit-handler', 'unit-leader']}>
                <Unit />
              </RequireRole>
            }
          />
          <Route
            path="/admin/*"
            element={
              <RequireRole roles={['city-admin', 'district-admin', 'auditor']}>
                <Admin />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  );
}
