import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CaseDetailPage } from '../center/case-detail-page';
import { AgentPanel } from './agent-panel';
import { CallbacksPage } from './callbacks-page';
import { DeskPollPage } from '../polls/desk-poll-page';
import { CaseLookupPage } from './case-lookup-page';
import { IntakePage } from './intake-page';
import { WaitingContactsPage } from './waiting-contacts-page';
import { CallRecordingsPage } from '../recordings/call-recordings-page';

/**
 * The agent desk (坐席工作台): the agent's panel (session state, the ringing contact, call control,
 * bulletins) above intake of calls, messages waiting for an agent, the callback to-do list and the
 * case lookup (read-only) for callers asking where their case is.
 */
export default function DeskArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/desk/callbacks')
    ? 'callbacks'
    : pathname.startsWith('/desk/polls')
      ? 'polls'
      : pathname.startsWith('/desk/waiting')
        ? 'waiting'
        : pathname.startsWith('/desk/cases')
          ? 'cases'
          : pathname.startsWith('/desk/recordings')
            ? 'recordings'
            : 'intake';
  return (
    <ReadableTheme>
      <AgentPanel />
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === 'intake' ? '/desk' : `/desk/${key}`)}
        items={[
          { key: 'intake', label: t('desk.nav.intake') },
          { key: 'waiting', label: t('desk.nav.waiting') },
          { key: 'callbacks', label: t('desk.nav.callbacks') },
          { key: 'polls', label: t('polls.deskNav') },
          { key: 'cases', label: t('desk.nav.cases') },
          { key: 'recordings', label: t('recordings.nav') },
        ]}
      />
      <Routes>
        <Route index element={<IntakePage />} />
        <Route path="waiting" element={<WaitingContactsPage />} />
        <Route path="callbacks" element={<CallbacksPage />} />
        <Route path="polls" element={<DeskPollPage />} />
        <Route path="cases" element={<CaseLookupPage />} />
        <Route path="cases/:caseId" element={<CaseDetailPage area="desk" />} />
        <Route path="recordings" element={<CallRecordingsPage caseLink={(id) => `/desk/cases/${id}`} />} />
      </Routes>
    </ReadableTheme>
  );
}
