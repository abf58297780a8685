import { useEffect } from 'react';
import { Form, Modal, Select } from 'antd';
import type { CaseDetailView, DuplicateSuggestion } from '@hotline/contracts';
import { apiPost } from '../../api/http';
import { ErrorAlert } from '../../components';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { useCaseAction } from './use-case-action';
import { Loading } from '../../components/loading';

interface Props {
  detail: CaseDetailView;
  open: boolean;
  onDone: (position: number) => void;
  onCancel: () => void;
}

const candidatesFor = (detail: CaseDetailView) =>
  apiPost<{ duplicates: DuplicateSuggestion[] }>('/api/intake/duplicates', {
    content: detail.content,
    categoryCode: detail.categoryCode,
    limit: 10,
    ...(detail.citizen.phone !== undefined ? { phone: detail.citizen.phone } : {}),
    ...(detail.place !== undefined ? { place: detail.place } : {}),
  }).then((answer) => answer.duplicates.filter((c) => c.caseId !== detail.caseId));

/** 并单: fold this registered case into the open case it repeats, chosen from the duplicate suggestions. */
export function MergeModal({ detail, open, onDone, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ masterCaseId: string }>();
  const { busy, error, send, renew } = useCaseAction(onDone);
  const candidates = useRequest(() => candidatesFor(detail), open ? `dups:${detail.caseId}` : null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    renew();
  }, [open, form, renew]);

  const submit = ({ masterCaseId }: { masterCaseId: string }) =>
    send(detail.caseId, 'merge', { masterCaseId });

  return (
    <Modal
      open={open}
      title={t('center.action.merge')}
      okText={t('center.action.merge')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {candidates.loading && <Loading />}
      <ErrorAlert error={candidates.error} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="masterCaseId"
          label={t('center.merge.master')}
          extra={t('center.merge.hint')}
          rules={[{ required: true, message: t('center.merge.required') }]}
        >
          <Select
            showSearch
            options={(candidates.data ?? []).map((c) => ({
              value: c.caseId,
              label: t('center.merge.option', {
                number: c.caseNumber ?? c.caseId,
                similarity: Math.round(c.similarity * 100),
              }),
            }))}
            notFoundContent={t('center.merge.none')}
          />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
