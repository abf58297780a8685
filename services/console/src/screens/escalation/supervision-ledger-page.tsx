import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SupervisionLedgerRow } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader, ToneTag, type Tone } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { FormModal } from '../../components/form-modal';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import {
  closeSupervision,
  getLedger,
  ledgerExportHref,
  noticeHref,
  type LedgerFilters,
} from './escalation-api';

const STATUSES = ['open', 'responded', 'overdue', 'closed'] as const;
const SCOPES = [
  'buck-passing',
  'repeat-complaint',
  'overdue',
  'dissatisfied-callback',
  'leader-instruction',
  'media-exposure',
  'other',
] as const;
const LEVELS = ['center', 'city-government'] as const;
const STATUS_TONE: Record<SupervisionLedgerRow['status'], Tone> = {
  open: 'orange',
  responded: 'blue',
  overdue: 'red',
  closed: 'green',
};

/** The start of a China day as an instant (the ledger filters on when a supervision opened). */
const chinaDayStart = (day: Dayjs) => new Date(`${day.format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString();

/**
 * The supervision ledger (督办台账): every supervision with its scope, level, unit, rectification
 * deadline, the unit's response and the verdict; filtered, exported to Excel, each notice (督办单)
 * printable; the center closes a supervision with its verdict.
 */
export function SupervisionLedgerPage({ canClose }: { canClose: boolean }) {
  const t = useT();
  const instant = useInstant();
  const unitName = useUnitName();
  const [filters, setFilters] = useState<Partial<LedgerFilters>>({});
  const [closing, setClosing] = useState<SupervisionLedgerRow | undefined>();
  const ledger = useRequest(() => getLedger(filters), `ledger:${JSON.stringify(filters)}`);
  const set = (key: keyof LedgerFilters) => (value: string | undefined) =>
    setFilters((previous) => ({ ...previous, [key]: value }));

  return (
    <>
      <PageHeader
        title={t('escalation.ledger.title')}
        extra={
          <Space>
            <Button onClick={ledger.reload}>{t('common.refresh')}</Button>
            <Button href={ledgerExportHref(filters)} download>
              {t('escalation.ledger.export')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item label={t('escalation.ledger.status')} htmlFor="ledger-status">
            <Select
              id="ledger-status"
              allowClear
              style={{ width: 140 }}
              onChange={set('status')}
              options={STATUSES.map((value) => ({ value, label: t(`escalation.status.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('escalation.ledger.scope')} htmlFor="ledger-scope">
            <Select
              id="ledger-scope"
              allowClear
              style={{ width: 160 }}
              onChange={set('scope')}
              options={SCOPES.map((value) => ({ value, label: t(`escalation.scope.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('escalation.ledger.level')} htmlFor="ledger-level">
            <Select
              id="ledger-level"
              allowClear
              style={{ width: 160 }}
              onChange={set('level')}
              options={LEVELS.map((value) => ({ value, label: t(`escalation.level.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('escalation.ledger.period')} htmlFor="ledger-period">
            <DatePicker.RangePicker
              id={{ start: 'ledger-period' }}
              allowEmpty={[true, true]}
              onChange={(range) =>
                setFilters((previous) => ({
                  ...previous,
                  from: range?.[0] ? chinaDayStart(range[0]) : undefined,
                  to: range?.[1] ? chinaDayStart(range[1].add(1, 'day')) : undefined,
                }))
              }
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={ledger.error} />
        <Table<SupervisionLedgerRow>
          rowKey="supervisionId"
          size="small"
          loading={ledger.loading}
          dataSource={ledger.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={t('escalation.ledger.none')} /> }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (number: string | undefined) =>
                number ? <CaseNumberLink area="center" caseNumber={number} /> : '—',
            },
            { title: t('escalation.unit'), dataIndex: 'unitId', render: (id: string) => unitName(id) },
            {
              title: t('escalation.ledger.scope'),
              dataIndex: 'scope',
              render: (scope: string) => t(`escalation.scope.${scope}`),
            },
            {
              title: t('escalation.ledger.level'),
              dataIndex: 'level',
              render: (level: string) => t(`escalation.level.${level}`),
            },
            {
              title: t('escalation.ledger.status'),
              dataIndex: 'status',
              render: (status: SupervisionLedgerRow['status']) => (
                <ToneTag tone={STATUS_TONE[status]}>{t(`escalation.status.${status}`)}</ToneTag>
              ),
            },
            {
              title: t('escalation.ledger.openedAt'),
              dataIndex: 'openedAt',
              render: (at: string) => instant(at),
            },
            {
              title: t('escalation.ledger.rectifyBy'),
              dataIndex: 'rectifyBy',
              render: (at: string) => instant(at),
            },
            { title: t('escalation.ledger.note'), dataIndex: 'note', ellipsis: true },
            {
              title: t('escalation.ledger.response'),
              dataIndex: 'response',
              ellipsis: true,
              render: (text?: string) => text ?? '—',
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) => (
                <Space size="small">
                  <Button
                    size="small"
                    href={noticeHref(row.supervisionId)}
                    target="_blank"
                    aria-label={t('escalation.ledger.noticeFor', { number: row.caseNumber ?? '' })}
                  >
                    {t('escalation.ledger.notice')}
                  </Button>
                  {canClose && row.status !== 'closed' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setClosing(row)}
                      aria-label={t('escalation.ledger.closeFor', { number: row.caseNumber ?? '' })}
                    >
                      {t('escalation.ledger.close')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CloseSupervisionModal
        row={closing}
        onCancel={() => setClosing(undefined)}
        onDone={() => {
          setClosing(undefined);
          ledger.reload();
        }}
      />
    </>
  );
}

interface CloseValues {
  verdict: 'rectified' | 'not-rectified';
  comment: string;
}

/** 办结督办: the center's verdict on the unit's rectification, with its reasons. */
function CloseSupervisionModal({
  row,
  onCancel,
  onDone,
}: {
  row: SupervisionLedgerRow | undefined;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <FormModal<CloseValues>
      open={row !== undefined}
      title={t('escalation.close.title', { number: row?.caseNumber ?? '' })}
      okText={t('escalation.ledger.close')}
      onSubmit={({ verdict, comment }, commandId) =>
        closeSupervision(commandId, row?.supervisionId ?? '', verdict, comment.trim())
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item
        name="verdict"
        label={t('escalation.close.verdict')}
        rules={[{ required: true, message: t('escalation.close.verdictRequired') }]}
      >
        <Radio.Group
          aria-label={t('escalation.close.verdict')}
          options={[
            { value: 'rectified', label: t('escalation.verdict.rectified') },
            { value: 'not-rectified', label: t('escalation.verdict.not-rectified') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={t('escalation.close.comment')}
        rules={[{ required: true, whitespace: true, message: t('escalation.close.commentRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
