import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { sendReminder } from './escalation-api';

/** 催办: the center chases the unit holding the case, with a note the unit reads in its portal. */
export function RemindButton({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('escalation.remind.button')}</Button>
      <FormModal<{ note: string }>
        open={open}
        title={t('escalation.remind.title', { number: caseNumber })}
        okText={t('escalation.remind.submit')}
        // The reminder's id is the command's: a retried click is the same reminder.
        onSubmit={({ note }, commandId) =>
          sendReminder(commandId, `manual.${commandId}`, caseId, note.trim())
        }
        onDone={() => {
          setOpen(false);
          void message.success(t('escalation.remind.sent', { number: caseNumber }));
        }}
        onCancel={() => setOpen(false)}
      >
        <Form.Item
          name="note"
          label={t('escalation.remind.note')}
          rules={[{ required: true, whitespace: true, message: t('escalation.remind.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('escalation.remind.placeholder')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
