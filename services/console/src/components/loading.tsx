import { Spin } from 'antd';
import { useT } from '../i18n';

/**
 * Ant Design's spinner, announced as a status. `aria-label` on the spinner itself lands on a plain
 * `div`, where ARIA prohibits it (axe: aria-prohibited-attr) and screen readers ignore it; a `status`
 * role carries the name and is announced politely.
 */
export function Loading({ size }: { size?: 'small' | 'large' }) {
  const t = useT();
  return (
    <div role="status" aria-label={t('common.loading')} style={{ display: 'inline-block' }}>
      <Spin size={size} />
    </div>
  );
}
