import { Button, Card, Space, Table, Typography } from 'antd';
import { EmptyState, ToneTag } from '../../components';
import { useT } from '../../i18n';
import { pollResultsExport, type PollDisputeReply, type PollResults, type PollUnitResult } from './polls-api';
import { verificationState } from './verification-state';

const TONES = { pending: 'grey', overdue: 'red', agreed: 'green', disputed: 'orange' } as const;

/**
 * A unit's verification in words: pending, overdue past the deadline, agreed or disputed (late when
 * after the deadline); with `withResponse`, a dispute's words under it.
 */
export function useVerificationLabel(withResponse = false) {
  const t = useT();
  return (row: PollUnitResult, verifyBy: string | undefined) => {
    const v = row.verification;
    const state = verificationState(v, verifyBy, new Date());
    const tag = (
      <ToneTag tone={TONES[state]}>
        {`${t(`polls.verification.${state}`)}${v?.late ? t('polls.verification.late') : ''}`}
      </ToneTag>
    );
    if (!withResponse || !v?.response) return tag;
    return (
      <Space direction="vertical" size={0}>
        {tag}
        <Typography.Text type="secondary">{v.response}</Typography.Text>
        {v.reply && <Typography.Text>{replyText(t, v.reply)}</Typography.Text>}
      </Space>
    );
  };
}

/**
 * The center's final reply in words: 终审：维持原结果（理由） or 采纳异议，剔除 N 份、更正 M 份问卷后
 * 重新计算（理由）, naming only what the reply did.
 */
export function replyText(t: ReturnType<typeof useT>, reply: PollDisputeReply): string {
  const what = [
    reply.struck > 0 ? t('polls.reply.said.struck', { count: reply.struck }) : '',
    reply.corrected > 0 ? t('polls.reply.said.corrected', { count: reply.corrected }) : '',
  ].filter(Boolean);
  return t(`polls.reply.said.${reply.decision}`, {
    reasons: reply.reasons,
    what: what.join(t('polls.reply.said.and')),
  });
}

/**
 * The ranking (评议结果): the weighted index, each question's mean score, the unit's verification;
 * with `onReply`, a dispute not yet answered offers the center its reply (二次终审).
 */
export function PollResultsCard({
  results,
  onReply,
}: {
  results: PollResults | undefined;
  onReply?: (row: PollUnitResult) => void;
}) {
  const t = useT();
  const verification = useVerificationLabel(true);
  const score = (value: number | null) => (value === null ? '—' : value.toFixed(1));
  return (
    <Card
      size="small"
      title={t('polls.results.title')}
      extra={
        results && (
          <Button href={pollResultsExport(results.roundId)} download>
            {t('polls.results.export')}
          </Button>
        )
      }
    >
      <Table<PollUnitResult>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={results?.rows ?? []}
        locale={{ emptyText: <EmptyState description={t('polls.results.none')} /> }}
        columns={[
          {
            title: t('polls.results.rank'),
            dataIndex: 'rank',
            width: 70,
            render: (rank: number | null) => rank ?? '—',
          },
          { title: t('polls.results.unit'), dataIndex: 'name' },
          { title: t('polls.results.interviews'), dataIndex: 'interviews', align: 'right' },
          { title: t('polls.results.index'), dataIndex: 'index', align: 'right', render: score },
          ...(results?.questions ?? []).map((question, i) => ({
            title: t('polls.results.weight', { text: question.text, weight: question.weight }),
            key: question.questionId,
            align: 'right' as const,
            render: (_: unknown, row: PollUnitResult) => score(row.questions[i]?.mean ?? null),
          })),
          {
            title: t('polls.results.verification'),
            key: 'verification',
            render: (_: unknown, row) => (
              <Space direction="vertical" size={0}>
                {verification(row, results?.verifyBy)}
                {onReply && row.verification?.agreed === false && !row.verification.reply && (
                  <Button size="small" onClick={() => onReply(row)}>
                    {t('polls.reply.open')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
