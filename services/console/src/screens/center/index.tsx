import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CaseDetailPage } from './case-detail-page';
import { CaseSearchPage } from './case-search-page';
import { PublicRecordReviewPage } from './public-record-review-page';
import { ReportedCasesPage } from './reported-cases-page';
import { SuggestionAccuracyPage } from './suggestion-accuracy-page';
import { SatisfactionPage } from '../survey/satisfaction-page';
import { CenterPollsPage } from '../polls/center-polls-page';
import { SupervisionLedgerPage } from '../escalation/supervision-ledger-page';
import { useSession } from '../../auth/session';
import { CenterKnowledgePage } from '../knowledge/center-knowledge-page';
// The overview's charts (ECharts) load after its numbers show (LazyEChart), not with the area.
import { OverviewPage } from './overview-page';
import { CallRecordingsPage } from '../recordings/call-recordings-page';
import { Loading } from '../../components/loading';

// Reports and the daily digest draw charts too: loaded when opened.
const ReportsPage = lazy(() => import('../reports').then((m) => ({ default: m.ReportsPage })));
const DigestPage = lazy(() => import('../reports').then((m) => ({ default: m.DigestPage })));
const LeaderDashboardPage = lazy(() =>
  import('../dashboards/leader-dashboard-page').then((m) => ({ default: m.LeaderDashboardPage })),
);

/** The tabs with a path of their own under /center (the overview is /center itself). */
const TABS = [
  'cases',
  'reported',
  'public-record',
  'supervisions',
  'leader',
  'reports',
  'digest',
  'satisfaction',
  'polls',
  'accuracy',
  'knowledge',
  'recordings',
] as const;

/**
 * The center console (热线办): the overview of queues, case search, case detail and actions, and the
 * cases reported to the leaders (the leaders' own area), and the review before the public record.
 */
export default function CenterArea() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => pathname.startsWith(`/center/${tab}`)) ?? 'overview';
  return (
    <ReadableTheme>
      {/* Thirteen areas: a narrower gutter keeps them on one line at 1280 px in English too (an
          overflow menu inside the tab list fails axe's aria-required-children). */}
      <Tabs
        tabBarGutter={16}
        activeKey={active}
        onChange={(key) => void navigate(key === 'overview' ? '/center' : `/center/${key}`)}
        items={[
          { key: 'overview', label: t('center.nav.overview') },
          { key: 'cases', label: t('center.nav.cases') },
          { key: 'reported', label: t('center.nav.reported') },
          { key: 'public-record', label: t('center.nav.publicRecord') },
          { key: 'supervisions', label: t('escalation.nav.ledger') },
          { key: 'leader', label: t('dashboard.leaderNav') },
          { key: 'reports', label: t('reports.nav') },
          { key: 'digest', label: t('reports.digestNav') },
          { key: 'satisfaction', label: t('survey.satisfaction.nav') },
          { key: 'polls', label: t('polls.nav') },
          { key: 'accuracy', label: t('center.nav.accuracy') },
          { key: 'recordings', label: t('recordings.nav') },
          ...(user?.role === 'center' ? [{ key: 'knowledge', label: t('knowledge.nav') }] : []),
        ]}
      />
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="cases" element={<CaseSearchPage />} />
        <Route path="reported" element={<ReportedCasesPage />} />
        <Route path="public-record" element={<PublicRecordReviewPage />} />
        <Route path="accuracy" element={<SuggestionAccuracyPage />} />
        <Route
          path="reports"
          element={
            <Suspense fallback={<Loading />}>
              <ReportsPage />
            </Suspense>
          }
        />
        <Route
          path="leader"
          element={
            <Suspense fallback={<Loading />}>
              <LeaderDashboardPage />
            </Suspense>
          }
        />
        <Route
          path="digest"
          element={
            <Suspense fallback={<Loading />}>
              <DigestPage />
            </Suspense>
          }
        />
        <Route path="satisfaction" element={<SatisfactionPage />} />
        <Route path="polls" element={<CenterPollsPage />} />
        <Route path="supervisions" element={<SupervisionLedgerPage canClose={user?.role === 'center'} />} />
        <Route path="cases/:caseId" element={<CaseDetailPage />} />
        <Route path="knowledge" element={<CenterKnowledgePage />} />
        <Route
          path="recordings"
          element={<CallRecordingsPage caseLink={(id) => `/center/cases/${encodeURIComponent(id)}`} />}
        />
      </Routes>
    </ReadableTheme>
  );
}
