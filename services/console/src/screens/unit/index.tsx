import { lazy, Suspense } from 'react';
import { Result } from 'antd';
import { Route, Routes } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { InboxPage } from './inbox-page';
import { UnitCasePage } from './unit-case-page';
import { Loading } from '../../components/loading';

// The unit's report draws with the reports' components: loaded when opened.
const UnitReportPage = lazy(() => import('../reports').then((m) => ({ default: m.UnitReportPage })));

/** The unit portal (承办单位): the inbox by list, a case with the unit's actions, and the unit's own report. */
export default function UnitArea() {
  const t = useT();
  const { user } = useSession();
  const unitId = user?.unitId;
  if (unitId === undefined) return <Result status="warning" title={t('unit.noUnit')} />;
  return (
    <Routes>
      <Route index element={<InboxPage unitId={unitId} />} />
      <Route path="cases/:caseId" element={<UnitCasePage unitId={unitId} />} />
      <Route
        path="report"
        element={
          <Suspense fallback={<Loading />}>
            <UnitReportPage />
          </Suspense>
        }
      />
    </Routes>
  );
}
