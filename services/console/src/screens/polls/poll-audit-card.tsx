import { Button, Card, Space, Table } from 'antd';
import { EmptyState } from '../../components';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { auditPollInterview, listPollInterviews, type PollInterview, type PollRound } from './polls-api';
import { usePollAction } from './use-poll-action';

/**
 * The interviews the seeded draw picked for audit (审核): the auditor listens to the recording and
 * upholds the questionnaire or not; one not upheld leaves the results.
 */
export function PollAuditCard({
  round,
  onAudited,
}: {
  round: PollRound;
  onAudited: (position?: number) => void;
}) {
  const t = useT();
  const { run, busy } = usePollAction();
  const audits = useRequest(
    () => listPollInterviews(round.roundId, { audit: true, status: 'completed', limit: 50 }),
    `poll-audits:${round.roundId}`,
  );
  const units = new Map(round.questionnaire.units.map((u) => [u.unitId, u.name]));
  const options = new Map(
    round.questionnaire.questions.map((q) => [q.questionId, new Map(q.options.map((o) => [o.key, o.label]))]),
  );
  const questions = new Map(round.questionnaire.questions.map((q) => [q.questionId, q.text]));
  const answers = (row: PollInterview) =>
    (row.evaluations ?? [])
      .map(
        (e) =>
          `${units.get(e.unitId) ?? ''}：${Object.entries(e.answers)
            .map(([q, o]) => `${questions.get(q) ?? ''} ${options.get(q)?.get(o) ?? ''}`)
            .join('，')}`,
      )
      .join('；');
  const audit = async (row: PollInterview, upheld: boolean) => {
    const reply = await run(
      (commandId) => auditPollInterview(row.interviewId, commandId, upheld),
      t('polls.audit.done'),
    );
    if (reply) {
      audits.reload();
      onAudited(reply.position);
    }
  };
  const rows = (audits.data?.items ?? []).filter((row) => !row.audited);
  return (
    <Card size="small" title={t('polls.audit.title')}>
      <Table<PollInterview>
        rowKey="interviewId"
        size="small"
        pagination={false}
        loading={audits.loading}
        dataSource={rows}
        locale={{ emptyText: <EmptyState description={t('polls.audit.none')} /> }}
        columns={[
          {
            title: t('polls.audit.interview'),
            dataIndex: 'seq',
            width: 80,
            render: (seq: number) => `#${seq}`,
          },
          {
            title: t('polls.audit.recording'),
            dataIndex: 'recordingId',
            render: (id?: string) => t(id ? 'polls.audit.hasRecording' : 'polls.audit.noRecording'),
          },
          { title: t('polls.audit.answers'), key: 'answers', render: (_: unknown, row) => answers(row) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" disabled={busy} onClick={() => void audit(row, true)}>
                  {t('polls.audit.upheld')}
                </Button>
                <Button size="small" danger disabled={busy} onClick={() => void audit(row, false)}>
                  {t('polls.audit.rejected')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
