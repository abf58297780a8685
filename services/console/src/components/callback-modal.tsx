import { useEffect, useState } from 'react';
import { Alert, Checkbox, Descriptions, Form, Input, Modal, Radio } from 'antd';
import type { CaseDetailView } from '@hotline/contracts';
import { apiGet, apiPost, newCommandId } from '../api/http';
import { useT } from '../i18n';
import { ErrorAlert } from './error-alert';
import { useRequest } from './use-request';
import { Loading } from './loading';
import { DIMENSIONS, RatingFields, type Rating } from './rating-fields';

interface Values {
  reached: boolean;
  efficiency?: Rating;
  attitude?: Rating;
  result?: Rating;
  unitAtFault?: boolean;
  note?: string;
}

export interface CallbackModalProps {
  caseId: string | undefined;
  /**
   * A survey callback task answered on the task itself (an audit of a closed case): the ratings go
   * to the survey, not onto the case. Without it the callback is recorded on the case, which
   * completes the case's task.
   */
  taskId?: string;
  onDone: (position: number) => void;
  onCancel: () => void;
}

/**
 * 回访: the agent reads the unit's reply to the citizen and records the ratings on efficiency,
 * attitude and result. Dissatisfied through the unit's fault sends the case to be redone (重办).
 */
export function CallbackModal({ caseId, taskId, onDone, onCancel }: CallbackModalProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);
  const detail = useRequest(
    () => apiGet<CaseDetailView>(`/api/cases/${encodeURIComponent(caseId ?? '')}`),
    caseId === undefined ? null : `case:${caseId}`,
  );
  const reached = Form.useWatch('reached', form);
  const ratings = Form.useWatch([], form);
  const dissatisfied = DIMENSIONS.some((d) => ratings?.[d] === 'dissatisfied');

  useEffect(() => {
    if (caseId === undefined) return;
    form.resetFields();
    setError(undefined);
    setCommandId(newCommandId());
  }, [caseId, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    const note = values.note?.trim() ? { note: values.note.trim() } : {};
    const ratings = { efficiency: values.efficiency, attitude: values.attitude, result: values.result };
    const unitAtFault = dissatisfied && values.unitAtFault === true;
    const body = values.reached
      ? { reached: true, ratings, unitAtFault, ...note }
      : { reached: false, ...note };
    const task = `/api/survey/callback-tasks/${encodeURIComponent(taskId ?? '')}`;
    const [path, sent]: [string, Record<string, unknown>] =
      taskId === undefined
        ? [`/api/cases/${encodeURIComponent(caseId ?? '')}/callback`, body]
        : values.reached
          ? [
              `${task}/answer`,
              { method: 'desk', ratings, unitAtFault, ...(note.note ? { comment: note.note } : {}) },
            ]
          : [`${task}/attempts`, { method: 'desk', failure: 'no-answer', ...note }];
    try {
      const reply = await apiPost<{ position: number }>(path, { commandId, ...sent });
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const view = detail.data;
  return (
    <Modal
      open={caseId !== undefined}
      title={t('callback.title', { number: view?.caseNumber ?? '' })}
      okText={t('callback.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
    >
      {detail.loading && <Loading />}
      <ErrorAlert error={detail.error} />
      {view !== undefined && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('callback.citizen')}>
            {[view.citizen.name, view.citizen.phone].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('callback.content')}>{view.content}</Descriptions.Item>
          <Descriptions.Item label={t('callback.reply')}>{view.reply?.result ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" initialValues={{ reached: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="reached" label={t('callback.reached')}>
          <Radio.Group
            aria-label={t('callback.reached')}
            options={[
              { value: true, label: t('callback.reached.yes') },
              { value: false, label: t('callback.reached.no') },
            ]}
          />
        </Form.Item>
        {reached !== false && <RatingFields />}
        {reached !== false && dissatisfied && (
          <>
            <Form.Item name="unitAtFault" valuePropName="checked">
              <Checkbox>{t('callback.unitAtFault')}</Checkbox>
            </Form.Item>
            <Alert type="warning" showIcon title={t('callback.redoHint')} style={{ marginBottom: 12 }} />
          </>
        )}
        <Form.Item name="note" label={t('callback.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
