import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import type { ReminderView, SupervisionLedgerRow } from '@hotline/contracts';
import { newCommandId } from '../../api/http';
import { EmptyState, ErrorAlert, PageHeader, ToneTag } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { FormModal } from '../../components/form-modal';
import { CardTitle } from '../../components/text-parts';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import {
  getLedger,
  listReminders,
  markReminderRead,
  noticeHref,
  respondToSupervision,
} from './escalation-api';

/**
 * What the unit was chased about: the reminders (催办) it received, newest first, each marked read
 * once seen, and its supervisions (督办) still waiting for a written response.
 */
export function UnitRemindersPage() {
  const t = useT();
  const instant = useInstant();
  const reminders = useRequest(() => listReminders(), 'unit-reminders');
  const supervisions = useRequest(() => getLedger({}), 'unit-supervisions');
  const [responding, setResponding] = useState<SupervisionLedgerRow | undefined>();
  const [error, setError] = useState<unknown>();
  useLiveReload(() => {
    reminders.reload();
    supervisions.reload();
  });
  const read = async (reminder: ReminderView) => {
    try {
      await markReminderRead(newCommandId(), reminder.reminderId);
      reminders.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <PageHeader
        title={t('escalation.unit.title')}
        subTitle={reminders.data ? t('escalation.unit.unread', { count: reminders.data.unread }) : undefined}
      />
      <ErrorAlert error={error ?? reminders.error ?? supervisions.error} />
      <Card size="small" title={<CardTitle>{t('escalation.unit.reminders')}</CardTitle>}>
        <Table<ReminderView>
          rowKey="reminderId"
          size="small"
          loading={reminders.loading}
          dataSource={reminders.data?.reminders ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description={t('escalation.unit.noReminders')} /> }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (number?: string) =>
                number ? <CaseNumberLink area="unit" caseNumber={number} /> : '—',
            },
            { title: t('escalation.unit.sentAt'), dataIndex: 'sentAt', render: (at: string) => instant(at) },
            {
              title: t('escalation.unit.content'),
              render: (_: unknown, row) =>
                row.note ?? t(`escalation.point.${row.emergency ? 'emergency' : (row.point ?? 'manual')}`),
            },
            {
              title: t('escalation.unit.from'),
              render: (_: unknown, row) =>
                row.automatic ? t('escalation.unit.automatic') : t('escalation.unit.byCenter'),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) =>
                row.read ? (
                  <ToneTag tone="grey">{t('escalation.unit.read')}</ToneTag>
                ) : (
                  <Button
                    size="small"
                    onClick={() => void read(row)}
                    aria-label={t('escalation.unit.markReadFor', { number: row.caseNumber ?? '' })}
                  >
                    {t('escalation.unit.markRead')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        className="section"
        title={<CardTitle>{t('escalation.unit.supervisions')}</CardTitle>}
      >
        <Table<SupervisionLedgerRow>
          rowKey="supervisionId"
          size="small"
          loading={supervisions.loading}
          dataSource={supervisions.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description={t('escalation.ledger.none')} /> }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (number?: string) =>
                number ? <CaseNumberLink area="unit" caseNumber={number} /> : '—',
            },
            {
              title: t('escalation.ledger.scope'),
              dataIndex: 'scope',
              render: (scope: string) => t(`escalation.scope.${scope}`),
            },
            { title: t('escalation.ledger.note'), dataIndex: 'note', ellipsis: true },
            {
              title: t('escalation.ledger.rectifyBy'),
              dataIndex: 'rectifyBy',
              render: (at: string) => instant(at),
            },
            {
              title: t('escalation.ledger.status'),
              dataIndex: 'status',
              render: (status: string) => t(`escalation.status.${status}`),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) => (
                <Space size="small">
                  <Button size="small" href={noticeHref(row.supervisionId)} target="_blank">
                    {t('escalation.ledger.notice')}
                  </Button>
                  {(row.status === 'open' || row.status === 'overdue') && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setResponding(row)}
                      aria-label={t('escalation.respond.for', { number: row.caseNumber ?? '' })}
                    >
                      {t('escalation.respond.button')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RespondModal
        row={responding}
        onCancel={() => setResponding(undefined)}
        onDone={() => {
          setResponding(undefined);
          supervisions.reload();
        }}
      />
    </>
  );
}

/** 督办反馈: the unit's written response on what it rectified. */
function RespondModal({
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
    <FormModal<{ response: string }>
      open={row !== undefined}
      title={t('escalation.respond.title', { number: row?.caseNumber ?? '' })}
      okText={t('escalation.respond.submit')}
      onSubmit={({ response }, commandId) =>
        respondToSupervision(commandId, row?.supervisionId ?? '', response.trim())
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <p>{row?.note}</p>
      <Form.Item
        name="response"
        label={t('escalation.respond.response')}
        rules={[{ required: true, whitespace: true, message: t('escalation.respond.required') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
