import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';

export interface AnswerSource {
  articleId?: string;
  title?: string;
  body: string;
}

interface Props {
  source: AnswerSource | undefined;
  /** Type and category are needed to close at intake; the dialog says which one is missing. */
  missing: string[];
  busy: boolean;
  error: unknown;
  onSubmit: (answer: string, articleId: string | undefined) => void;
  onCancel: () => void;
}

/** 直接答复: the answer given to the caller, from a knowledge article or in the agent's words. */
export function AnswerModal({ source, missing, busy, error, onSubmit, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ answer: string }>();
  useEffect(() => {
    if (source !== undefined) form.setFieldsValue({ answer: source.body });
  }, [source, form]);
  return (
    <Modal
      open={source !== undefined}
      title={t('desk.answer.title')}
      okText={t('desk.answer.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: missing.length > 0 }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ answer }) => onSubmit(answer.trim(), source?.articleId)}
      >
        {source?.title !== undefined && (
          <Alert type="info" showIcon title={t('desk.answer.citing', { title: source.title })} />
        )}
        {missing.length > 0 && (
          <Alert type="warning" showIcon title={t('desk.answer.missing', { fields: missing.join('、') })} />
        )}
        <Form.Item
          name="answer"
          label={t('desk.answer.text')}
          rules={[{ required: true, whitespace: true, message: t('desk.answer.required') }]}
        >
          <Input.TextArea rows={8} maxLength={4000} showCount />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
