import { Result } from 'antd';
import { Route, Routes } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { InboxPage } from './inbox-page';
import { UnitCasePage } from './unit-case-page';

/** The unit portal (承办单位): the inbox by list, and a case with the unit's actions. */
export default function UnitArea() {
  const t = useT();
  const { user } = useSession();
  const unitId = user?.unitId;
  if (unitId === undefined) return <Result status="warning" title={t('unit.noUnit')} />;
  return (
    <Routes>
      <Route index element={<InboxPage unitId={unitId} />} />
      <Route path="cases/:caseId" element={<UnitCasePage unitId={unitId} />} />
    </Routes>
  );
}
