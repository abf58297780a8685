import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { AuditPage } from './audit-page';
import { CataloguePage } from './catalogue-page';
import { CategoriesPage } from './categories-page';
import { UnitsPage } from './units-page';
import { RoutingPage } from './routing-page';
import { UsersPage } from './users-page';
import { Loading } from '../../components/loading';

// The calendar page carries the deadline policy's module (and zod with it): loaded when opened.
const CalendarPage = lazy(() => import('./calendar-page').then((m) => ({ default: m.CalendarPage })));
// The IVR page carries the flow engine and its validator (zod with them): loaded when opened.
const IvrPage = lazy(() => import('../ivr/ivr-page').then((m) => ({ default: m.IvrPage })));

const SECTIONS = [
  'audit',
  'users',
  'units',
  'catalogue',
  'categories',
  'calendar',
  'routing',
  'ivr',
] as const;

/**
 * Administration: the audit trail, users and roles, units, the dispatch catalogue, categories,
 * calendar and deadlines, the router's queues and seats, the IVR flow. Auditors start at the audit trail; administrators at the accounts.
 */
export default function AdminArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useSession();
  // Accounts are for city and district administrators; the audit trail leads for an auditor.
  const auditor = user?.role === 'auditor';
  // The router's settings and the IVR flow are the city administrator's (a district's admin and an
  // auditor: no tab).
  const cityAdmin = user?.role === 'city-admin';
  const ordered = auditor
    ? SECTIONS.filter((s) => s !== 'users')
    : (['users', ...SECTIONS.filter((s) => s !== 'users')] as const);
  const sections = ordered.filter((s) => (s !== 'routing' && s !== 'ivr') || cityAdmin);
  const first = sections[0] ?? 'units';
  const active = sections.find((s) => pathname.startsWith(`/admin/${s}`)) ?? first;
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/admin/${key}`)}
        items={sections.map((key) => ({ key, label: t(`admin.nav.${key}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to={first} replace />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="routing" element={<RoutingPage />} />
        <Route
          path="ivr"
          element={
            <Suspense fallback={<Loading />}>
              <IvrPage />
            </Suspense>
          }
        />
        <Route
          path="calendar"
          element={
            <Suspense fallback={<Loading />}>
              <CalendarPage />
            </Suspense>
          }
        />
      </Routes>
    </ReadableTheme>
  );
}
