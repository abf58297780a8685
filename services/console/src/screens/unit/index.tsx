import { PageHeader } from '../../components';
import { useT } from '../../i18n';

export default function UnitArea() {
  const t = useT();
  return <PageHeader title={t('nav.unit')} />;
}
