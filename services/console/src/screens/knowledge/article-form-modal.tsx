import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { newCommandId } from '../../api/http';
import { CategoryPicker, ErrorAlert } from '../../components';
import { useT } from '../../i18n';
import {
  draftArticle,
  reviseArticle,
  type ArticleDraft,
  type KnowledgeArticleListItem,
} from './knowledge-api';

/**
 * A unit writes an entry for the knowledge base (the question citizens ask and the answer), or
 * writes its proposal again after the center sent it back. The command and article ids live as long
 * as the dialog, so pressing again after a lost answer proposes it once.
 */
export function ArticleFormModal({
  owningUnitId,
  revising,
  onDone,
  onCancel,
}: {
  owningUnitId: string;
  /** The article sent back, written again as its next version; undefined for a new proposal. */
  revising?: KnowledgeArticleListItem;
  onDone: (position: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ArticleDraft>();
  const [ids] = useState(() => ({ commandId: newCommandId(), articleId: `kb-${newCommandId()}` }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (values: ArticleDraft) => {
    setBusy(true);
    setError(undefined);
    const draft: ArticleDraft = {
      title: values.title.trim(),
      body: values.body.trim(),
      tags: (values.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''),
      ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
    };
    try {
      const reply =
        revising === undefined
          ? await draftArticle(ids.commandId, ids.articleId, owningUnitId, draft)
          : await reviseArticle(
              ids.commandId,
              revising.articleId,
              revising.latestVersion,
              owningUnitId,
              draft,
            );
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const title = t(revising === undefined ? 'knowledge.propose' : 'knowledge.revise');
  return (
    <Modal
      open
      title={title}
      okText={t('knowledge.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={revising?.latest ?? { tags: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="title"
          label={t('knowledge.question')}
          rules={[{ required: true, whitespace: true, message: t('knowledge.questionRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('knowledge.answer')}
          rules={[{ required: true, whitespace: true, message: t('knowledge.answerRequired') }]}
        >
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('knowledge.category')}>
          <CategoryPicker />
        </Form.Item>
        <Form.Item name="tags" label={t('knowledge.tags')} extra={t('knowledge.tagsHint')}>
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', ' ']}
            maxCount={30}
          />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
