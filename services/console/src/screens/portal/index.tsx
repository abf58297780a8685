import { PageHeader } from '../../components';
import { useT } from '../../i18n';

export default function PortalArea() {
  const t = useT();
  return <PageHeader title={t('nav.portal')} />;
}
