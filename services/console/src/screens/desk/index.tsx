import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CallbacksPage } from './callbacks-page';
import { IntakePage } from './intake-page';

/** The agent desk (坐席工作台): intake of calls, and the callback to-do list. */
export default function DeskArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/desk/callbacks') ? 'callbacks' : 'intake';
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === 'callbacks' ? '/desk/callbacks' : '/desk')}
        items={[
          { key: 'intake', label: t('desk.nav.intake') },
          { key: 'callbacks', label: t('desk.nav.callbacks') },
        ]}
      />
      <Routes>
        <Route index element={<IntakePage />} />
        <Route path="callbacks" element={<CallbacksPage />} />
      </Routes>
    </ReadableTheme>
  );
}
