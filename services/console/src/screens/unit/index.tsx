import { lazy, Suspense } from 'react';
import { Result } from 'antd';
import { Route, Routes } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { InboxPage } from './inbox-page';
import { UnitCasePage } from './unit-case-page';
import { UnitRemindersPage } from '../escalation/unit-reminders-page';
import { UnitKnowledgePage } from '../knowledge/unit-knowledge-page';
import { UnitPollsPage } from '../polls/unit-polls-page';
import { CallRecordingsPage } from '../recordings/call-recordings-page';
import { Loading } from '../../components/loading';
import { ReadableTheme } from '../../components/readable-theme';

// The unit's report draws with the reports' components: loaded when opened.
const UnitReportPage = lazy(() => import('../reports').then((m) => ({ default: m.UnitReportPage })));

/** The unit portal (承办单位): the inbox by list, a case with the unit's actions, and the unit's own report. */
export default function UnitArea() {
  const t = useT();
  const { user } = useSession();
  const unitId = user?.unitId;
  if (unitId === undefined) return <Result status="warning" title={t('unit.noUnit')} />;
  // Readable like the desk and the center: the inbox's due-soon warnings need the darker shade.
  return (
    <ReadableTheme>
      <Routes>
        <Route index element={<InboxPage unitId={unitId} />} />
        <Route path="cases/:caseId" element={<UnitCasePage unitId={unitId} />} />
        <Route path="reminders" element={<UnitRemindersPage />} />
        <Route path="knowledge" element={<UnitKnowledgePage unitId={unitId} />} />
        <Route path="polls" element={<UnitPollsPage unitId={unitId} />} />
        <Route
          path="recordings"
          element={<CallRecordingsPage caseLink={(id) => `/unit/cases/${encodeURIComponent(id)}`} />}
        />
        <Route
          path="report"
          element={
            <Suspense fallback={<Loading />}>
              <UnitReportPage />
            </Suspense>
          }
        />
      </Routes>
    </ReadableTheme>
  );
}
