import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';
import { NOT_ACCEPTED_REASONS, type NotAcceptedReason } from './desk-api';

export interface NotAcceptedValues {
  reason: NotAcceptedReason;
  explanation?: string;
  referral?: string;
}

interface Props {
  open: boolean;
  initialReason?: NotAcceptedReason;
  busy: boolean;
  error: unknown;
  onSubmit: (values: NotAcceptedValues) => void;
  onCancel: () => void;
}

/**
 * 不予受理: the reason, what the agent told the caller, and where the caller should go instead. An
 * emergency reason refers the call to 110/119/120/122 at once.
 */
export function NotAcceptedModal({ open, initialReason, busy, error, onSubmit, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<NotAcceptedValues>();
  useEffect(() => {
    if (open) form.setFieldsValue({ reason: initialReason, explanation: undefined, referral: undefined });
  }, [open, initialReason, form]);
  const reason = Form.useWatch('reason', form);
  const emergency = reason?.startsWith('emergency-') === true;
  return (
    <Modal
      open={open}
      title={t('desk.decline.title')}
      okText={emergency ? t('desk.decline.refer') : t('desk.decline.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} requiredMark>
        <Form.Item
          name="reason"
          label={t('desk.decline.reason')}
          rules={[{ required: true, message: t('desk.decline.reasonRequired') }]}
        >
          <Select options={NOT_ACCEPTED_REASONS.map((value) => ({ value, label: t(`reason.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="explanation"
          label={t('desk.decline.explanation')}
          extra={t('desk.decline.explanationHint')}
        >
          <Input.TextArea rows={3} maxLength={1500} />
        </Form.Item>
        {!emergency && (
          <Form.Item name="referral" label={t('desk.decline.referral')}>
            <Input maxLength={400} placeholder={t('desk.decline.referralPlaceholder')} />
          </Form.Item>
        )}
        <ErrorAlert error={error} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
