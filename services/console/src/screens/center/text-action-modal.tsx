import { useEffect, useRef, type ReactNode } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';
import { useCaseAction } from './use-case-action';

/** A case action whose body is one text (a reason, comment, summary or instruction), or one choice. */
export interface TextAction {
  action: string;
  /** Message key of the dialog's title and button. */
  label: string;
  field: string;
  /** Message key of the field's label. */
  fieldLabel: string;
  required: boolean;
  /** A choice instead of free text (the close dialog's callback waiver). */
  choices?: { value: string; label: string }[];
  danger?: boolean;
}

interface Props {
  caseId: string;
  action: TextAction | undefined;
  onDone: (position: number) => void;
  onCancel: () => void;
  /** What the decision rests on, shown above the field (the unit's reason for an extension). */
  context?: ReactNode;
}

/** One dialog for the center's text-only actions; the command id lives as long as the dialog. */
export function TextActionModal({ caseId, action, onDone, onCancel, context }: Props) {
  const t = useT();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const { busy, error, send, renew } = useCaseAction(onDone);
  // The dialog keeps its title while it closes, so it is never an unnamed dialog.
  const lastAction = useRef(action);
  if (action !== undefined) lastAction.current = action;
  const shown = action ?? lastAction.current;
  useEffect(() => {
    if (action === undefined) return;
    form.resetFields();
    renew();
  }, [action, form, renew]);

  const submit = async (values: Record<string, string | undefined>) => {
    if (action === undefined) return;
    const value = values[action.field]?.trim();
    await send(caseId, action.action, value !== undefined && value !== '' ? { [action.field]: value } : {});
  };

  return (
    <Modal
      open={action !== undefined}
      title={shown !== undefined ? t(shown.label) : undefined}
      okText={shown !== undefined ? t(shown.label) : undefined}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: shown?.danger === true }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {shown !== undefined && (
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          {context}
          <Form.Item
            name={shown.field}
            label={t(shown.fieldLabel)}
            rules={[{ required: shown.required, whitespace: true, message: t('center.action.required') }]}
          >
            {shown.choices !== undefined ? (
              <Select allowClear={!shown.required} options={shown.choices} />
            ) : (
              <Input.TextArea rows={4} maxLength={2000} showCount />
            )}
          </Form.Item>
          <ErrorAlert error={error} />
        </Form>
      )}
    </Modal>
  );
}
