import { PageHeader } from '../../components';
import { useT } from '../../i18n';

// Placeholder of engineer B's area; B replaces this file with the area and its nested routes.
export default function AdminArea() {
  const t = useT();
  return <PageHeader title={t('nav.admin')} />;
}
