import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { CaseSummaryView } from '@hotline/contracts';
import { apiPost, newCommandId } from '../../api/http';
import { CaseNumberLink } from '../../components/case-link';
import { errorText } from '../../components/error-text';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { listUnits } from './center-api';

type Outcome = { state: 'sending' } | { state: 'dispatched' } | { state: 'refused'; reason: string };

interface Values {
  leadUnitId: string;
  note?: string;
}

/** How many dispatches are in flight at once: enough to be quick, few enough to spare the server. */
const PARALLEL = 4;

/**
 * 批量派单: the selected cases to one lead unit, one DispatchCase per case with its own command id,
 * kept for the dialog's life, so "retry" after a lost answer or a refusal applies each dispatch once.
 * The unit and note are fixed after the first attempt (a retry with other values would be another
 * command under the same id). Each case's deadline follows its own type, as in a single dispatch.
 */
export function BatchDispatchModal({
  cases,
  onClose,
}: {
  cases: readonly CaseSummaryView[];
  /** `changed`: at least one case was dispatched, so the list must be read again. */
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const units = useRequest(() => listUnits(false), 'units:active');
  const [commandIds] = useState(() => new Map(cases.map((c) => [c.caseId, newCommandId()])));
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [sent, setSent] = useState<Values | undefined>(undefined);
  const busy = Object.values(outcomes).some((o) => o.state === 'sending');
  const dispatched = cases.filter((c) => outcomes[c.caseId]?.state === 'dispatched').length;
  const refused = cases.filter((c) => outcomes[c.caseId]?.state === 'refused').length;

  const dispatchAll = async (values: Values) => {
    setSent(values);
    const todo = cases.filter((c) => outcomes[c.caseId]?.state !== 'dispatched');
    setOutcomes((now) => ({
      ...now,
      ...Object.fromEntries(todo.map((c) => [c.caseId, { state: 'sending' }])),
    }));
    const note = values.note?.trim();
    const one = async (item: CaseSummaryView) => {
      let outcome: Outcome;
      try {
        await apiPost(`/api/cases/${encodeURIComponent(item.caseId)}/dispatch`, {
          commandId: commandIds.get(item.caseId),
          leadUnitId: values.leadUnitId,
          coHandlers: [],
          ...(note ? { note } : {}),
        });
        outcome = { state: 'dispatched' };
      } catch (error) {
        outcome = { state: 'refused', reason: errorText(error, t, locale) };
      }
      setOutcomes((now) => ({ ...now, [item.caseId]: outcome }));
    };
    const queue = [...todo];
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) await one(next);
      }),
    );
  };

  const result = (caseId: string) => {
    const outcome = outcomes[caseId];
    if (outcome === undefined) return <Tag>{t('batch.pending')}</Tag>;
    if (outcome.state === 'sending') return <Tag color="processing">{t('batch.sending')}</Tag>;
    if (outcome.state === 'dispatched') return <Tag color="success">{t('batch.dispatched')}</Tag>;
    return <Typography.Text type="danger">{t('batch.refused', { reason: outcome.reason })}</Typography.Text>;
  };

  return (
    <Modal
      open
      width={760}
      title={t('batch.title', { count: cases.length })}
      onCancel={() => !busy && onClose(dispatched > 0)}
      maskClosable={false}
      footer={[
        sent === undefined ? (
          <Button key="send" type="primary" onClick={() => form.submit()}>
            {t('batch.submit')}
          </Button>
        ) : (
          refused > 0 && (
            <Button key="retry" loading={busy} onClick={() => void dispatchAll(sent)}>
              {t('batch.retry')}
            </Button>
          )
        ),
        <Button key="close" disabled={busy} onClick={() => onClose(dispatched > 0)}>
          {t('batch.close')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('batch.hint')} />
      <Form
        form={form}
        layout="vertical"
        aria-label={t('batch.open')}
        disabled={sent !== undefined}
        onFinish={(values) => void dispatchAll(values)}
      >
        <Form.Item
          name="leadUnitId"
          label={t('dispatch.lead')}
          rules={[{ required: true, message: t('dispatch.leadRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            placeholder={t('dispatch.leadPlaceholder')}
            options={(units.data ?? []).map((unit) => ({ value: unit.unitId, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('dispatch.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {sent !== undefined && !busy && (
        <p role="status">{t('batch.summary', { done: dispatched, refused })}</p>
      )}
      <Table<CaseSummaryView>
        rowKey="caseId"
        size="small"
        pagination={false}
        dataSource={[...cases]}
        columns={[
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            render: (n: string) => <CaseNumberLink area="center" caseNumber={n} />,
          },
          {
            title: t('case.title'),
            dataIndex: 'title',
            render: (title: string) => (
              <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 260 }}>
                {title}
              </Typography.Text>
            ),
          },
          { title: t('batch.result'), key: 'result', render: (_: unknown, row) => result(row.caseId) },
        ]}
      />
    </Modal>
  );
}
