import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CaseDetailPage } from './case-detail-page';
import { CaseSearchPage } from './case-search-page';
import { PublicRecordReviewPage } from './public-record-review-page';
import { ReportedCasesPage } from './reported-cases-page';
import { Loading } from '../../components/loading';

// The overview's charts (ECharts) load only when the overview is opened, not with a case or a search.
const OverviewPage = lazy(() => import('./overview-page').then((m) => ({ default: m.OverviewPage })));

/**
 * The center console (热线办): the overview of queues, case search, case detail and actions, and the
 * cases reported to the leaders (the leaders' own area), and the review before the public record.
 */
export default function CenterArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/center/cases')
    ? 'cases'
    : pathname.startsWith('/center/reported')
      ? 'reported'
      : pathname.startsWith('/center/public-record')
        ? 'public-record'
        : 'overview';
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === 'overview' ? '/center' : `/center/${key}`)}
        items={[
          { key: 'overview', label: t('center.nav.overview') },
          { key: 'cases', label: t('center.nav.cases') },
          { key: 'reported', label: t('center.nav.reported') },
          { key: 'public-record', label: t('center.nav.publicRecord') },
        ]}
      />
      <Routes>
        <Route
          index
          element={
            <Suspense fallback={<Loading />}>
              <OverviewPage />
            </Suspense>
          }
        />
        <Route path="cases" element={<CaseSearchPage />} />
        <Route path="reported" element={<ReportedCasesPage />} />
        <Route path="public-record" element={<PublicRecordReviewPage />} />
        <Route path="cases/:caseId" element={<CaseDetailPage />} />
      </Routes>
    </ReadableTheme>
  );
}
