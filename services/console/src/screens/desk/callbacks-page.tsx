import { useState } from 'react';
import { App, Button, Card, Space, Table } from 'antd';
import { newCommandId } from '../../api/http';
import { CallbackModal } from '../../components/callback-modal';
import { EmptyState, ErrorAlert, PageHeader, ToneTag } from '../../components';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { CaseNumberLink } from '../../components/case-link';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT, type Translate } from '../../i18n';
import {
  OPEN_TASK_STATUSES,
  listCallbackTasks,
  recordNoAnswer,
  type CallbackSmsState,
  type CallbackTaskRow,
} from '../survey/survey-api';

const PAGE_SIZE = 20;

const smsStatus = (t: Translate, sms: CallbackSmsState): string =>
  t(`survey.sms.${sms.status}`, sms.reason ? { reason: t(`survey.sms.reason.${sms.reason}`) } : {});

/**
 * The callback queue (回访待办): the survey's open callback tasks, due first. The desk calls the
 * citizen and records the answer: on the case for a routine or center task (the manual callback,
 * which completes the task), on the task itself for an audit (the case is closed and stays so).
 * "No answer" counts an attempt; after the last one the citizen is unreachable. A task done here
 * leaves the list at once, so no citizen is called twice.
 */
export function CallbacksPage() {
  const t = useT();
  const unitName = useUnitName();
  const instant = useInstant();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const [calling, setCalling] = useState<CallbackTaskRow | undefined>(undefined);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const todo = useRequest(
    () =>
      listCallbackTasks({
        status: OPEN_TASK_STATUSES,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        minPosition,
      }),
    `callbacks:${page}:${minPosition ?? 0}`,
  );
  useLiveReload(
    todo.reload,
    (event) => event.type === 'CaseCompleted' || event.type === 'CaseCallbackRecorded',
  );
  const finish = (taskId: string, position: number | undefined) => {
    setDone((previous) => new Set(previous).add(taskId));
    if (position !== undefined) setMinPosition(position);
  };
  const noAnswer = async (row: CallbackTaskRow) => {
    try {
      const reply = await recordNoAnswer(row.taskId, newCommandId());
      void message.success(t('desk.callbacks.noAnswerRecorded', { number: row.caseNumber }));
      if (reply.position !== undefined) setMinPosition(reply.position);
      else todo.reload();
    } catch (failure) {
      void message.error(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const rows = (todo.data?.items ?? []).filter((row) => !done.has(row.taskId));

  return (
    <>
      <PageHeader
        title={t('desk.callbacks.title')}
        subTitle={todo.data !== undefined ? t('desk.callbacks.count', { count: todo.data.total }) : undefined}
        extra={<Button onClick={todo.reload}>{t('common.refresh')}</Button>}
      />
      <Card size="small">
        <ErrorAlert error={todo.error} />
        <Table<CallbackTaskRow>
          rowKey="taskId"
          size="small"
          loading={todo.loading}
          dataSource={rows}
          locale={{ emptyText: <EmptyState description={t('desk.callbacks.none')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: todo.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (number: string) => <CaseNumberLink area="desk" caseNumber={number} />,
            },
            { title: t('case.type'), dataIndex: 'caseType', render: (type: string) => t(`type.${type}`) },
            // Whose work the citizen rates: the agent says it when the call starts.
            {
              title: t('case.leadUnit'),
              dataIndex: 'unitId',
              render: (unitId: string | undefined) => unitName(unitId),
            },
            {
              title: t('survey.kind'),
              dataIndex: 'kind',
              render: (kind: string) => (
                <ToneTag tone={kind === 'audit' ? 'orange' : 'grey'}>{t(`survey.kind.${kind}`)}</ToneTag>
              ),
            },
            {
              title: t('survey.method'),
              dataIndex: 'method',
              // What became of the link's SMS, when there was one: the owner sees it failed and why.
              render: (method: string, row) => (
                <span>
                  {t(`survey.method.${method}`)}
                  {row.sms
                    ? ` · ${smsStatus(t, row.sms)}`
                    : row.status !== 'scheduled' && ` · ${t(`survey.status.${row.status}`)}`}
                </span>
              ),
            },
            {
              title: t('desk.callbacks.dueAt'),
              dataIndex: 'dueAt',
              render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
            },
            {
              title: t('desk.callbacks.attempts'),
              render: (_: unknown, row) =>
                t('desk.callbacks.attemptsOf', { n: row.attempts, max: row.maxAttempts }),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) => (
                <Space size="small">
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setCalling(row)}
                    aria-label={t('desk.callbacks.callFor', { number: row.caseNumber })}
                  >
                    {t('desk.callbacks.call')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => void noAnswer(row)}
                    aria-label={t('desk.callbacks.noAnswerFor', { number: row.caseNumber })}
                  >
                    {t('desk.callbacks.noAnswer')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CallbackModal
        caseId={calling?.caseId}
        {...(calling?.kind === 'audit' ? { taskId: calling.taskId } : {})}
        onCancel={() => setCalling(undefined)}
        onDone={(position) => {
          if (calling) finish(calling.taskId, position);
          setCalling(undefined);
        }}
      />
    </>
  );
}
