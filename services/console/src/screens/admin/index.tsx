import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { CataloguePage } from './catalogue-page';
import { CategoriesPage } from './categories-page';
import { UnitsPage } from './units-page';
import { UsersPage } from './users-page';
import { Loading } from '../../components/loading';

// The calendar page carries the deadline policy's module (and zod with it): loaded when opened.
const CalendarPage = lazy(() => import('./calendar-page').then((m) => ({ default: m.CalendarPage })));

const SECTIONS = ['users', 'units', 'catalogue', 'categories', 'calendar'] as const;

/** Administration: users and roles, units, the dispatch catalogue, categories, calendar and deadlines. */
export default function AdminArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useSession();
  // Accounts are for city and district administrators; an auditor starts at the units.
  const sections = SECTIONS.filter((s) => s !== 'users' || user?.role !== 'auditor');
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
        <Route path="users" element={<UsersPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="categories" element={<CategoriesPage />} />
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
