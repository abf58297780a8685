import type { ReactNode } from 'react';
import { Empty } from 'antd';
import { useT } from '../i18n';

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')}>
      {children}
    </Empty>
  );
}
