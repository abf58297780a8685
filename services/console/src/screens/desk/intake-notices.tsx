import { Alert, Button } from 'antd';
import { useInstant, useT } from '../../i18n';
import type { ContactView } from './desk-api';

/** Above the desk's form: a draft restored from the browser, or the waiting message being handled. */
export function IntakeNotices({
  restoredAt,
  waiting,
  onDiscard,
}: {
  restoredAt: string | undefined;
  waiting: ContactView | undefined;
  onDiscard: () => void;
}) {
  const t = useT();
  const instant = useInstant();
  return (
    <>
      {restoredAt !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('desk.draft.restored', { at: instant(restoredAt, 'time') })}
          action={
            <Button size="small" onClick={onDiscard}>
              {t('desk.draft.discard')}
            </Button>
          }
        />
      )}
      {waiting !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('desk.waiting.handling', {
            channel: t(`channel.${waiting.channel}`),
            at: instant(waiting.receivedAt),
            files: waiting.attachmentCount,
          })}
        />
      )}
    </>
  );
}
