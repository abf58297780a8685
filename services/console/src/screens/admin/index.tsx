import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CalendarPage } from './calendar-page';
import { CataloguePage } from './catalogue-page';
import { CategoriesPage } from './categories-page';
import { UnitsPage } from './units-page';
import { UsersPage } from './users-page';

const SECTIONS = ['users', 'units', 'catalogue', 'categories', 'calendar'] as const;

/** Administration: users and roles, units, the dispatch catalogue, categories, calendar and deadlines. */
export default function AdminArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = SECTIONS.find((s) => pathname.startsWith(`/admin/${s}`)) ?? 'users';
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/admin/${key}`)}
        items={SECTIONS.map((key) => ({ key, label: t(`admin.nav.${key}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="calendar" element={<CalendarPage />} />
      </Routes>
    </ReadableTheme>
  );
}
