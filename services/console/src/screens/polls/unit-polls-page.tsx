import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Space, Typography } from 'antd';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { replyText, useVerificationLabel } from './poll-results-card';
import { getPollResults, listPollRounds, verifyPollResults, type PollResults } from './polls-api';
import { usePollAction } from './use-poll-action';

/**
 * A unit's opinion poll results (民主评议核对): its index, rank and scores per question in each
 * published round, and its verification by the deadline (three working days): agreed, or disputed
 * with its response. A unit sees its own figures only.
 */
export function UnitPollsPage({ unitId }: { unitId: string }) {
  const t = useT();
  const rounds = useRequest(() => listPollRounds(), 'unit-poll-rounds');
  const published = (rounds.data?.items ?? []).filter((round) => round.status === 'published');
  return (
    <>
      <PageHeader title={t('polls.unit.title')} subTitle={t('polls.unit.intro')} />
      <ErrorAlert error={rounds.error} />
      {rounds.data && published.length === 0 && <EmptyState description={t('polls.unit.none')} />}
      <Flex vertical gap="middle">
        {published.map((round) => (
          <UnitRoundCard key={round.roundId} roundId={round.roundId} unitId={unitId} />
        ))}
      </Flex>
    </>
  );
}

function UnitRoundCard({ roundId, unitId }: { roundId: string; unitId: string }) {
  const t = useT();
  const instant = useInstant();
  const verification = useVerificationLabel();
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const results = useRequest(
    () => getPollResults(roundId, minPosition),
    `unit-poll-results:${roundId}:${minPosition ?? 0}`,
  );
  const [response, setResponse] = useState('');
  const { run, busy } = usePollAction();
  const row = results.data?.rows[0];
  const verify = async (agreed: boolean) => {
    const reply = await run(
      (id) => verifyPollResults(roundId, unitId, id, agreed, response.trim() || undefined),
      t('polls.unit.done'),
    );
    if (reply?.position !== undefined) setMinPosition(reply.position);
  };
  const data: PollResults | undefined = results.data;
  return (
    <Card size="small" title={data?.title} loading={results.loading && !data}>
      <ErrorAlert error={results.error} />
      {data && row && (
        <Flex vertical gap="small">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'unit', label: t('polls.results.unit'), children: row.name },
              {
                key: 'rank',
                label: t('polls.results.rank'),
                children:
                  row.rank === null
                    ? t('polls.unit.unranked')
                    : t('polls.unit.rank', { rank: row.rank, units: data.units }),
              },
              { key: 'index', label: t('polls.results.index'), children: row.index?.toFixed(1) ?? '—' },
              { key: 'interviews', label: t('polls.results.interviews'), children: row.interviews },
              ...data.questions.map((q, i) => ({
                key: q.questionId,
                label: q.text,
                children: row.questions[i]?.mean?.toFixed(1) ?? '—',
              })),
              {
                key: 'verifyBy',
                label: t('polls.results.verification'),
                children: (
                  <Space>
                    {verification(row, data.verifyBy)}
                    {data.verifyBy && t('polls.unit.verifyBy', { verifyBy: instant(data.verifyBy) })}
                  </Space>
                ),
              },
            ]}
          />
          {row.verification ? (
            <>
              {row.verification.response && (
                <Typography.Paragraph>{row.verification.response}</Typography.Paragraph>
              )}
              {row.verification.reply ? (
                <Alert
                  type={row.verification.reply.decision === 'accepted' ? 'success' : 'info'}
                  showIcon
                  message={t('polls.reply.unitTitle', { at: instant(row.verification.reply.at) })}
                  description={replyText(t, row.verification.reply)}
                />
              ) : (
                row.verification.agreed === false && (
                  <Typography.Text type="secondary">{t('polls.reply.awaited')}</Typography.Text>
                )
              )}
            </>
          ) : (
            <>
              <Input.TextArea
                aria-label={t('polls.unit.response')}
                placeholder={t('polls.unit.response')}
                rows={3}
                value={response}
                onChange={(event) => setResponse(event.target.value)}
              />
              <Space>
                <Button type="primary" disabled={busy} onClick={() => void verify(true)}>
                  {t('polls.unit.agree')}
                </Button>
                <Button danger disabled={busy || response.trim() === ''} onClick={() => void verify(false)}>
                  {t('polls.unit.dispute')}
                </Button>
              </Space>
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
