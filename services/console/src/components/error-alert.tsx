import { Alert } from 'antd';
import { ApiError } from '../api/http';
import { useT } from '../i18n';

/** A failed request in words: the gateway's message and, when it names one, the field at fault. */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  if (error === undefined || error === null) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const known = apiError !== undefined ? t(`error.${apiError.code}`) : undefined;
  const title =
    apiError?.status === 0
      ? t('error.network')
      : known !== undefined && known !== `error.${apiError?.code}`
        ? known
        : (apiError?.message ?? (error instanceof Error ? error.message : t('error.unknown')));
  const field = apiError?.field;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={field !== undefined ? t('error.field', { field }) : undefined}
      {...(onClose !== undefined ? { closable: { onClose } } : {})}
    />
  );
}
