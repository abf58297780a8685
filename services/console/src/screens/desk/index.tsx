import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CallbacksPage } from './callbacks-page';
import { IntakePage } from './intake-page';
import { WaitingContactsPage } from './waiting-contacts-page';

/** The agent desk (坐席工作台): intake of calls, messages waiting for an agent, the callback to-do list. */
export default function DeskArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/desk/callbacks')
    ? 'callbacks'
    : pathname.startsWith('/desk/waiting')
      ? 'waiting'
      : 'intake';
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === 'intake' ? '/desk' : `/desk/${key}`)}
        items={[
          { key: 'intake', label: t('desk.nav.intake') },
          { key: 'waiting', label: t('desk.nav.waiting') },
          { key: 'callbacks', label: t('desk.nav.callbacks') },
        ]}
      />
      <Routes>
        <Route index element={<IntakePage />} />
        <Route path="waiting" element={<WaitingContactsPage />} />
        <Route path="callbacks" element={<CallbacksPage />} />
      </Routes>
    </ReadableTheme>
  );
}
