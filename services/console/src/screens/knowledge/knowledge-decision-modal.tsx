import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { newCommandId } from '../../api/http';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';
import { retireArticle, reviewArticle, type KnowledgeArticleListItem } from './knowledge-api';

export type KnowledgeDecision = 'publish' | 'sendBack' | 'retire';

/**
 * The center decides on an article: publish the version in review, send it back with a note for
 * the unit, or retire a published article with the reason. One command id per dialog.
 */
export function KnowledgeDecisionModal({
  item,
  decision,
  onDone,
  onCancel,
}: {
  item: KnowledgeArticleListItem;
  decision: KnowledgeDecision;
  onDone: (position: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text?: string }>();
  const [commandId] = useState(newCommandId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const needsText = decision !== 'publish';

  const submit = async ({ text }: { text?: string }) => {
    setBusy(true);
    setError(undefined);
    const value = text?.trim() ?? '';
    try {
      const reply =
        decision === 'retire'
          ? await retireArticle(commandId, item.articleId, value)
          : await reviewArticle(
              commandId,
              item.articleId,
              item.latestVersion,
              decision === 'publish' ? 'approve' : 'reject',
              value === '' ? undefined : value,
            );
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const title = t(`knowledge.${decision}`);
  return (
    <Modal
      open
      title={title}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: decision === 'retire' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" aria-label={title} onFinish={(values) => void submit(values)}>
        <Typography.Paragraph strong>{item.latest.title}</Typography.Paragraph>
        <Form.Item
          name="text"
          label={t(
            decision === 'retire'
              ? 'knowledge.retireReason'
              : decision === 'sendBack'
                ? 'knowledge.sendBackNoteLabel'
                : 'knowledge.publishNote',
          )}
          rules={[{ required: needsText, whitespace: true, message: t('knowledge.textRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
