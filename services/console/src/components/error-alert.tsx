import { Alert } from 'antd';
import { ApiError } from '../api/http';
import { useLocale, useT } from '../i18n';
import { errorText } from './error-text';

/** A failed request in words (its code translated) and, when it names one, the field at fault. */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  if (error === undefined || error === null) return null;
  const field = error instanceof ApiError ? error.field : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error, t, locale)}
      description={field !== undefined ? t('error.field', { field }) : undefined}
      {...(onClose !== undefined ? { closable: { onClose } } : {})}
    />
  );
}
