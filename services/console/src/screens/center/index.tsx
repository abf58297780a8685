import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ReadableTheme } from '../../components/readable-theme';
import { useT } from '../../i18n';
import { CaseDetailPage } from './case-detail-page';
import { CaseSearchPage } from './case-search-page';
import { OverviewPage } from './overview-page';

/** The center console (热线办): the overview of queues, case search, case detail and actions. */
export default function CenterArea() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith('/center/cases') ? 'cases' : 'overview';
  return (
    <ReadableTheme>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === 'cases' ? '/center/cases' : '/center')}
        items={[
          { key: 'overview', label: t('center.nav.overview') },
          { key: 'cases', label: t('center.nav.cases') },
        ]}
      />
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="cases" element={<CaseSearchPage />} />
        <Route path="cases/:caseId" element={<CaseDetailPage />} />
      </Routes>
    </ReadableTheme>
  );
}
