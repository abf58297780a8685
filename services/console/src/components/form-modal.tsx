import { useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import { newCommandId } from '../api/http';
import { useT } from '../i18n';
import { ErrorAlert } from './error-alert';

export interface FormModalProps<T> {
  open: boolean;
  title: string;
  okText: string;
  /** Sends the form's values with a command id kept across retries of this opening. */
  onSubmit: (values: T, commandId: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A dialog that sends one command from a small form: the button spins while it is sent, a refusal
 * shows in words under the form, and a retry after a failure is the same command (its id is kept
 * until the dialog is opened again).
 */
export function FormModal<T>({
  open,
  title,
  okText,
  onSubmit,
  onDone,
  onCancel,
  children,
}: FormModalProps<T>) {
  const t = useT();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [commandId, setCommandId] = useState(newCommandId);
  const submit = async (values: T) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values, commandId);
      setCommandId(newCommandId());
      form.resetFields();
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {children}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
